package dev.hookc.runtime.kafka;

import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Request;
import dev.hookc.runtime.telemetry.Observation;
import dev.hookc.runtime.telemetry.WorkContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A {@code delivery: async} route's {@code forward: {kafka: ...}}: the inbox's workers send each
 * committed delivery to a topic (the transactional outbox), and a delivery counts as forwarded only
 * once the broker confirmed its record ({@code acks=all}, idempotent producer). A send that failed
 * or was not confirmed within the timeout is a failed attempt of the delivery, retried with the
 * route's retry policy and dead-lettered after its last attempt, like a failed workflow.
 *
 * <p>The record has the shape of a {@code delivery: kafka} record, so that one consumer reads both:
 * its value is the body exactly as received; its key the route's key expression's value, UTF-8; its
 * headers {@code hookc-delivery-id} (the inbox's id of the delivery, the one its 202 named), {@code
 * hookc-route}, {@code hookc-authn}, {@code hookc-received-at}, {@code content-type}, the route's
 * listed request headers, and the trace context of the attempt ({@code traceparent}).
 */
public final class InboxForward {
  private final KafkaPublisher publisher;
  private final String source;
  private final String topic;
  private String route = "";
  private String authn;
  private Function<Request, String> key;
  private final List<String> headers = new ArrayList<>();
  private Duration timeout = Duration.ofSeconds(5);
  private boolean run;

  private InboxForward(KafkaPublisher publisher, String source, String topic) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.source = Objects.requireNonNull(source, "source");
    this.topic = Objects.requireNonNull(topic, "topic");
  }

  /**
   * Forwarding to {@code topic} through {@code publisher}, of the kafka event source {@code
   * source}.
   */
  public static InboxForward to(KafkaPublisher publisher, String source, String topic) {
    InboxForward forward = new InboxForward(publisher, source, topic);
    // Made as the application starts: credentials the brokers refuse show before a delivery.
    publisher.expect(topic);
    return forward;
  }

  /** The route, as {@code hookc-route} names it: {@code POST /webhooks/shipments}. */
  public InboxForward route(String route) {
    this.route = Objects.requireNonNull(route, "route");
    return this;
  }

  /** The scheme that authenticated the route's requests, {@code hookc-authn}; null when public. */
  public InboxForward authn(String scheme) {
    this.authn = scheme;
    return this;
  }

  /** Where the record key is in a request; a request without it is refused with 400. */
  public InboxForward key(Function<Request, String> key) {
    this.key = Objects.requireNonNull(key, "key");
    return this;
  }

  /** Request headers copied onto the record, when a delivery has them. */
  public InboxForward headers(String... names) {
    for (String name : names) {
      headers.add(name.toLowerCase(Locale.ROOT));
    }
    return this;
  }

  /** How long an attempt waits for the broker's confirmation before it counts as failed. */
  public InboxForward timeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("not a positive timeout: " + timeout);
    }
    this.timeout = timeout;
    return this;
  }

  /** Whether the route's workflow runs too, after the record was confirmed ({@code run: true}). */
  public InboxForward run(boolean run) {
    this.run = run;
    return this;
  }

  /** Whether the route's workflow runs after the record was confirmed. */
  public boolean runs() {
    return run;
  }

  /**
   * Refuses, before it is stored, a delivery that could never be forwarded: one without a usable
   * record key is a 400.
   */
  public void check(Request request) {
    if (key != null) {
      KafkaHandoff.checkedKey(key.apply(request));
    }
  }

  /**
   * Sends the delivery {@code id}, received at {@code receivedAt}, and waits for the broker's
   * confirmation: null once confirmed, else why it was not (a failed attempt).
   */
  public String send(String id, Instant receivedAt, Request request) throws InterruptedException {
    Observation observation = WorkContext.telemetry().datasource(source, "kafka", topic);
    try {
      observation.attribute("messaging.destination.name", topic);
      OutgoingRecord record =
          new OutgoingRecord(
              topic,
              key == null ? null : KafkaHandoff.checkedKey(key.apply(request)),
              request.bodyBytes(),
              RecordHeaders.of(id, route, authn, receivedAt, request, headers));
      return confirmed(publisher, record, observation);
    } catch (HttpProblem e) {
      // Checked when the delivery was accepted; a row stored by an earlier version may lack it.
      observation.failure("key", e);
      return "the delivery has no usable Kafka record key: " + e.getMessage();
    } finally {
      observation.close();
    }
  }

  private String confirmed(KafkaPublisher publisher, OutgoingRecord record, Observation observation)
      throws InterruptedException {
    CompletableFuture<KafkaPublisher.RecordPlace> sent;
    try {
      sent = publisher.send(record);
    } catch (RuntimeException e) {
      observation.failure("send", e);
      return "Kafka did not take the record: " + reason(e);
    }
    try {
      KafkaPublisher.RecordPlace place = sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      observation.attribute("messaging.kafka.partition", Integer.toString(place.partition()));
      observation.attribute("messaging.kafka.offset", Long.toString(place.offset()));
      return null;
    } catch (TimeoutException e) {
      // Not cancelled: the record may still be written, and the next attempt writes it again;
      // consumers deduplicate on hookc-delivery-id (at-least-once, as documented).
      observation.failure("timeout", e);
      return "Kafka did not confirm the record within " + timeout.toMillis() + " ms";
    } catch (ExecutionException e) {
      observation.failure("send", e.getCause());
      return "Kafka did not take the record: " + reason(e.getCause());
    } catch (InterruptedException e) {
      observation.failure("interrupted", e);
      throw e;
    }
  }

  /** Why a send failed, without internals: the exception's type and message. */
  private static String reason(Throwable e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}

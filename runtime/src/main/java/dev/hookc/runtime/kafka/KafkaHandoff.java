package dev.hookc.runtime.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.Request;
import dev.hookc.runtime.RequestHandler;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Violation;
import dev.hookc.runtime.telemetry.Observation;
import dev.hookc.runtime.telemetry.Telemetry;
import dev.hookc.runtime.telemetry.WorkContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A {@code delivery: kafka} route's handler: after authentication (and the idempotency check, which
 * wraps it), it checks the body, sends the delivery to its topic and answers 2xx only once the
 * broker confirmed the record ({@code acks=all}). A send the broker has not confirmed within the
 * timeout, or that failed, is a 503 with {@code Retry-After}: the sender tries again, and since
 * idempotency records only answers below 500, its retry is sent again.
 *
 * <p>The record's value is the body exactly as received; its key the route's key expression's
 * value, UTF-8; its headers {@code hookc-delivery-id}, {@code hookc-route}, {@code hookc-authn},
 * {@code hookc-received-at}, {@code content-type}, the route's listed request headers, and the
 * trace context ({@code traceparent}).
 */
public final class KafkaHandoff {
  /** The longest record key taken: a key names an object, and a longer one is a mistake. */
  static final int MAX_KEY_LENGTH = 1024;

  private static final String UNAVAILABLE = "https://hookc.dev/problems/kafka-unavailable";
  private static final String TOO_LARGE = "https://hookc.dev/problems/record-too-large";
  private static final String MISSING_KEY = "https://hookc.dev/problems/missing-record-key";
  private static final String INVALID_KEY = "https://hookc.dev/problems/invalid-record-key";

  private final KafkaPublisher publisher;
  private final String source;
  private final String topic;
  private String route = "";
  private String authn;
  private Function<Request, String> key;
  private final List<String> headers = new ArrayList<>();
  private Function<Request, String> deliveryId;
  private Duration timeout = Duration.ofSeconds(5);
  private int acceptStatus = 202;
  private Function<JsonNode, List<Violation>> validator;
  private Clock clock = Clock.systemUTC();

  private KafkaHandoff(KafkaPublisher publisher, String source, String topic) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.source = Objects.requireNonNull(source, "source");
    this.topic = Objects.requireNonNull(topic, "topic");
  }

  /** A hand-off to {@code topic} through {@code publisher}, of the event source {@code source}. */
  public static KafkaHandoff to(KafkaPublisher publisher, String source, String topic) {
    KafkaHandoff handoff = new KafkaHandoff(publisher, source, topic);
    // Made as the application starts: credentials the brokers refuse show before a delivery.
    publisher.expect(topic);
    return handoff;
  }

  /** The route, as {@code hookc-route} names it: {@code POST /webhooks/stripe}. */
  public KafkaHandoff route(String route) {
    this.route = Objects.requireNonNull(route, "route");
    return this;
  }

  /** The scheme that authenticated the route's requests, {@code hookc-authn}; null when public. */
  public KafkaHandoff authn(String scheme) {
    this.authn = scheme;
    return this;
  }

  /** Where the record key is in a request; a request without it is a 400. */
  public KafkaHandoff key(Function<Request, String> key) {
    this.key = Objects.requireNonNull(key, "key");
    return this;
  }

  /** Request headers copied onto the record, when a request has them. */
  public KafkaHandoff headers(String... names) {
    for (String name : names) {
      headers.add(name.toLowerCase(Locale.ROOT));
    }
    return this;
  }

  /** The sender's id of a delivery ({@code webhook-id}, ...), else each delivery gets a UUID. */
  public KafkaHandoff deliveryId(Function<Request, String> id) {
    this.deliveryId = Objects.requireNonNull(id, "id");
    return this;
  }

  /** How long to wait for the broker's confirmation before answering 503. */
  public KafkaHandoff timeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("not a positive timeout: " + timeout);
    }
    this.timeout = timeout;
    return this;
  }

  /** The status of the acknowledgement: 202 unless the event declares a lower 2xx. */
  public KafkaHandoff accept(int status) {
    if (status < 200 || status > 299) {
      throw new IllegalArgumentException("not a 2xx status: " + status);
    }
    this.acceptStatus = status;
    return this;
  }

  /** Checks the body before anything is sent; violations are a 400. */
  public KafkaHandoff validate(Function<JsonNode, List<Violation>> validator) {
    this.validator = Objects.requireNonNull(validator, "validator");
    return this;
  }

  /** The clock of {@code hookc-received-at}. */
  public KafkaHandoff clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** The route's handler. */
  public RequestHandler handler() {
    Handoff settings = new Handoff(this);
    return settings::handle;
  }

  /**
   * The text of the scalar at {@code path} in the JSON body: a string as it is, a number or boolean
   * as JSON writes it; null when the body has none there.
   */
  public static Function<Request, String> bodyKey(String... path) {
    List<String> names = List.of(path);
    return request -> {
      JsonNode node = Json.readBody(request);
      for (String name : names) {
        node = node.path(name);
      }
      return node.isValueNode() && !node.isNull() ? node.asText() : null;
    };
  }

  /** The settings, fixed once the handler is made. */
  private record Handoff(
      KafkaPublisher publisher,
      String source,
      String topic,
      String route,
      String authn,
      Function<Request, String> key,
      List<String> headers,
      Function<Request, String> deliveryId,
      Duration timeout,
      int acceptStatus,
      Function<JsonNode, List<Violation>> validator,
      Clock clock) {

    Handoff(KafkaHandoff b) {
      this(
          b.publisher,
          b.source,
          b.topic,
          b.route,
          b.authn,
          b.key,
          List.copyOf(b.headers),
          b.deliveryId,
          b.timeout,
          b.acceptStatus,
          b.validator,
          b.clock);
    }

    Response handle(Request request) throws InterruptedException {
      if (validator != null) {
        List<Violation> violations = validator.apply(Json.readBody(request));
        if (!violations.isEmpty()) {
          throw HttpProblem.badRequest(
              "The request body does not match the route's schema.", violations);
        }
        WorkContext.outcome(Telemetry.Check.VALIDATION, "accepted");
      }
      String recordKey = key == null ? null : checkedKey(key.apply(request));
      String id = deliveryId == null ? null : deliveryId.apply(request);
      if (id == null || id.isBlank()) {
        id = UUID.randomUUID().toString();
      }
      Observation observation = WorkContext.telemetry().datasource(source, "kafka", topic);
      try {
        observation.attribute("messaging.destination.name", topic);
        OutgoingRecord record =
            new OutgoingRecord(
                topic,
                recordKey,
                request.bodyBytes(),
                RecordHeaders.of(id, route, authn, clock.instant(), request, headers));
        send(record, observation);
      } finally {
        observation.close();
      }
      return acceptStatus == 204
          ? Response.empty(204)
          : Response.json(acceptStatus, Map.of("id", id));
    }

    /** Returns once the broker confirmed the record; else throws the 503 to answer. */
    private void send(OutgoingRecord record, Observation observation) throws InterruptedException {
      // The timeout counts from here: a send may block while the producer looks for the
      // topic's leader or waits for buffer space.
      long deadline = System.nanoTime() + timeout.toNanos();
      CompletableFuture<KafkaPublisher.RecordPlace> sent;
      try {
        sent = publisher.send(record);
      } catch (RuntimeException e) {
        observation.failure("send", e);
        throw unavailable("the delivery could not be handed to Kafka: " + reason(e));
      }
      try {
        long left = Math.max(1, deadline - System.nanoTime());
        KafkaPublisher.RecordPlace place = sent.get(left, TimeUnit.NANOSECONDS);
        observation.attribute("messaging.kafka.partition", Integer.toString(place.partition()));
        observation.attribute("messaging.kafka.offset", Long.toString(place.offset()));
      } catch (TimeoutException e) {
        // Not cancelled: the record may still be written, and a retry then writes it again; a
        // consumer deduplicates on hookc-delivery-id (at-least-once, as documented).
        observation.failure("timeout", e);
        throw unavailable(
            "Kafka did not confirm the delivery within " + timeout.toMillis() + " ms");
      } catch (ExecutionException e) {
        observation.failure("send", e.getCause());
        if (e.getCause() instanceof KafkaPublisher.RecordTooLargeException) {
          // Sending it again cannot succeed: the sender must not retry it for days.
          throw new HttpProblem(
                  413,
                  "Content Too Large",
                  "the delivery is larger than the Kafka topic takes: " + e.getCause().getMessage())
              .withType(TOO_LARGE);
        }
        throw unavailable("Kafka did not take the delivery: " + reason(e.getCause()));
      } catch (InterruptedException e) {
        observation.failure("interrupted", e);
        throw e;
      }
    }
  }

  /** {@code key} once checked: present, not too long, text without control characters. */
  static String checkedKey(String key) {
    if (key == null || key.isBlank()) {
      throw new HttpProblem(
              400, "Bad Request", "the request has no value for the route's Kafka record key")
          .withType(MISSING_KEY);
    }
    if (key.length() > MAX_KEY_LENGTH) {
      throw new HttpProblem(
              400,
              "Bad Request",
              "the Kafka record key is longer than " + MAX_KEY_LENGTH + " characters")
          .withType(INVALID_KEY);
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < key.length()
              && Character.isLowSurrogate(key.charAt(i + 1));
      if (pair) {
        i++;
      } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
        throw new HttpProblem(
                400, "Bad Request", "the Kafka record key contains a character that is not text")
            .withType(INVALID_KEY);
      }
    }
    return key;
  }

  private static HttpProblem unavailable(String detail) {
    return new HttpProblem(503, "Service Unavailable", detail)
        .withType(UNAVAILABLE)
        .withHeader("Retry-After", "5");
  }

  /** Why a send failed, without internals: the exception's type and message. */
  private static String reason(Throwable e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}

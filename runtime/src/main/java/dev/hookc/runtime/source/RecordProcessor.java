package dev.hookc.runtime.source;

import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Request;
import dev.hookc.runtime.RequestHandler;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Violation;
import dev.hookc.runtime.telemetry.DeliveryStart;
import dev.hookc.runtime.telemetry.Observation;
import dev.hookc.runtime.telemetry.Telemetry;
import dev.hookc.runtime.telemetry.WorkContext;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Runs one event's workflow on the records of its subscription, as its generated controller does
 * for an HTTP request: the value read as JSON, validated against the event's body schema and bound
 * to its payload class, then the workflow. A value that is not JSON or breaks the schema is
 * dead-lettered at once; a workflow that fails (throws, or ends with a 5xx status) is run again
 * after the subscription's backoff, and dead-lettered after its last attempt.
 *
 * <p>Each attempt is observed as a delivery ({@link Telemetry#delivery}) named after the event,
 * with {@code inputs.delivery.id} the record's {@code hookc-delivery-id} header, else {@code
 * <topic>-<partition>-<offset>}. Thread-safe: it keeps no state between records.
 */
public final class RecordProcessor {
  /** The header that carries a delivery's id from the route that produced the record. */
  public static final String DELIVERY_ID = "hookc-delivery-id";

  /** The header that carries when the route that produced the record received the delivery. */
  public static final String RECEIVED_AT = "hookc-received-at";

  private static final System.Logger LOG = System.getLogger(RecordProcessor.class.getName());
  private static final int MAX_DETAIL = 2000;

  private final Subscription subscription;
  private final RequestHandler handler;
  private final Telemetry telemetry;

  /**
   * @param handler the event's generated controller
   * @param telemetry what observes the application
   */
  public RecordProcessor(Subscription subscription, RequestHandler handler, Telemetry telemetry) {
    this.subscription = Objects.requireNonNull(subscription, "subscription");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
  }

  /** The event this processor runs. */
  public Subscription subscription() {
    return subscription;
  }

  /**
   * Processes {@code record}: returns once the workflow finished, every attempt failed, or the
   * application began to stop ({@code stopping}, or the thread interrupted) before it finished:
   * {@link RecordOutcome.Abandoned}, never committed. An attempt that fails while stopping is not
   * held against the record (the stop may be why it failed): it is abandoned, not dead-lettered.
   */
  public RecordOutcome process(SourceRecord record, BooleanSupplier stopping) {
    String deliveryId = deliveryId(record);
    Instant receivedAt = receivedAt(record);
    Request request = request(record, deliveryId);
    int max = subscription.retry().maxAttempts();
    String failure = null;
    for (int attempt = 1; attempt <= max; attempt++) {
      if (stopping.getAsBoolean() || Thread.currentThread().isInterrupted()) {
        return abandoned(record, deliveryId);
      }
      Attempt result = attempt(record, request, deliveryId, receivedAt, attempt);
      if (result.outcome() != null) {
        return result.outcome();
      }
      failure = result.failure();
      if (stopping.getAsBoolean() || Thread.currentThread().isInterrupted()) {
        return abandoned(record, deliveryId);
      }
      if (attempt < max) {
        telemetry.deliveryRetry(subscription.event(), attempt + 1);
        Duration delay = subscription.retry().delayAfter(attempt);
        try {
          Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return abandoned(record, deliveryId);
        }
      }
    }
    telemetry.deadLettered(subscription.event());
    LOG.log(
        Level.ERROR,
        "delivery {0} of {1} ({2}) failed {3} attempts; dead-lettered to {4}: {5}",
        deliveryId,
        subscription.event(),
        record.position(),
        max,
        subscription.deadLetter(),
        failure);
    return new RecordOutcome.DeadLettered("failed", limit(failure), max);
  }

  /** What one attempt came to: an outcome, or why it failed and may be tried again. */
  private record Attempt(RecordOutcome outcome, String failure) {}

  private Attempt attempt(
      SourceRecord record, Request request, String deliveryId, Instant receivedAt, int attempt) {
    Observation observation =
        telemetry == Telemetry.NONE
            ? Observation.NONE
            : telemetry.delivery(
                new DeliveryStart(subscription.event(), deliveryId, attempt, request::header));
    observation.attribute("delivery.id", deliveryId);
    observation.attribute("messaging.destination.name", record.topic());
    observation.attribute("messaging.kafka.partition", Integer.toString(record.partition()));
    observation.attribute("messaging.kafka.offset", Long.toString(record.offset()));
    WorkContext.Scope context =
        WorkContext.enter(
            WorkContext.of(
                telemetry, null, subscription.event(), deliveryId, receivedAt, observation));
    try {
      Response response = handler.handle(request);
      observation.status(response.status(), null);
      if (response.status() < 500) {
        LOG.log(
            Level.DEBUG,
            "delivery {0} of {1} ({2}) processed",
            deliveryId,
            subscription.event(),
            record.position());
        return new Attempt(new RecordOutcome.Processed(attempt), null);
      }
      observation.failure("status", null);
      return failedAttempt(
          record, deliveryId, attempt, "the workflow answered " + response.status(), null);
    } catch (HttpProblem problem) {
      if (problem.status() >= 500) {
        observation.status(problem.status(), null);
        observation.failure("status", problem);
        return failedAttempt(record, deliveryId, attempt, problem.getMessage(), problem);
      }
      // The record itself is wrong: no attempt will do better.
      observation.status(problem.status(), slug(problem.type()));
      String detail = detail(problem);
      LOG.log(
          Level.WARNING,
          "delivery {0} of {1} ({2}) is invalid; dead-lettered to {3}: {4}",
          deliveryId,
          subscription.event(),
          record.position(),
          subscription.deadLetter(),
          detail);
      return new Attempt(new RecordOutcome.DeadLettered("invalid-body", limit(detail), 0), null);
    } catch (Exception | StackOverflowError e) {
      observation.failure("exception", e);
      String why = e.getCause() == null ? e.toString() : e + "; caused by " + e.getCause();
      return failedAttempt(record, deliveryId, attempt, why, e);
    } finally {
      observation.close();
      context.close();
    }
  }

  private Attempt failedAttempt(
      SourceRecord record, String deliveryId, int attempt, String why, Throwable error) {
    LOG.log(
        Level.WARNING,
        "delivery "
            + deliveryId
            + " of "
            + subscription.event()
            + " ("
            + record.position()
            + ") failed (attempt "
            + attempt
            + " of "
            + subscription.retry().maxAttempts()
            + "): "
            + why,
        error);
    return new Attempt(null, why);
  }

  private RecordOutcome abandoned(SourceRecord record, String deliveryId) {
    LOG.log(
        Level.INFO,
        "delivery {0} of {1} ({2}) abandoned unfinished as the application stops; its offset is not"
            + " committed",
        deliveryId,
        subscription.event(),
        record.position());
    return new RecordOutcome.Abandoned();
  }

  /** The record's delivery id: the producing route's, else its place in the log. */
  static String deliveryId(SourceRecord record) {
    String id = record.headers().get(DELIVERY_ID);
    return id == null || id.isBlank() ? record.position() : id;
  }

  /**
   * When the delivery was received: the {@code hookc-received-at} of a record a hand-off or an
   * outbox produced, else now, when the record is taken (a value that is no instant is ignored).
   */
  private static Instant receivedAt(SourceRecord record) {
    String given = record.headers().get(RECEIVED_AT);
    if (given != null) {
      try {
        return Instant.parse(given);
      } catch (DateTimeParseException e) {
        LOG.log(Level.DEBUG, "record {0}: {1} is no instant", record.position(), RECEIVED_AT);
      }
    }
    return Instant.now();
  }

  /**
   * The record as the controller reads a request: its value the JSON body, its headers (lower case)
   * the request's, with the delivery id.
   */
  private Request request(SourceRecord record, String deliveryId) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    record
        .headers()
        .forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), List.of(value)));
    // The value is the event's JSON body, whatever a producer said it was.
    headers.put("content-type", List.of("application/json"));
    headers.put(DELIVERY_ID, List.of(deliveryId));
    return Request.of(
        "POST", "/" + subscription.topic(), Map.of(), Map.of(), headers, record.value());
  }

  private static String detail(HttpProblem problem) {
    if (problem.errors().isEmpty()) {
      return problem.detail();
    }
    return problem.detail()
        + " "
        + problem.errors().stream()
            .map(RecordProcessor::violation)
            .collect(Collectors.joining("; "));
  }

  private static String violation(Violation v) {
    return (v.pointer().isEmpty() ? "(root)" : v.pointer()) + ": " + v.message();
  }

  private static String limit(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "...";
  }

  private static String slug(String type) {
    int slash = type.lastIndexOf('/');
    return slash < 0 ? type : type.substring(slash + 1);
  }
}

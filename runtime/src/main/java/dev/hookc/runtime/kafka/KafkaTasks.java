package dev.hookc.runtime.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.datasource.DatasourceException;
import dev.hookc.runtime.datasource.DatasourceException.Kind;
import dev.hookc.runtime.telemetry.Observation;
import dev.hookc.runtime.telemetry.WorkContext;
import dev.hookc.runtime.workflow.Status;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a generated workflow's {@code fn: datasource.<kafka>.publish} task runs: produces one record
 * with the application's producer of that Kafka source ({@code acks=all}, idempotent) and waits for
 * the broker's confirmation. A confirmed record is a status like an http datasource call's: {@code
 * code} 200, {@code data} {@code {topic, partition, offset}}. A send that failed or was not
 * confirmed within the timeout is thrown as a {@link DatasourceException} ({@code unavailable},
 * {@code timeout}): it ends the workflow unless the task's {@code on_error} handles it, so no 2xx
 * is answered and no delivery counts as processed for a record the broker does not have.
 *
 * <p>The record's value is the message as JSON text (UTF-8), a string included ({@code "text"},
 * quoted), so that a hookc Kafka event, which reads its records as JSON, reads it back; its key the
 * key's text (a number as JSON writes it), or none; its headers the task's, then {@code
 * hookc-delivery-id} of the work running (an async delivery, a Kafka record), its {@code
 * hookc-route} and {@code hookc-received-at}, and the trace context.
 */
public final class KafkaTasks {
  /** How long a send waits for the broker when the task gives no {@code timeout}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private KafkaTasks() {}

  /**
   * Publishes {@code message} to {@code topic} with {@code publisher}, the producer of the Kafka
   * source {@code source}.
   *
   * @param key the record's key (text or a number), or null for none
   * @param headers a JSON object of header names to text, or null for none
   * @param timeout how long to wait for the broker's confirmation, or null for {@link
   *     #DEFAULT_TIMEOUT}
   * @throws DatasourceException when the broker did not confirm the record
   */
  public static Status publish(
      KafkaPublisher publisher,
      String source,
      Object topic,
      Object message,
      Object key,
      Object headers,
      Duration timeout)
      throws InterruptedException {
    String topicName = text(topic);
    String operation = "publish " + topicName;
    if (topicName == null || topicName.isBlank()) {
      throw new DatasourceException(
          source, "publish", Kind.OTHER, source + ": the record's topic is empty", null);
    }
    Observation observation = WorkContext.telemetry().datasource(source, "kafka", topicName);
    try {
      observation.attribute("messaging.destination.name", topicName);
      OutgoingRecord record =
          new OutgoingRecord(
              topicName,
              text(key),
              Json.write(Status.toJson(message)),
              RecordHeaders.published(strings(headers)));
      KafkaPublisher.RecordPlace place =
          confirmed(publisher, record, source, operation, timeout, observation);
      observation.attribute("messaging.kafka.partition", Integer.toString(place.partition()));
      observation.attribute("messaging.kafka.offset", Long.toString(place.offset()));
      ObjectNode data = JsonNodeFactory.instance.objectNode();
      data.put("topic", place.topic());
      data.put("partition", place.partition());
      data.put("offset", place.offset());
      return Status.ok(data);
    } finally {
      observation.close();
    }
  }

  private static KafkaPublisher.RecordPlace confirmed(
      KafkaPublisher publisher,
      OutgoingRecord record,
      String source,
      String operation,
      Duration timeout,
      Observation observation)
      throws InterruptedException {
    Duration wait = timeout == null ? DEFAULT_TIMEOUT : timeout;
    // The timeout counts from here: a send may block while the producer looks for the leader.
    long deadline = System.nanoTime() + wait.toNanos();
    CompletableFuture<KafkaPublisher.RecordPlace> sent;
    try {
      sent = publisher.send(record);
    } catch (RuntimeException e) {
      observation.failure(Kind.UNAVAILABLE.code(), e);
      throw failed(source, operation, Kind.UNAVAILABLE, "Kafka did not take the record", e);
    }
    try {
      return sent.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      // Not cancelled: the record may still be written, and a retry then writes it again
      // (at least once; consumers deduplicate on hookc-delivery-id or their own key).
      observation.failure(Kind.TIMEOUT.code(), e);
      throw failed(
          source,
          operation,
          Kind.TIMEOUT,
          "Kafka did not confirm the record within " + wait.toMillis() + " ms",
          e);
    } catch (ExecutionException e) {
      // A record too large cannot be sent again with success: not a transient failure.
      Kind kind =
          e.getCause() instanceof KafkaPublisher.RecordTooLargeException
              ? Kind.OTHER
              : Kind.UNAVAILABLE;
      observation.failure(kind.code(), e.getCause());
      throw failed(source, operation, kind, "Kafka did not take the record", e.getCause());
    } catch (InterruptedException e) {
      observation.failure("interrupted", e);
      throw e;
    }
  }

  private static DatasourceException failed(
      String source, String operation, Kind kind, String why, Throwable cause) {
    String detail =
        cause == null || cause instanceof TimeoutException
            ? ""
            : ": "
                + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    return new DatasourceException(
        source, operation, kind, source + ": " + operation + ": " + why + detail, cause);
  }

  /** A string, a number or a JSON scalar as text; null for null or a missing value. */
  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String string) {
      return string;
    }
    JsonNode node = Status.toJson(value);
    if (node.isNull() || node.isMissingNode()) {
      return null;
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }

  /** A JSON object's members as text, in order; null members left out. */
  private static Map<String, String> strings(Object headers) {
    Map<String, String> strings = new LinkedHashMap<>();
    if (headers == null) {
      return strings;
    }
    Status.toJson(headers)
        .properties()
        .forEach(
            e -> {
              String value = text(e.getValue());
              if (value != null) {
                strings.put(e.getKey(), value);
              }
            });
    return strings;
  }
}

package dev.hookc.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.kafka.testing.KafkaBroker;
import dev.hookc.runtime.Application;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.internal.datasource.Setting;
import dev.hookc.runtime.store.Inbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workflow's publish task against a real broker: the record a consumer reads has the message as
 * JSON, the key and the task's headers; while the broker is away the task fails, so a synchronous
 * request is answered 503 with {@code Retry-After} (never 2xx) and an async delivery stays pending
 * until the broker is back.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HostileKafkaPublishTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static KafkaBroker broker;

  @TempDir Path data;
  // Per test, as JUnit makes an instance for each: what the application reports, and its inbox.
  private final RecordingTelemetry telemetry = new RecordingTelemetry();
  private final AtomicReference<Inbox> inbox = new AtomicReference<>();

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start();
    broker.createTopic("orders", 2);
  }

  @AfterAll
  static void closeBroker() {
    broker.close();
  }

  @AfterEach
  void brokerBack() {
    broker.restart();
  }

  /** The publishing application, observed by {@link #telemetry}, its inbox in {@link #inbox}. */
  private Application start() {
    return PublishApp.builder(broker.bootstrapServers(), data, inbox)
        .telemetry(telemetry)
        .build()
        .start();
  }

  private static HttpResponse<String> post(Application app, String path, String body)
      throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(app.baseUri() + path))
            .timeout(Duration.ofSeconds(20))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<ConsumerRecord<byte[], byte[]>> keyed(String key) {
    return broker.readAll("orders", WAIT).stream()
        .filter(r -> r.key() != null && new String(r.key(), StandardCharsets.UTF_8).equals(key))
        .toList();
  }

  private static int pending(AtomicReference<Inbox> inbox) {
    try {
      return (int) inbox.get().counts().pending();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aPublishedRecordHasTheMessageAsJsonItsKeyAndHeadersAndTheTaskReturnsItsPlace()
      throws Exception {
    try (Application app = start()) {
      Instant before = Instant.now();
      HttpResponse<String> response = post(app, "/orders", "{\"id\":\"o-1\",\"total\":12.5}");
      Instant after = Instant.now();

      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode place = Json.mapper().readTree(response.body());
      assertThat(place.path("topic").asText()).isEqualTo("orders");
      List<ConsumerRecord<byte[], byte[]>> records = keyed("o-1");
      assertThat(records).hasSize(1);
      ConsumerRecord<byte[], byte[]> record = records.get(0);
      assertThat(record.partition()).isEqualTo(place.path("partition").asInt());
      assertThat(record.offset()).isEqualTo(place.path("offset").asLong());
      assertThat(Json.mapper().readTree(record.value()))
          .isEqualTo(Json.mapper().readTree("{\"order\":{\"id\":\"o-1\",\"total\":12.5}}"));
      Map<String, List<String>> headers = InboxForwardTest.headers(record);
      assertThat(headers)
          .containsEntry("x-source", List.of("orders"))
          .containsEntry("traceparent", List.of(RecordingTelemetry.TRACEPARENT))
          .containsEntry("hookc-route", List.of("POST /orders"))
          .doesNotContainKey("hookc-delivery-id");
      // As a hand-off's record says it: the instant the request arrived, in ISO-8601.
      assertThat(headers.get("hookc-received-at")).hasSize(1);
      assertThat(Instant.parse(headers.get("hookc-received-at").get(0)))
          .isBetween(before.truncatedTo(ChronoUnit.MILLIS), after);
      assertThat(telemetry.datasourceCalls).contains("bus kafka orders");
    }
  }

  @Test
  void aProducerKafkaRefusesToMakeIsNamedAfterTheKafkaDatasourceAsDeclared() {
    Application.Builder builder =
        PublishApp.builder(
            broker.bootstrapServers(),
            Map.of("security.protocol", Setting.literal("NOT_A_PROTOCOL")),
            data,
            inbox);

    assertThatThrownBy(() -> builder.build().start().close())
        .hasStackTraceContaining("kafka datasource bus: ")
        .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("kafka event source bus"));
  }

  private static String stackTrace(Throwable e) {
    java.io.StringWriter text = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(text));
    return text.toString();
  }

  @Test
  void aSynchronousRequestIsAnswered503WithRetryAfterWhileTheBrokerIsDown() throws Exception {
    try (Application app = start()) {
      // The producer knows the topic's leaders before the outage, as a running application would.
      assertThat(post(app, "/orders", "{\"id\":\"warm\"}").statusCode()).isEqualTo(200);
      broker.stop();

      HttpResponse<String> failed = post(app, "/orders", "{\"id\":\"o-down\"}");

      // An outage, not a bug: the sender is asked to come back later.
      assertThat(failed.statusCode()).as(failed.body()).isEqualTo(503);
      assertThat(failed.headers().firstValue("retry-after")).hasValue("5");
      assertThat(failed.headers().firstValue("content-type")).hasValue("application/problem+json");
      JsonNode problem = Json.mapper().readTree(failed.body());
      assertThat(problem.path("type").asText())
          .isEqualTo("https://hookc.dev/problems/datasource-unavailable");
      assertThat(problem.path("detail").asText())
          .startsWith("the datasource bus ")
          .contains("(publish orders)");
      assertThat(failed.body())
          .doesNotContain(broker.bootstrapServers())
          .doesNotContain("Exception")
          .doesNotContain("o-down");
      // Not confirmed in time, or refused at once: either way a failure, never a success.
      assertThat(telemetry.datasourceFailures).containsAnyOf("timeout", "unavailable");
      broker.restart();
      HttpResponse<String> retried = post(app, "/orders", "{\"id\":\"o-down\"}");
      assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
    }
    // At least once: the first send may still have reached the topic after its timeout.
    assertThat(keyed("o-down")).isNotEmpty();
  }

  @Test
  void anAsyncDeliveryStaysPendingWhileTheBrokerIsDownAndIsPublishedOnceItIsBack()
      throws Exception {
    try (Application app = start()) {
      assertThat(post(app, "/orders", "{\"id\":\"warm-async\"}").statusCode()).isEqualTo(200);
      broker.stop();

      Instant before = Instant.now();
      HttpResponse<String> accepted = post(app, "/async-orders", "{\"id\":\"o-async\"}");
      Instant after = Instant.now();

      assertThat(accepted.statusCode()).as("stored, so acknowledged").isEqualTo(202);
      String id = InboxForwardTest.id(accepted);
      // Attempts fail while the broker is away, and the delivery does not count as processed.
      assertThat(telemetry.retries.tryAcquire(2, 30, TimeUnit.SECONDS)).isTrue();
      assertThat(pending(inbox)).isEqualTo(1);
      assertThat(inbox.get().deadLetters()).isEmpty();
      broker.restart();
      OutboxRoute.await(WAIT, () -> pending(inbox) == 0);
      assertThat(inbox.get().deadLetters()).isEmpty();
      List<ConsumerRecord<byte[], byte[]>> records = keyed("o-async");
      assertThat(records).isNotEmpty();
      assertThat(records)
          .allSatisfy(
              r ->
                  assertThat(InboxForwardTest.headers(r))
                      .containsEntry("hookc-delivery-id", List.of(id))
                      .containsEntry("hookc-route", List.of("POST /async-orders")));
      // When the delivery was accepted, not when the attempt that published it ran.
      assertThat(
              Instant.parse(
                  InboxForwardTest.headers(records.get(0)).get("hookc-received-at").get(0)))
          .isBetween(before.truncatedTo(ChronoUnit.MILLIS), after);
    }
  }
}

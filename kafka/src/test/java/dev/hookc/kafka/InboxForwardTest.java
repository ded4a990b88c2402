package dev.hookc.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.kafka.testing.KafkaBroker;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.store.RetryPolicy;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An async route's inbox forwarding its committed deliveries to a topic of a real broker. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InboxForwardTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final RetryPolicy RETRY =
      new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1), 2);
  private static KafkaBroker broker;

  @TempDir Path data;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void closeBroker() {
    broker.close();
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static Map<String, List<String>> headers(ConsumerRecord<byte[], byte[]> record) {
    Map<String, List<String>> all = new java.util.HashMap<>();
    for (Header header : record.headers()) {
      all.computeIfAbsent(header.key(), k -> new ArrayList<>()).add(text(header.value()));
    }
    return all;
  }

  static String id(HttpResponse<String> response) throws Exception {
    return Json.mapper().readTree(response.body()).path("id").asText();
  }

  @Test
  void forwardsEachAcceptedDeliveryOnceWithItsKeyHeadersAndRawBody() throws Exception {
    broker.createTopic("shipments", 2);
    RecordingTelemetry telemetry = new RecordingTelemetry();
    Map<String, String> ids = new java.util.HashMap<>();
    try (OutboxRoute route =
        OutboxRoute.start(
            data,
            broker.bootstrapServers(),
            "shipments",
            null,
            RETRY,
            telemetry,
            UnaryOperator.identity())) {
      for (int i = 0; i < 5; i++) {
        HttpResponse<String> accepted =
            route.post("{\"n\": " + i + ",  \"ü\": true}", "msg-" + i, "order-" + (i % 2));
        assertThat(accepted.statusCode()).isEqualTo(202);
        ids.put(id(accepted), "msg-" + i);
      }
      // A sender's redelivery is answered from the inbox and forwarded no second time.
      HttpResponse<String> repeat = route.post("{\"n\": 0,  \"ü\": true}", "msg-0", "order-0");
      assertThat(repeat.headers().firstValue("idempotent-replayed")).hasValue("true");
      OutboxRoute.await(WAIT, () -> route.counts().done() == 5);
      assertThat(route.counts().pending()).isZero();
    }
    List<ConsumerRecord<byte[], byte[]>> records = broker.readAll("shipments", WAIT);
    assertThat(records).hasSize(5);
    for (ConsumerRecord<byte[], byte[]> record : records) {
      Map<String, List<String>> headers = headers(record);
      String deliveryId = headers.get("hookc-delivery-id").get(0);
      String webhookId = ids.get(deliveryId);
      assertThat(webhookId).as("the 202's id names the record").isNotNull();
      int n = Integer.parseInt(webhookId.substring(4));
      assertThat(text(record.value())).isEqualTo("{\"n\": " + n + ",  \"ü\": true}");
      assertThat(text(record.key())).isEqualTo("order-" + (n % 2));
      assertThat(headers.get("hookc-route")).containsExactly("POST /hook");
      assertThat(headers.get("hookc-authn")).containsExactly("hmac");
      assertThat(Instant.parse(headers.get("hookc-received-at").get(0)))
          .isBefore(Instant.now().plusSeconds(1));
      assertThat(headers.get("content-type")).containsExactly("application/json");
      assertThat(headers.get("webhook-id")).containsExactly(webhookId);
      assertThat(headers.get("traceparent")).containsExactly(RecordingTelemetry.TRACEPARENT);
    }
    assertThat(records)
        .extracting(r -> headers(r).get("hookc-delivery-id").get(0))
        .doesNotHaveDuplicates();
    assertThat(telemetry.datasourceCalls).hasSize(5).containsOnly("kafka kafka shipments");
    assertThat(telemetry.datasourceFailures).isEmpty();
  }

  @Test
  void runsTheWorkflowAsWellOnlyAfterTheBrokerConfirmedTheRecord() throws Exception {
    broker.createTopic("runs", 1);
    RecordingTelemetry telemetry = new RecordingTelemetry();
    Map<String, Integer> inTopicWhenRun = new ConcurrentHashMap<>();
    try (OutboxRoute route =
        OutboxRoute.start(
            data,
            broker.bootstrapServers(),
            "runs",
            request -> {
              // Everything confirmed is in the topic: this delivery's record must be there.
              inTopicWhenRun.put(request.header("webhook-id"), broker.readAll("runs", WAIT).size());
              return Response.empty(204);
            },
            RETRY,
            telemetry,
            forward -> forward.run(true))) {
      assertThat(route.post("{\"a\":1}", "r-1", "k").statusCode()).isEqualTo(202);
      OutboxRoute.await(WAIT, () -> route.counts().done() == 1);
      assertThat(route.post("{\"a\":2}", "r-2", "k").statusCode()).isEqualTo(202);
      OutboxRoute.await(WAIT, () -> route.counts().done() == 2);
    }
    assertThat(inTopicWhenRun).containsEntry("r-1", 1).containsEntry("r-2", 2);
    assertThat(broker.readAll("runs", WAIT)).hasSize(2);
  }

  @Test
  void refusesADeliveryWithoutARecordKeyBeforeStoringIt() throws Exception {
    try (OutboxRoute route =
        OutboxRoute.start(
            data,
            broker.bootstrapServers(),
            "unkeyed",
            null,
            RETRY,
            new RecordingTelemetry(),
            UnaryOperator.identity())) {
      HttpResponse<String> refused = route.post("{}", "no-key", null);
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.headers().firstValue("content-type")).hasValue("application/problem+json");
      HttpResponse<String> tooLong = route.post("{}", "long-key", "k".repeat(1025));
      assertThat(tooLong.statusCode()).isEqualTo(400);
      assertThat(route.counts().pending() + route.counts().done()).isZero();
    }
  }
}

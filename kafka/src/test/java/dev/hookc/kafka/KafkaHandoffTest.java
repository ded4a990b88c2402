package dev.hookc.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.kafka.testing.KafkaBroker;
import dev.hookc.runtime.Application;
import dev.hookc.runtime.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code delivery: kafka} against a real broker in this JVM: what a consumer reads of a delivery,
 * the idempotent repeat, and a broker stopped in the middle of a burst (every 2xx has its record in
 * the log once the broker is back; the other requests got 503).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KafkaHandoffTest {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
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

  static HttpResponse<String> post(
      Application app, String id, String body, Map<String, String> extra) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/hooks"))
            .timeout(Duration.ofSeconds(20))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    HandoffApp.signer().deliveryId(id).sign(bytes).forEach(request::header);
    extra.forEach(request::header);
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** GET {@code path} of {@code app}. */
  static HttpResponse<String> get(Application app, String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .timeout(Duration.ofSeconds(20))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static Map<String, List<String>> headers(ConsumerRecord<byte[], byte[]> record) {
    Map<String, List<String>> all = new HashMap<>();
    for (Header header : record.headers()) {
      all.computeIfAbsent(header.key(), k -> new ArrayList<>()).add(text(header.value()));
    }
    return all;
  }

  @Test
  void answers202OnlyWithTheRecordInTheTopicAsAConsumerReadsIt() throws Exception {
    broker.createTopic("payments", 3);
    Instant before = Instant.now();
    try (Application app =
        HandoffApp.builder(broker.bootstrapServers(), "payments", Duration.ofSeconds(10), data)
            .build()
            .start()) {
      String body = "{\"type\":\"paid\",\"object\":{\"id\":\"pi_42\"},\"n\":1}";
      HttpResponse<String> response =
          post(app, "msg_1", body, Map.of("x-tenant", "acme", "x-other", "not copied"));

      assertThat(response.statusCode()).isEqualTo(202);
      assertThat(Json.mapper().readTree(response.body()).path("id").asText()).isEqualTo("msg_1");

      List<ConsumerRecord<byte[], byte[]>> records =
          broker.readAll("payments", Duration.ofSeconds(20));
      assertThat(records).hasSize(1);
      ConsumerRecord<byte[], byte[]> record = records.get(0);
      assertThat(text(record.key())).isEqualTo("pi_42");
      assertThat(text(record.value())).isEqualTo(body);
      Map<String, List<String>> headers = headers(record);
      assertThat(headers.get("hookc-delivery-id")).containsExactly("msg_1");
      assertThat(headers.get("hookc-route")).containsExactly("POST /hooks");
      assertThat(headers.get("hookc-authn")).containsExactly("standard-webhooks");
      assertThat(headers.get("content-type")).containsExactly("application/json");
      assertThat(headers.get("x-tenant")).containsExactly("acme");
      assertThat(headers).doesNotContainKey("x-other").doesNotContainKey("webhook-signature");
      assertThat(Instant.parse(headers.get("hookc-received-at").get(0)))
          .isBetween(before.minusSeconds(1), Instant.now());

      // The sender's retry of a confirmed delivery is answered again and not produced again.
      HttpResponse<String> repeat = post(app, "msg_1", body, Map.of());
      assertThat(repeat.statusCode()).isEqualTo(202);
      assertThat(repeat.headers().firstValue("Idempotent-Replayed")).hasValue("true");
      assertThat(broker.readAll("payments", Duration.ofSeconds(20))).hasSize(1);
    }
  }

  @Test
  void everyDeliveryAnswered2xxDuringABrokerStopIsInTheLogAndTheOthersGot503() throws Exception {
    broker.createTopic("burst", 2);
    int senders = 16;
    int deliveries = 400;
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    try (Application app =
        HandoffApp.builder(broker.bootstrapServers(), "burst", Duration.ofSeconds(2), data)
            .build()
            .start()) {
      ExecutorService pool = Executors.newFixedThreadPool(senders);
      CountDownLatch halfway = new CountDownLatch(deliveries / 4);
      List<Future<?>> sent = new ArrayList<>();
      try {
        for (int i = 0; i < deliveries; i++) {
          String id = "msg_" + i;
          sent.add(
              pool.submit(
                  () -> {
                    String body = "{\"object\":{\"id\":\"obj_" + (id.hashCode() % 7) + "\"}}";
                    HttpResponse<String> response = post(app, id, body, Map.of());
                    statuses
                        .computeIfAbsent(response.statusCode(), s -> new AtomicInteger())
                        .incrementAndGet();
                    if (response.statusCode() == 202) {
                      acknowledged.add(id);
                    }
                    halfway.countDown();
                    return null;
                  }));
        }
        assertThat(halfway.await(60, TimeUnit.SECONDS)).isTrue();
        broker.stop();
        Thread.sleep(3_000); // requests keep arriving while it is down: that is the test
        broker.restart();
        for (Future<?> future : sent) {
          future.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
        if (!broker.running()) {
          broker.restart();
        }
      }
    }
    assertThat(statuses.keySet()).as("statuses %s", statuses).isSubsetOf(202, 503);
    assertThat(statuses.get(503)).as("some requests met the stopped broker").isNotNull();
    Set<String> inLog = ConcurrentHashMap.newKeySet();
    for (ConsumerRecord<byte[], byte[]> record : broker.readAll("burst", Duration.ofSeconds(30))) {
      inLog.add(headers(record).get("hookc-delivery-id").get(0));
    }
    assertThat(inLog).containsAll(acknowledged);
    JsonNode counts = Json.mapper().valueToTree(statuses);
    assertThat(acknowledged.size()).as("answered %s", counts).isGreaterThan(deliveries / 4);
  }
}

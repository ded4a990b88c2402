package dev.hookc.kafka;

import static dev.hookc.kafka.KafkaHandoffTest.get;
import static dev.hookc.kafka.KafkaHandoffTest.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.kafka.testing.KafkaBroker;
import dev.hookc.runtime.Application;
import dev.hookc.runtime.Json;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a {@code delivery: kafka} route does with key values it cannot use, bodies near the size
 * limits, and a broker that is not there: never a 2xx without the record in the topic, never a 500
 * for the sender's mistake.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HostileKafkaHandoffTest {
  private static KafkaBroker broker;
  private static int topics;

  @TempDir Path data;
  private String topic;
  private Application app;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void closeBroker() {
    broker.close();
  }

  @BeforeEach
  void startApp() {
    topic = "hostile-" + ++topics;
    broker.createTopic(topic, 1);
    app =
        HandoffApp.builder(broker.bootstrapServers(), topic, Duration.ofSeconds(2), data)
            .build()
            .start();
  }

  @AfterEach
  void stopApp() {
    app.close();
    if (!broker.running()) {
      broker.restart();
    }
  }

  private List<ConsumerRecord<byte[], byte[]>> records() {
    return broker.readAll(topic, Duration.ofSeconds(20));
  }

  private static void assertProblem(HttpResponse<String> response, int status, String type) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(response.body()).contains(type);
  }

  @Test
  void refusesABodyWithoutTheKeyWith400AndSendsNothing() throws Exception {
    assertProblem(post(app, "msg_a", "{\"object\":{}}", Map.of()), 400, "missing-record-key");
    assertProblem(
        post(app, "msg_b", "{\"object\":{\"id\":null}}", Map.of()), 400, "missing-record-key");
    assertProblem(
        post(app, "msg_c", "{\"object\":{\"id\":{\"nested\":1}}}", Map.of()),
        400,
        "missing-record-key");
    assertThat(records()).isEmpty();
  }

  @Test
  void refusesKeysThatAreNotTextOrTooLongWith400() throws Exception {
    assertProblem(
        post(app, "msg_d", "{\"object\":{\"id\":\"a\\u0000b\"}}", Map.of()),
        400,
        "invalid-record-key");
    assertProblem(
        post(app, "msg_e", "{\"object\":{\"id\":\"\\ud800x\"}}", Map.of()),
        400,
        "invalid-record-key");
    assertProblem(
        post(app, "msg_f", "{\"object\":{\"id\":\"" + "k".repeat(1025) + "\"}}", Map.of()),
        400,
        "invalid-record-key");
    assertThat(records()).isEmpty();
  }

  @Test
  void keysOnANumberAsItsTextAndOnAnEmojiAsUtf8() throws Exception {
    assertThat(post(app, "msg_g", "{\"object\":{\"id\":42}}", Map.of()).statusCode())
        .isEqualTo(202);
    assertThat(post(app, "msg_h", "{\"object\":{\"id\":\"\uD83D\uDE00\"}}", Map.of()).statusCode())
        .isEqualTo(202);
    assertThat(records())
        .extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
        .containsExactly("42", "\uD83D\uDE00");
  }

  @Test
  void handsOffALargeBodyAndRefusesOneLargerThanKafkaTakesWith413() throws Exception {
    // Just under 1 MiB: what hookc takes by default, Kafka takes by default too.
    String large = "{\"object\":{\"id\":\"big\"},\"pad\":\"" + "x".repeat(1_048_000) + "\"}";
    assertThat(post(app, "msg_i", large, Map.of()).statusCode()).isEqualTo(202);
    // Within the route's 4 MiB limit, but more than the producer's max.request.size: sending it
    // again cannot succeed, so it is not a 503 the sender would retry for days.
    String tooLarge = "{\"object\":{\"id\":\"big\"},\"pad\":\"" + "x".repeat(2_000_000) + "\"}";
    assertProblem(post(app, "msg_j", tooLarge, Map.of()), 413, "record-too-large");
    List<ConsumerRecord<byte[], byte[]>> records = records();
    assertThat(records).hasSize(1);
    assertThat(records.get(0).value()).hasSize(large.length());
  }

  @Test
  void answers503WhileTheBrokerIsDownAndTakesTheSendersRetryOnceItIsBack() throws Exception {
    broker.stop();
    long started = System.nanoTime();
    HttpResponse<String> down = post(app, "msg_k", "{\"object\":{\"id\":\"o1\"}}", Map.of());
    assertProblem(down, 503, "kafka-unavailable");
    assertThat(down.headers().firstValue("retry-after")).hasValue("5");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));

    broker.restart();
    // The idempotency record was not kept for the 503: the same delivery goes through now.
    HttpResponse<String> retried = post(app, "msg_k", "{\"object\":{\"id\":\"o1\"}}", Map.of());
    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
    assertThat(retried.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(records()).isNotEmpty();
  }

  @Test
  void startsWithoutAReachableBrokerAndAnswers503UntilThereIsOne() throws Exception {
    app.close();
    broker.stop();
    // Start-up does not wait for Kafka: the routes that do not hand off serve meanwhile, and
    // these answer 503, which senders retry.
    app =
        HandoffApp.builder(broker.bootstrapServers(), topic, Duration.ofSeconds(2), data)
            .build()
            .start();
    assertProblem(
        post(app, "msg_l", "{\"object\":{\"id\":\"o2\"}}", Map.of()), 503, "kafka-unavailable");
    broker.restart();
    assertThat(post(app, "msg_l", "{\"object\":{\"id\":\"o2\"}}", Map.of()).statusCode())
        .isEqualTo(202);
  }

  @Test
  void answers503WhenTheBrokerRefusesTheCredentialsAndKeepsNoAnswerForTheRetry() throws Exception {
    try (KafkaBroker secured = KafkaBroker.startWithPlainUsers(Map.of("hooks", "right-secret"))) {
      secured.createTopic(topic, 1);
      try (Application refused = handingOffTo(secured, "wrong-secret", Duration.ofSeconds(2))) {
        long started = System.nanoTime();
        HttpResponse<String> answer =
            post(refused, "msg_m", "{\"object\":{\"id\":\"o3\"}}", Map.of());
        assertProblem(answer, 503, "kafka-unavailable");
        assertThat(answer.headers().firstValue("retry-after")).hasValue("5");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        assertProblem(
            post(refused, "msg_m", "{\"object\":{\"id\":\"o3\"}}", Map.of()),
            503,
            "kafka-unavailable");
      }
      // The same store with the right password: the sender's retry is handed off, not replayed.
      try (Application accepted = handingOffTo(secured, "right-secret", Duration.ofSeconds(5))) {
        HttpResponse<String> retried =
            post(accepted, "msg_m", "{\"object\":{\"id\":\"o3\"}}", Map.of());
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).isEmpty();
      }
      assertThat(secured.readAll(topic, Duration.ofSeconds(20))).hasSize(1);
    }
  }

  @Test
  void handsOffWithoutARestartOnceTheRefusedUserIsProvisioned() throws Exception {
    try (KafkaBroker secured = KafkaBroker.startWithPlainUsers(Map.of("hooks", "right-secret"))) {
      secured.createTopic(topic, 1);
      try (Application app =
          HandoffApp.builder(
                  secured.saslBootstrapServers(),
                  KafkaBroker.scramClient("edge", "provisioned-later"),
                  topic,
                  Duration.ofSeconds(2),
                  data.resolve("late-user"))
              .build()
              .start()) {
        // Down before any delivery: the route's topic is asked about as the application starts,
        // so a deployment with refused credentials fails its readiness check.
        HttpResponse<String> down = awaitHealth(app, 503);
        JsonNode refused = producerHealth(down);
        assertThat(refused.path("status").asText()).isEqualTo("DOWN");
        assertThat(refused.path("detail").asText()).contains("SaslAuthenticationException");
        assertProblem(
            post(app, "msg_l", "{\"object\":{\"id\":\"o4\"}}", Map.of()), 503, "kafka-unavailable");

        secured.addScramUser("edge", "provisioned-later");

        // Up again by itself, with no request sent meanwhile (a load balancer that took the
        // instance out on its health sends none), then the sender's retry is handed off.
        HttpResponse<String> up = awaitHealth(app, 200);
        assertThat(producerHealth(up).path("status").asText()).isEqualTo("UP");
        assertThat(producerHealth(up).path("restarts").asLong()).isPositive();
        HttpResponse<String> retried = post(app, "msg_l", "{\"object\":{\"id\":\"o4\"}}", Map.of());
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
      }
      assertThat(secured.readAll(topic, Duration.ofSeconds(20))).hasSize(1);
    }
  }

  /** The health route's answer once it is {@code status}, probed for up to 30 s. */
  private static HttpResponse<String> awaitHealth(Application app, int status) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    HttpResponse<String> health = get(app, "/health");
    while (health.statusCode() != status && System.nanoTime() < deadline) {
      Thread.sleep(200);
      health = get(app, "/health");
    }
    assertThat(health.statusCode()).as(health.body()).isEqualTo(status);
    return health;
  }

  /** The hand-off producer's component in a health route's answer. */
  private static JsonNode producerHealth(HttpResponse<String> health) throws Exception {
    return Json.mapper().readTree(health.body()).path("components").path("kafka-producer.kafka");
  }

  /** The application on {@code secured}'s SASL listener as user "hooks", its store in "refused". */
  private Application handingOffTo(KafkaBroker secured, String password, Duration timeout) {
    return HandoffApp.builder(
            secured.saslBootstrapServers(),
            KafkaBroker.plainClient("hooks", password),
            topic,
            timeout,
            data.resolve("refused"))
        .build()
        .start();
  }
}

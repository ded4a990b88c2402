package dev.hookc.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.kafka.testing.KafkaBroker;
import dev.hookc.runtime.Application;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.RequestHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A Kafka consumer whose loop fails — an error escaping the workflow, a commit the broker is not
 * there to take — restarts after a backoff and processes what remains, and the application's health
 * route answers 503 with the consumer's component while it does not run. One the broker refuses
 * (wrong credentials) is down with the reason and waits long before it tries again, and consumes by
 * itself once its user exists.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HostileKafkaConsumerTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static KafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void closeBroker() {
    broker.close();
  }

  /** The health route's status and body. */
  private record Probe(int status, JsonNode body) {
    JsonNode component(String name) {
      return body.path("components").path(name);
    }
  }

  private static Probe health(Application app) throws Exception {
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(app.baseUri() + "/health"))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Probe(response.statusCode(), Json.mapper().readTree(response.body()));
  }

  /** Probes the health route until {@code status} comes, at most {@link #WAIT}. */
  private static Probe awaitHealth(Application app, int status) throws Exception {
    return awaitHealth(app, status, WAIT);
  }

  /** Probes the health route until {@code status} comes, at most {@code timeout}. */
  private static Probe awaitHealth(Application app, int status, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Probe probe = health(app);
      if (probe.status() == status) {
        return probe;
      }
      assertThat(System.nanoTime()).as("waiting for /health " + status).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void restartsAConsumerWhoseWorkflowThrewAnErrorAndProcessesTheRemainingRecords()
      throws Exception {
    broker.createTopic("payments", 1);
    String component = "kafka.payments.hookc";
    AtomicBoolean thrown = new AtomicBoolean();
    List<String> processed = new CopyOnWriteArrayList<>();
    CountDownLatch last = new CountDownLatch(1);
    try (Application app =
        Consumers.application(
            broker,
            "payments",
            "hookc",
            Consumers.QUICK,
            request -> {
              String id = Consumers.id(request);
              if (id.equals("pay_3") && thrown.compareAndSet(false, true)) {
                // An Error is no failed attempt the retry policy handles: it escapes the loop.
                throw new NoClassDefFoundError("dev/example/LedgerClient");
              }
              processed.add(id);
              if (id.equals("pay_5")) {
                last.countDown();
              }
              return Consumers.ok();
            })) {
      Probe before = health(app);
      assertThat(before.status()).isEqualTo(200);
      assertThat(before.component(component).path("status").asText()).isEqualTo("UP");

      Consumers.produce(
          broker,
          "payments",
          List.of(
              "{\"id\":\"pay_1\"}",
              "{\"id\":\"pay_2\"}",
              "{\"id\":\"pay_3\"}",
              "{\"id\":\"pay_4\"}",
              "{\"id\":\"pay_5\"}"));

      Probe down = awaitHealth(app, 503);
      assertThat(down.body().path("status").asText()).isEqualTo("DOWN");
      assertThat(down.component(component).path("status").asText()).isEqualTo("DOWN");
      assertThat(down.component(component).path("detail").asText())
          .contains("NoClassDefFoundError");

      assertThat(last.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      Probe up = awaitHealth(app, 200);
      assertThat(up.body().path("status").asText()).isEqualTo("UP");
      assertThat(up.component(component).path("status").asText()).isEqualTo("UP");
      assertThat(up.component(component).path("restarts").asLong()).isEqualTo(1);
      Consumers.awaitBroker(
          WAIT, "5 committed offsets", () -> Consumers.committedTotal(broker, "hookc") == 5);
    }
    // What finished before the error was committed then: each record ran once.
    assertThat(processed).containsExactly("pay_1", "pay_2", "pay_3", "pay_4", "pay_5");
  }

  @Test
  void restartsAConsumerWhoseCommitTimedOutWhileTheBrokerWasGoneAndIsDownUntilItRejoins()
      throws Exception {
    broker.createTopic("refunds", 1);
    String component = "kafka.refunds.ledger";
    CountDownLatch inFirst = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Map<String, Integer> runs = new ConcurrentHashMap<>();
    Set<String> done = ConcurrentHashMap.newKeySet();
    CountDownLatch last = new CountDownLatch(1);
    try (Application app =
        Consumers.applicationWithProperties(
            broker,
            "refunds",
            "ledger",
            // A commit gives up after 3 s rather than the client's default minute; the member the
            // failed consumer could not take out of the group (the broker was gone) is dropped
            // after 6 s rather than 45, and its partitions then go to the restarted consumer.
            Map.of(
                "default.api.timeout.ms", "3000",
                "session.timeout.ms", "6000",
                "heartbeat.interval.ms", "1000"),
            request -> {
              String id = Consumers.id(request);
              runs.merge(id, 1, Integer::sum);
              if (id.equals("ref_1") && inFirst.getCount() > 0) {
                inFirst.countDown();
                release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
              }
              done.add(id);
              if (id.equals("ref_2")) {
                last.countDown();
              }
              return Consumers.ok();
            })) {
      Consumers.produce(broker, "refunds", List.of("{\"id\":\"ref_1\"}", "{\"id\":\"ref_2\"}"));
      assertThat(inFirst.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      broker.stop();
      try {
        release.countDown();
        Probe down = awaitHealth(app, 503);
        assertThat(down.component(component).path("status").asText()).isEqualTo("DOWN");
        assertThat(down.component(component).path("detail").asText()).contains("Timeout");
        // Still down while the broker is gone: a restarted consumer is up once back in its group.
        Thread.sleep(2_000);
        assertThat(health(app).status()).isEqualTo(503);
      } finally {
        broker.restart();
      }
      assertThat(last.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      Probe up = awaitHealth(app, 200);
      assertThat(up.component(component).path("restarts").asLong()).isGreaterThanOrEqualTo(1);
      Consumers.awaitBroker(
          WAIT, "2 committed offsets", () -> Consumers.committedTotal(broker, "ledger") == 2);
    }
    // ref_1's offset was never committed, so it ran again: at least once, never less.
    assertThat(runs.get("ref_1")).isGreaterThanOrEqualTo(2);
    assertThat(runs.get("ref_2")).isGreaterThanOrEqualTo(1);
  }

  // The other half of a fatal failure's restart — waiting 30 to 60 s before trying again, where a
  // failure that may pass waits 1 s, doubling — is RestartBackoffTest's; this test shows that a
  // real broker's refusal is taken as fatal, and that the wait does not hold up the application.
  @Test
  void aConsumerTheBrokerRefusesIsDownWithTheReasonAndWaitsLongBeforeTryingAgain()
      throws Exception {
    List<LogRecord> logged = new CopyOnWriteArrayList<>();
    Logger consumerLog = Logger.getLogger(TopicConsumer.class.getName());
    Handler recorder =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    consumerLog.addHandler(recorder);
    try (KafkaBroker secured = KafkaBroker.startWithPlainUsers(Map.of("orders", "right-secret"))) {
      secured.createTopic("orders", 1);
      Consumers.produce(secured, "orders", List.of("{\"id\":\"ord_1\"}"));

      // The listener and the client settings are right: with the right password, it consumes.
      CountDownLatch consumed = new CountDownLatch(1);
      try (Application right =
          consumerAs(
              secured,
              "fulfilment",
              "right-secret",
              request -> {
                consumed.countDown();
                return Consumers.ok();
              })) {
        assertThat(consumed.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(health(right).status()).isEqualTo(200);
      }

      AtomicInteger runs = new AtomicInteger();
      Application wrong =
          consumerAs(
              secured,
              "billing",
              "wrong-secret",
              request -> {
                runs.incrementAndGet();
                return Consumers.ok();
              });
      long closing;
      try {
        Probe down = awaitHealth(wrong, 503);
        String component = "kafka.orders.billing";
        assertThat(down.component(component).path("status").asText()).isEqualTo("DOWN");
        assertThat(down.component(component).path("detail").asText())
            .contains("SaslAuthenticationException");

        List<LogRecord> failures =
            logged.stream().filter(r -> r.getLevel().equals(Level.SEVERE)).toList();
        assertThat(failures).hasSize(1);
        String message = failures.get(0).getMessage();
        assertThat(message).contains(component).contains("that retrying may not cure");
        Matcher wait = Pattern.compile("restarts in (\\d+) ms").matcher(message);
        assertThat(wait.find()).as(message).isTrue();
        assertThat(Long.parseLong(wait.group(1)))
            .as("the wait after a fatal failure")
            .isBetween(RestartBackoff.MAX.toMillis() / 2, RestartBackoff.MAX.toMillis());

        // No retry storm against the broker meanwhile, and nothing ran.
        Thread.sleep(2_000);
        assertThat(health(wrong).status()).isEqualTo(503);
        assertThat(logged.stream().filter(r -> r.getLevel().equals(Level.SEVERE))).hasSize(1);
        assertThat(runs).hasValue(0);
      } finally {
        closing = System.nanoTime();
        wrong.close();
      }
      assertThat(Duration.ofNanos(System.nanoTime() - closing))
          .as("stopping ends the wait before a restart")
          .isLessThan(Duration.ofSeconds(10));
    } finally {
      consumerLog.removeHandler(recorder);
    }
  }

  /**
   * The restart after a fatal failure, end to end: a deployment whose Kafka user is provisioned
   * after it started (an operator's order of work) is refused, waits, and then joins and consumes
   * by itself, without being restarted. Takes the whole fatal wait, 30 to 60 s.
   */
  @Test
  @Timeout(value = 150, unit = TimeUnit.SECONDS)
  void aConsumerRefusedUntilItsUserIsProvisionedConsumesByItselfAfterTheWait() throws Exception {
    try (KafkaBroker secured = KafkaBroker.startWithPlainUsers(Map.of("orders", "right-secret"))) {
      secured.createTopic("orders", 1);
      // One good record, one without its id that the consumer's dead-letter producer must carry.
      Consumers.produce(secured, "orders", List.of("{\"id\":\"ord_1\"}", "{\"sku\":\"s_1\"}"));
      String component = "kafka.orders.shipping";
      List<String> processed = new CopyOnWriteArrayList<>();
      try (Application app =
          Consumers.applicationAt(
              secured.saslBootstrapServers(),
              "orders",
              "shipping",
              KafkaBroker.scramClient("shipping", "provisioned-later"),
              request -> {
                processed.add(Consumers.id(request));
                return Consumers.ok();
              })) {
        Probe down = awaitHealth(app, 503);
        assertThat(down.component(component).path("detail").asText())
            .contains("SaslAuthenticationException");
        long refused = System.nanoTime();

        secured.addScramUser("shipping", "provisioned-later");

        Probe up = awaitHealth(app, 200, RestartBackoff.MAX.plus(WAIT));
        assertThat(Duration.ofNanos(System.nanoTime() - refused))
            .as("the consumer waited out the fatal wait before it tried again")
            .isGreaterThanOrEqualTo(RestartBackoff.MAX.dividedBy(2).minusSeconds(1));
        assertThat(up.component(component).path("status").asText()).isEqualTo("UP");
        assertThat(up.component(component).path("restarts").asLong()).isEqualTo(1);
        Consumers.awaitBroker(
            WAIT, "2 committed offsets", () -> Consumers.committedTotal(secured, "shipping") == 2);
        assertThat(processed).containsExactly("ord_1");
        assertThat(secured.readAll("orders.dlq", WAIT))
            .extracting(record -> Consumers.text(record.value()))
            .containsExactly("{\"sku\":\"s_1\"}");
        // Its dead-letter producer, refused for good at start-up, was made again.
        Probe after = awaitHealth(app, 200);
        JsonNode deadLetters = after.component("kafka-producer.kafka.dead-letters");
        assertThat(deadLetters.path("status").asText()).isEqualTo("UP");
        assertThat(deadLetters.path("restarts").asLong()).isPositive();
      }
    }
  }

  /** An application reading "orders" as {@code group} on {@code secured}'s SASL listener. */
  private static Application consumerAs(
      KafkaBroker secured, String group, String password, RequestHandler handler) {
    return Consumers.applicationAt(
        secured.saslBootstrapServers(),
        "orders",
        group,
        KafkaBroker.plainClient("orders", password),
        handler);
  }
}

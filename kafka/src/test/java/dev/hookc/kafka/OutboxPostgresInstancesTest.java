package dev.hookc.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hookc.kafka.testing.KafkaBroker;
import dev.hookc.runtime.Application;
import dev.hookc.runtime.Route;
import dev.hookc.runtime.internal.app.Assembly;
import dev.hookc.runtime.internal.datasource.Setting;
import dev.hookc.runtime.kafka.InboxForward;
import dev.hookc.runtime.kafka.KafkaSourceDefinition;
import dev.hookc.runtime.store.Inbox;
import dev.hookc.runtime.store.RequestKeys;
import dev.hookc.runtime.store.RetryPolicy;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two hookc applications, each with its own HTTP server, store connections and forwarding workers,
 * share one PostgreSQL inbox and one broker, as two instances behind a load balancer would: every
 * delivery either accepted is forwarded to the topic exactly once, by one of them.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OutboxPostgresInstancesTest {
  private static final String SCOPE = "POST /hook";
  private static final Duration WAIT = Duration.ofSeconds(45);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static KafkaBroker broker;
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void start() throws Exception {
    broker = KafkaBroker.start();
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void close() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
    broker.close();
  }

  /** An instance: a forward-only async route at {@code POST /hook} on the shared inbox. */
  private static Application instance(String name, RecordingTelemetry telemetry) {
    String url =
        postgres.getJdbcUrl("postgres", "postgres").replace("?", "?ApplicationName=" + name + "&");
    return Assembly.of(
            env -> JsonNodeFactory.instance.objectNode(),
            startup -> {
              InboxForward forward =
                  InboxForward.to(startup.kafka("kafka"), "kafka", "shipments")
                      .route(SCOPE)
                      .authn("hmac")
                      .key(request -> request.header("x-object-id"))
                      .headers("webhook-id")
                      .timeout(Duration.ofSeconds(10));
              Inbox inbox =
                  startup.inbox(
                      SCOPE,
                      null,
                      new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1), 2),
                      Duration.ofMinutes(1),
                      4,
                      Inbox.RETENTION,
                      forward);
              return List.of(
                  Route.of(
                      "POST", "/hook", inbox.accept(202, RequestKeys.header("webhook-id"), null)));
            })
        .name(name)
        .store(url, null)
        .kafkaSource(
            new KafkaSourceDefinition(
                "kafka",
                List.of(Setting.literal(broker.bootstrapServers())),
                Optional.of(Setting.literal(name)),
                Map.of()))
        .builder()
        .host("127.0.0.1")
        .port(0)
        .telemetry(telemetry)
        .build()
        .start();
  }

  private static int post(Application app, String webhookId, int n) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(app.baseUri() + "/hook"))
            .timeout(Duration.ofSeconds(20))
            .header("content-type", "application/json")
            .header("webhook-id", webhookId)
            .header("x-object-id", "order-" + (n % 7))
            .POST(HttpRequest.BodyPublishers.ofString("{\"n\":" + n + "}"))
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private static long done() throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT COUNT(*) FROM hookc_inbox WHERE scope = '"
                    + SCOPE
                    + "' AND state = 'DONE'")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void forwardsEveryDeliveryAcceptedByEitherInstanceExactlyOnce() throws Exception {
    broker.createTopic("shipments", 3);
    int unique = 300;
    RecordingTelemetry telemetryA = new RecordingTelemetry();
    RecordingTelemetry telemetryB = new RecordingTelemetry();
    try (Application a = instance("outbox-a", telemetryA);
        Application b = instance("outbox-b", telemetryB)) {
      ExecutorService senders = Executors.newFixedThreadPool(16);
      try {
        // Each delivery is sent to both instances, the second copy a sender's retry that the
        // other instance answers from the shared inbox.
        List<Future<List<Integer>>> answers = new ArrayList<>();
        for (int i = 0; i < unique; i++) {
          int n = i;
          Application first = n % 2 == 0 ? a : b;
          Application second = n % 2 == 0 ? b : a;
          answers.add(
              senders.submit(
                  () -> List.of(post(first, "msg-" + n, n), post(second, "msg-" + n, n))));
        }
        for (Future<List<Integer>> answer : answers) {
          assertThat(answer.get(WAIT.toSeconds(), TimeUnit.SECONDS)).containsOnly(202);
        }
      } finally {
        senders.shutdownNow();
      }
      OutboxRoute.await(WAIT, () -> uncheckedDone() == unique);
    }

    Map<String, Integer> copies = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : broker.readAll("shipments", WAIT)) {
      for (Header header : record.headers()) {
        if (header.key().equals("webhook-id")) {
          copies.merge(text(header.value()), 1, Integer::sum);
        }
      }
    }
    assertThat(copies).hasSize(unique);
    assertThat(copies.values()).as("records per delivery").containsOnly(1);
    // Both instances forwarded, and together each row once.
    int byA = telemetryA.datasourceCalls.size();
    int byB = telemetryB.datasourceCalls.size();
    assertThat(byA + byB).isEqualTo(unique);
    assertThat(byA).isPositive();
    assertThat(byB).isPositive();
  }

  private static long uncheckedDone() {
    try {
      return done();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.hookc.examples.pipeline.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.kafka.testing.KafkaBroker;
import dev.hookc.runtime.Json;
import dev.hookc.test.Signers;
import dev.hookc.test.StripeSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline as it is deployed: a broker, the edge in a JVM of its own receiving signed Stripe
 * events and handing them to {@code stripe-events}, and two instances of the worker, each in a JVM
 * of its own, consuming the topic as the group {@code ledger} into one database (an H2 server,
 * standing in for the worker's database server). The test talks to each only as a user would: HTTP
 * to the edge, the topics through the broker, SQL to the worker's database.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KafkaPipelineTest {
  private static final Duration WAIT = Duration.ofSeconds(45);
  private static final String SECRET = "whsec_pipeline_test_secret";
  private static final int PARTITIONS = 4;
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir static Path data;

  private static KafkaBroker broker;
  private static Server database;
  private static String databaseUrl;
  private static final List<ServiceProcess> services = new ArrayList<>();
  private static URI edge;

  @BeforeAll
  static void startPipeline() throws Exception {
    broker = KafkaBroker.start();
    broker.createTopic("stripe-events", PARTITIONS);
    database = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
    databaseUrl = "jdbc:h2:tcp://127.0.0.1:" + database.getPort() + "/mem:ledger;DB_CLOSE_DELAY=-1";
    Class<?> edgeApplication = dev.hookc.examples.pipeline.edge.HookcApplication.class;
    Class<?> workerApplication = HookcApplication.class;
    Map<String, String> kafka = Map.of("KAFKA_BROKERS", broker.bootstrapServers(), "PORT", "0");
    ServiceProcess edgeProcess =
        ServiceProcess.start(
            "edge",
            edgeApplication,
            List.of(workerApplication, KafkaPipelineTest.class),
            with(kafka, "STRIPE_WEBHOOK_SECRET", SECRET),
            data.resolve("edge"));
    services.add(edgeProcess);
    // The edge and the first worker start at once. The second worker starts once the first
    // serves: the first has migrated the database by then. (Instances on PostgreSQL may start
    // together, since they migrate under an advisory lock; processes sharing an H2 server do not
    // take turns.)
    for (String worker : List.of("worker-1", "worker-2")) {
      ServiceProcess process =
          ServiceProcess.start(
              worker,
              workerApplication,
              List.of(edgeApplication, KafkaPipelineTest.class),
              with(kafka, "LEDGER_DB_URL", databaseUrl),
              data.resolve(worker));
      services.add(process);
      process.awaitPort(WAIT);
    }
    edge = edgeProcess.baseUri(WAIT);
  }

  @AfterAll
  static void stopPipeline() throws Exception {
    for (ServiceProcess service : services) {
      service.close();
    }
    if (database != null) {
      database.stop();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private static Map<String, String> with(Map<String, String> base, String name, String value) {
    Map<String, String> all = new HashMap<>(base);
    all.put(name, value);
    return all;
  }

  private static String paymentEvent(String id, String paymentId, String object) {
    return "{\"id\":\""
        + id
        + "\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":"
        + "{\"id\":\""
        + paymentId
        + "\",\"object\":\"payment_intent\","
        + object
        + "}}}";
  }

  private static HttpResponse<String> deliver(String body, StripeSigner signer) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(edge.resolve("/webhooks/stripe"))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    signer.sign(bytes).forEach(request::header);
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> deliver(String body) throws Exception {
    return deliver(body, Signers.stripe(SECRET));
  }

  /** The worker's bookings, delivery id to row; empty until its migrations ran. */
  private static Map<String, String> ledger() {
    Map<String, String> rows = new HashMap<>();
    try (Connection connection = DriverManager.getConnection(databaseUrl, "", "");
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT delivery_id, event_type, payment_id, amount, currency FROM payments")) {
      while (row.next()) {
        rows.put(
            row.getString(1),
            row.getString(2)
                + " "
                + row.getString(3)
                + " "
                + row.getLong(4)
                + " "
                + row.getString(5));
      }
    } catch (SQLException e) {
      // The table is not there yet: the workers create it when they start.
      return Map.of();
    }
    return rows;
  }

  private static <T> T await(String what, Supplier<T> probe, java.util.function.Predicate<T> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    T value = probe.get();
    while (!done.test(value)) {
      assertThat(System.nanoTime())
          .as("%s within %s; last seen: %s", what, WAIT, value)
          .isLessThan(deadline);
      Thread.sleep(100);
      value = probe.get();
    }
    return value;
  }

  private static Map<String, Integer> deliveryIdsIn(String topic) {
    Map<String, Integer> counts = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : broker.readAll(topic, WAIT)) {
      Header id = record.headers().lastHeader("hookc-delivery-id");
      counts.merge(new String(id.value(), StandardCharsets.UTF_8), 1, Integer::sum);
    }
    return counts;
  }

  private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
    Map<String, String> headers = new HashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
    }
    return headers;
  }

  @Test
  void everySignedDeliveryIsAcknowledgedAndBookedOnceUnderItsDeliveryId() throws Exception {
    int count = 40;
    List<String> ids = IntStream.range(0, count).mapToObj(i -> "evt_ok_" + i).toList();
    // Eight at a time, as a sender's workers would.
    List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
    java.util.concurrent.ExecutorService senders =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      for (int i = 0; i < count; i++) {
        String body =
            paymentEvent(
                ids.get(i), "pi_" + i, "\"amount\":" + (100 + i) + ",\"currency\":\"eur\"");
        sent.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return deliver(body);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                },
                senders));
      }
      for (int i = 0; i < count; i++) {
        HttpResponse<String> response = sent.get(i).get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(Json.mapper().readTree(response.body()).get("id").asText())
            .isEqualTo(ids.get(i));
      }
    } finally {
      senders.shutdownNow();
    }

    // Stripe retries a delivery it saw no answer to: the edge answers from its idempotency record.
    HttpResponse<String> replay =
        deliver(paymentEvent(ids.get(7), "pi_7", "\"amount\":107,\"currency\":\"eur\""));
    assertThat(replay.statusCode()).isEqualTo(202);
    assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");

    Map<String, String> booked =
        await(
            "every delivery booked",
            KafkaPipelineTest::ledger,
            rows -> rows.keySet().containsAll(ids));
    for (int i = 0; i < count; i++) {
      assertThat(booked)
          .containsEntry(ids.get(i), "payment_intent.succeeded pi_" + i + " " + (100 + i) + " eur");
    }
    // In the log once each, the replay included: the worker books each delivery id once.
    Map<String, Integer> inTopic = deliveryIdsIn("stripe-events");
    for (String id : ids) {
      assertThat(inTopic).as(id).containsEntry(id, 1);
    }
  }

  @Test
  void aForgedSignatureIsRefusedAndNothingReachesTheTopic() throws Exception {
    String body =
        paymentEvent("evt_forged", "pi_forged", "\"amount\":1000000,\"currency\":\"eur\"");
    HttpResponse<String> forged = deliver(body, Signers.stripe("whsec_not_the_endpoints_secret"));

    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    // An acknowledged delivery after it: once the log has it, the forged one would be there too.
    assertThat(
            deliver(paymentEvent("evt_after_forged", "pi_f", "\"amount\":1,\"currency\":\"eur\""))
                .statusCode())
        .isEqualTo(202);
    assertThat(deliveryIdsIn("stripe-events"))
        .containsKey("evt_after_forged")
        .doesNotContainKey("evt_forged");
    assertThat(ledger()).doesNotContainKey("evt_forged");
  }

  @Test
  void anEventTheWorkersSchemaRefusesIsDeadLetteredAndNotBooked() throws Exception {
    // The edge checks the envelope every event has; the amount is the worker's business.
    HttpResponse<String> accepted =
        deliver(paymentEvent("evt_no_amount", "pi_no_amount", "\"currency\":\"eur\""));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

    List<ConsumerRecord<byte[], byte[]>> dead =
        await(
            "the dead letter",
            () -> broker.readAll("stripe-events.dlq", WAIT),
            records ->
                records.stream()
                    .anyMatch(r -> "evt_no_amount".equals(headers(r).get("hookc-delivery-id"))));
    Map<String, String> headers =
        headers(
            dead.stream()
                .filter(r -> "evt_no_amount".equals(headers(r).get("hookc-delivery-id")))
                .findFirst()
                .orElseThrow());
    assertThat(headers)
        .containsEntry("hookc-dead-letter-reason", "invalid-body")
        .containsEntry("hookc-dead-letter-event", "kafka.stripe-events.ledger")
        .containsEntry("hookc-route", "POST /webhooks/stripe")
        .containsEntry("hookc-authn", "stripe");
    assertThat(headers.get("hookc-dead-letter-detail")).contains("/data/object");
    assertThat(ledger()).doesNotContainKey("evt_no_amount");
  }

  @Test
  void twoWorkersInOneGroupShareThePartitions() throws Exception {
    Collection<MemberDescription> members;
    try (Admin admin = broker.admin()) {
      members =
          await(
              "two members of 'ledger' holding partitions",
              () -> {
                try {
                  ConsumerGroupDescription group =
                      admin
                          .describeConsumerGroups(List.of("ledger"))
                          .all()
                          .get(20, TimeUnit.SECONDS)
                          .get("ledger");
                  return group.members();
                } catch (Exception e) {
                  return List.<MemberDescription>of();
                }
              },
              found ->
                  found.size() == 2
                      && found.stream().noneMatch(m -> m.assignment().topicPartitions().isEmpty()));
    }
    Set<Integer> partitions = new TreeSet<>();
    int held = 0;
    for (MemberDescription member : members) {
      for (TopicPartition partition : member.assignment().topicPartitions()) {
        partitions.add(partition.partition());
        held++;
      }
    }
    assertThat(partitions).containsExactly(0, 1, 2, 3);
    assertThat(held).as("no partition held twice").isEqualTo(PARTITIONS);
  }
}

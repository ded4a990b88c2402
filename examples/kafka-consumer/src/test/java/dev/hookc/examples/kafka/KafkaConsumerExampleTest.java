package dev.hookc.examples.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.kafka.testing.KafkaBroker;
import dev.hookc.runtime.Application;
import dev.hookc.runtime.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The generated application reads the topic {@code payments} as the group {@code ledger} from a
 * real broker: a typed record books a row through the jdbc datasource; a record that breaks the
 * schema goes to {@code payments.dlq} with the violations in its headers; a payment POSTed to the
 * application's {@code delivery: kafka} route is answered once the broker has it, and the consumer
 * books it under the route's delivery id, then publishes it to {@code payment.booked}.
 */
// Both read the one topic of the example: the first counts on its offsets starting at 0.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// The application runs while its try block does; the test talks to the broker and the table.
@SuppressWarnings("try")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KafkaConsumerExampleTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static KafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start();
    broker.createTopic("payments", 2);
    broker.createTopic("payment.booked", 1);
  }

  @AfterAll
  static void closeBroker() {
    broker.close();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void produce(List<ProducerRecord<byte[], byte[]>> records) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (ProducerRecord<byte[], byte[]> record : records) {
        producer.send(record).get(20, TimeUnit.SECONDS);
      }
    }
  }

  private static List<String> ledger(JdbcDataSource db) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = db.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT delivery_id, payment_id, amount, currency FROM ledger ORDER BY payment_id")) {
      while (row.next()) {
        rows.add(
            row.getString(1)
                + " "
                + row.getString(2)
                + " "
                + row.getLong(3)
                + " "
                + row.getString(4));
      }
    } catch (SQLException e) {
      // Not created yet: the application applies its migrations when it starts.
      return List.of();
    }
    return rows;
  }

  @Test
  @Order(1)
  void booksTypedRecordsAndDeadLettersOneThatBreaksTheSchema() throws Exception {
    JdbcDataSource db = new JdbcDataSource();
    db.setURL("jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ProducerRecord<byte[], byte[]> fromRoute =
        new ProducerRecord<>(
            "payments",
            0,
            utf8("pay_1"),
            utf8("{\"id\":\"pay_1\",\"amount\":1250,\"currency\":\"EUR\"}"));
    fromRoute.headers().add("hookc-delivery-id", utf8("msg_2aX"));
    try (Application app =
        HookcApplication.builder()
            .environment("KAFKA_BROKERS", broker.bootstrapServers())
            .dataSource("db", db)
            .host("127.0.0.1")
            .port(0)
            .build()
            .start()) {
      produce(
          List.of(
              fromRoute,
              new ProducerRecord<>(
                  "payments",
                  1,
                  utf8("pay_2"),
                  utf8("{\"id\":\"pay_2\",\"amount\":300,\"currency\":\"usd\"}")),
              new ProducerRecord<>(
                  "payments",
                  1,
                  utf8("pay_3"),
                  utf8("{\"id\":\"pay_3\",\"amount\":99,\"currency\":\"GBP\"}"))));

      long deadline = System.nanoTime() + WAIT.toNanos();
      while (ledger(db).size() < 2) {
        assertThat(System.nanoTime()).as("two rows booked").isLessThan(deadline);
        Thread.sleep(50);
      }
      assertThat(ledger(db)).containsExactly("msg_2aX pay_1 1250 EUR", "payments-1-1 pay_3 99 GBP");
      List<ConsumerRecord<byte[], byte[]>> dead = broker.readAll("payments.dlq", WAIT);
      assertThat(dead).hasSize(1);
      Map<String, String> headers = new HashMap<>();
      for (Header header : dead.get(0).headers()) {
        headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
      }
      assertThat(headers)
          .containsEntry("hookc-dead-letter-reason", "invalid-body")
          .containsEntry("hookc-dead-letter-event", "kafka.payments.ledger")
          .containsEntry("hookc-source-offset", "0");
      assertThat(headers.get("hookc-dead-letter-detail"))
          .startsWith("The record does not match the schema of kafka.payments.ledger.")
          .contains("/currency");

      // The consumer's state, as /health reports it, in the Prometheus scrape.
      HttpResponse<String> metrics =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(app.baseUri().resolve("/metrics")).timeout(WAIT).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body().lines())
          .anyMatch(
              line ->
                  line.startsWith("hookc_component_up{")
                      && line.contains("component=\"kafka.payments.ledger\"")
                      && line.endsWith("} 1.0"));
    }
  }

  @Test
  @Order(2)
  void aPaymentPostedToTheReceivingRouteIsBookedByTheConsumerWithTheRoutesDeliveryId()
      throws Exception {
    JdbcDataSource db = new JdbcDataSource();
    db.setURL("jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try (Application app =
        HookcApplication.builder()
            .environment("KAFKA_BROKERS", broker.bootstrapServers())
            .dataSource("db", db)
            .host("127.0.0.1")
            .port(0)
            .build()
            .start()) {
      HttpResponse<String> accepted =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(app.baseUri().resolve("/payments"))
                      .header("Content-Type", "application/json")
                      .timeout(WAIT)
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"id\":\"pay_web\",\"amount\":4200,\"currency\":\"CHF\"}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      // 202 only once the broker confirmed the record: the consumer reads it from there.
      assertThat(accepted.statusCode()).isEqualTo(202);
      String id = Json.mapper().readTree(accepted.body()).get("id").asText();
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (ledger(db).stream().noneMatch(row -> row.contains("pay_web"))) {
        assertThat(System.nanoTime()).as("the posted payment booked").isLessThan(deadline);
        Thread.sleep(50);
      }
      assertThat(ledger(db)).contains(id + " pay_web 4200 CHF");
      // The workflow's publish task announced the booking: keyed by the payment, JSON, with the
      // delivery id of the record it booked.
      List<ConsumerRecord<byte[], byte[]>> booked =
          broker.readAll("payment.booked", WAIT).stream()
              .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals("pay_web"))
              .toList();
      assertThat(booked).isNotEmpty();
      assertThat(Json.mapper().readTree(booked.get(0).value()))
          .isEqualTo(
              Json.mapper()
                  .readTree("{\"payment_id\":\"pay_web\",\"amount\":4200,\"currency\":\"CHF\"}"));
      Map<String, String> headers = new HashMap<>();
      for (Header header : booked.get(0).headers()) {
        headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
      }
      assertThat(headers)
          .containsEntry("hookc-delivery-id", id)
          .containsEntry("x-booked-by", "ledger");
    }
  }
}

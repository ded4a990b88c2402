package dev.hookc.examples.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookc.runtime.Application;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Callbacks that the payments table cannot hold are refused with a 400 the gateway sees, a write
 * the database refuses anyway answers 500, never the "processed successfully" 200 after which a
 * gateway does not retry and the payment is lost, and a transaction id is sent to the gateway's API
 * as one path segment, whatever it holds.
 */
class HostileInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static GatewayStub gateway;
  private static PaymentsTable payments;
  private static Application server;

  @BeforeAll
  static void start() throws Exception {
    // The gateway knows every transaction these callbacks name, as pending.
    gateway = new GatewayStub(id -> "pending");
    payments = new PaymentsTable();
    server =
        HookcApplication.builder()
            .config("gateway.base_url", gateway.baseUrl())
            .environment("GATEWAY_API_KEY", GatewayStub.API_KEY)
            .dataSource("db", payments.dataSource())
            .host("127.0.0.1")
            .port(0)
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    gateway.close();
  }

  @Test
  void refusesAnAmountTheTableCannotHoldWith400AndStoresNothing() throws Exception {
    for (String amount :
        List.of(
            "1e20",
            "1e-999999999",
            "1e999999999",
            "1000000000000000",
            "12.34567",
            "0.00001",
            "-0.0001")) {
      String transaction = "tx-" + UUID.randomUUID();

      HttpResponse<String> response = post(payment(transaction, "order-1", amount, "EUR"));

      assertThat(response.statusCode()).as(amount + ": " + response.body()).isEqualTo(400);
      assertThat(pointers(response)).as(amount).containsExactly("/amount");
      assertThat(payments.find(transaction)).as(amount).isEmpty();
    }
  }

  @Test
  void recordsTheLargestAndSmallestAmountsTheTableHoldsExactly() throws Exception {
    for (String amount : List.of("999999999999999.9999", "0.0001", "1E+3", "12.5000")) {
      String transaction = "tx-" + UUID.randomUUID();

      HttpResponse<String> response = post(payment(transaction, "order-1", amount, "EUR"));

      assertThat(response.statusCode()).as(amount + ": " + response.body()).isEqualTo(200);
      assertThat(payments.find(transaction).orElseThrow().amount())
          .isEqualByComparingTo(new BigDecimal(amount));
    }
  }

  @Test
  void refusesIdsLongerThanTheirColumnsWith400() throws Exception {
    HttpResponse<String> longTransaction = post(payment("t".repeat(256), "order-1", "1", "EUR"));
    HttpResponse<String> longOrder =
        post(payment("tx-" + UUID.randomUUID(), "o".repeat(256), "1", "EUR"));

    assertThat(longTransaction.statusCode()).isEqualTo(400);
    assertThat(pointers(longTransaction)).containsExactly("/transaction_id");
    assertThat(longOrder.statusCode()).isEqualTo(400);
    assertThat(pointers(longOrder)).containsExactly("/order_id");
  }

  @Test
  void recordsIdsAsLongAsTheirColumnsAllow() throws Exception {
    String transaction = ("tx-" + UUID.randomUUID() + "-").repeat(8).substring(0, 255);
    String order = "o".repeat(255);

    HttpResponse<String> response = post(payment(transaction, order, "1", "EUR"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(payments.find(transaction).orElseThrow().orderId()).isEqualTo(order);
  }

  @Test
  void refusesIdsTheColumnWouldCountLongerThanTheSchemaWith400() throws Exception {
    // 255 characters for the schema, 510 UTF-16 units for VARCHAR(255): refused by the pattern.
    String emoji = "\ud83d\udcb8".repeat(255);

    HttpResponse<String> transaction = post(payment(emoji, "order-1", "1", "EUR"));
    HttpResponse<String> order = post(payment("tx-" + UUID.randomUUID(), emoji, "1", "EUR"));
    HttpResponse<String> blank = post(payment("tx 1", "order-1", "1", "EUR"));

    assertThat(transaction.statusCode()).isEqualTo(400);
    assertThat(pointers(transaction)).containsExactly("/transaction_id");
    assertThat(order.statusCode()).isEqualTo(400);
    assertThat(pointers(order)).containsExactly("/order_id");
    assertThat(blank.statusCode()).isEqualTo(400);
  }

  @Test
  void refusesACurrencyThatIsNotThreeCapitalLettersWith400() throws Exception {
    for (String currency : List.of("EURO", "eur", "E\\u0000R", "EU", "EUR\\n")) {
      HttpResponse<String> response =
          post(payment("tx-" + UUID.randomUUID(), "order-1", "1", currency));

      assertThat(response.statusCode()).as(currency).isEqualTo(400);
      assertThat(pointers(response)).as(currency).containsExactly("/currency");
    }
  }

  @Test
  void answers500AndNot200WhenTheDatabaseRefusesTheWrite() throws Exception {
    String transaction = "poison-" + UUID.randomUUID();
    try (Connection connection = payments.connection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "ALTER TABLE payments ADD CONSTRAINT no_poison"
              + " CHECK (transaction_id NOT LIKE 'poison-%')");
      try {
        HttpResponse<String> response = post(payment(transaction, "order-1", "12.50", "EUR"));

        assertInternalError(response);
      } finally {
        statement.execute("ALTER TABLE payments DROP CONSTRAINT no_poison");
      }
    }
    assertThat(payments.find(transaction)).isEmpty();
  }

  @Test
  void answers500AndNot200WhenThePaymentsTableIsGone() throws Exception {
    String transaction = "tx-" + UUID.randomUUID();
    try (Connection connection = payments.connection();
        Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE payments RENAME TO payments_away");
      try {
        assertInternalError(post(payment(transaction, "order-1", "12.50", "EUR")));
      } finally {
        statement.execute("ALTER TABLE payments_away RENAME TO payments");
      }
    }
    // The sender retries the 500; once the table is back, the payment is recorded.
    assertThat(post(payment(transaction, "order-1", "12.50", "EUR")).statusCode()).isEqualTo(200);
    assertThat(payments.find(transaction)).isPresent();
  }

  @Test
  void asksTheGatewayForATransactionIdWithSlashesAsOnePathSegment() throws Exception {
    String transaction = "tx/../../admin?x=" + UUID.randomUUID();

    HttpResponse<String> response = post(payment(transaction, "order-1", "1", "EUR"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String segment = gateway.lastPath().substring("/v1/payments/".length());
    assertThat(segment).doesNotContain("/", "?");
    assertThat(URI.create("http://gateway/" + segment).getPath()).isEqualTo("/" + transaction);
    assertThat(payments.find(transaction)).isPresent();
  }

  @Test
  void refusesATransactionIdThatIsNoPathSegmentWith400() throws Exception {
    for (String transaction : List.of("..", ".")) {
      int callsBefore = gateway.calls();

      HttpResponse<String> response = post(payment(transaction, "order-1", "1", "EUR"));

      assertThat(response.statusCode()).as(transaction + ": " + response.body()).isEqualTo(400);
      assertThat(pointers(response)).as(transaction).containsExactly("/transaction_id");
      assertThat(gateway.calls()).as(transaction).isEqualTo(callsBefore);
      assertThat(payments.find(transaction)).as(transaction).isEmpty();
    }
  }

  private static void assertInternalError(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(response.body())
        .doesNotContain("processed successfully")
        .doesNotContain("payments")
        .doesNotContain("SQL")
        .doesNotContain("poison");
  }

  private static List<String> pointers(HttpResponse<String> response) throws Exception {
    JsonNode errors = JSON.readTree(response.body()).get("errors");
    return errors == null ? List.of() : errors.findValuesAsText("pointer");
  }

  private static String payment(String transaction, String order, String amount, String currency)
      throws Exception {
    return "{\"transaction_id\":"
        + JSON.writeValueAsString(transaction)
        + ",\"order_id\":"
        + JSON.writeValueAsString(order)
        + ",\"status\":\"pending\",\"amount\":"
        + amount
        + ",\"currency\":\""
        + currency
        + "\"}";
  }

  private static HttpResponse<String> post(String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.baseUri() + "/payment/callback"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }
}

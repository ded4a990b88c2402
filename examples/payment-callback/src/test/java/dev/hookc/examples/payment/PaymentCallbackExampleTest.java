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
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The example over real HTTP: each callback is confirmed with a stub of the gateway's API and the
 * gateway's status is recorded in the payments table, which the test reads with JDBC.
 */
@Timeout(30)
class PaymentCallbackExampleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static GatewayStub gateway;
  private static PaymentsTable payments;
  private static Application server;

  @BeforeAll
  static void start() throws Exception {
    gateway = new GatewayStub();
    payments = new PaymentsTable();
    server = application(GatewayStub.API_KEY);
  }

  private static Application application(String apiKey) {
    return HookcApplication.builder()
        .config("gateway.base_url", gateway.baseUrl())
        .environment("GATEWAY_API_KEY", apiKey)
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
  void recordsAPaymentAndUpdatesItOnARepeatedCallback() throws Exception {
    String transaction = "tx-" + UUID.randomUUID();

    gateway.knows(transaction, "pending");
    HttpResponse<String> first = post(payment(transaction, "pending", "12.50"));
    gateway.knows(transaction, "success");
    HttpResponse<String> second = post(payment(transaction, "success", "12.50"));

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    JsonNode answer = JSON.readTree(second.body());
    assertThat(answer.get("transaction_id").asText()).isEqualTo(transaction);
    assertThat(answer.get("status").asText()).isEqualTo("success");
    assertThat(payments.count(transaction)).isEqualTo(1);
    PaymentsTable.Payment stored = payments.find(transaction).orElseThrow();
    assertThat(stored.status()).isEqualTo("success");
    assertThat(stored.orderId()).isEqualTo("order-7");
    assertThat(stored.currency()).isEqualTo("EUR");
    assertThat(stored.amount()).isEqualByComparingTo(new BigDecimal("12.50"));
  }

  @Test
  void recordsTheGatewaysStatusWhenCallbacksArriveOutOfOrder() throws Exception {
    String transaction = "tx-" + UUID.randomUUID();
    gateway.knows(transaction, "success");

    // The late "pending" callback arrives after the payment succeeded: the row stays "success".
    HttpResponse<String> late = post(payment(transaction, "pending", "12.50"));

    assertThat(late.statusCode()).as(late.body()).isEqualTo(200);
    assertThat(JSON.readTree(late.body()).get("status").asText()).isEqualTo("success");
    assertThat(payments.find(transaction).orElseThrow().status()).isEqualTo("success");
  }

  @Test
  void answers422AndStoresNothingForATransactionTheGatewayDoesNotKnow() throws Exception {
    String transaction = "tx-forged-" + UUID.randomUUID();

    HttpResponse<String> response = post(payment(transaction, "success", "12.50"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(response.body()).get("transaction_id").asText())
        .isEqualTo(transaction);
    assertThat(payments.find(transaction)).isEmpty();
  }

  @Test
  void answers503AndStoresNothingWhileTheGatewayIsDownThenRecordsTheRetry() throws Exception {
    String transaction = "tx-" + UUID.randomUUID();
    gateway.knows(transaction, "success");

    gateway.down(true);
    HttpResponse<String> during;
    try {
      during = post(payment(transaction, "success", "12.50"));
    } finally {
      gateway.down(false);
    }

    assertThat(during.statusCode()).as(during.body()).isEqualTo(503);
    assertThat(during.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(during.body()).doesNotContain("processed successfully");
    assertThat(payments.find(transaction)).isEmpty();
    // The gateway delivers the callback again; now it is confirmed and recorded.
    assertThat(post(payment(transaction, "success", "12.50")).statusCode()).isEqualTo(200);
    assertThat(payments.find(transaction).orElseThrow().status()).isEqualTo("success");
  }

  @Test
  void answers503AndStoresNothingWhenTheGatewayRefusesTheApiKey() throws Exception {
    String transaction = "tx-" + UUID.randomUUID();
    gateway.knows(transaction, "success");
    int refusedBefore = gateway.unauthorized();

    HttpResponse<String> response;
    try (Application misconfigured = application("gw_wrong_key")) {
      response = post(misconfigured, payment(transaction, "success", "12.50"));
    }

    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
    assertThat(gateway.unauthorized()).isGreaterThan(refusedBefore);
    assertThat(payments.find(transaction)).isEmpty();
  }

  @Test
  void rejectsAStatusOutsideTheEnum() throws Exception {
    HttpResponse<String> response = post(payment("tx-" + UUID.randomUUID(), "paid", "1"));

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
    assertThat(error.get("pointer").asText()).isEqualTo("/status");
    assertThat(error.get("keyword").asText()).isEqualTo("enum");
  }

  @Test
  void reportsEveryViolationAtOnce() throws Exception {
    int callsBefore = gateway.calls();

    HttpResponse<String> response =
        post("{\"transaction_id\":\"\",\"status\":\"success\",\"amount\":-1,\"currency\":\"eur\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).get("errors"))
        .extracting(e -> e.get("pointer").asText())
        .containsExactlyInAnyOrder("/transaction_id", "/amount", "/currency");
    assertThat(gateway.calls()).as("the gateway is not asked").isEqualTo(callsBefore);
  }

  @Test
  void refusesASuccessfulPaymentWithoutAnAmount() throws Exception {
    String transaction = "tx-" + UUID.randomUUID();
    gateway.knows(transaction, "success");

    HttpResponse<String> response = post(payment(transaction, "pending", "0"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(response.body()).get("detail").asText())
        .isEqualTo("a successful payment must have a positive amount");
    assertThat(payments.find(transaction)).isEmpty();
  }

  @Test
  void recordsAPendingPaymentWithoutAnAmount() throws Exception {
    String transaction = "tx-" + UUID.randomUUID();
    gateway.knows(transaction, "pending");

    HttpResponse<String> response = post(payment(transaction, "pending", "0"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(payments.find(transaction).orElseThrow().amount()).isEqualByComparingTo("0");
  }

  private static String payment(String transaction, String status, String amount) {
    return "{\"transaction_id\":\""
        + transaction
        + "\",\"order_id\":\"order-7\",\"status\":\""
        + status
        + "\",\"amount\":"
        + amount
        + ",\"currency\":\"EUR\"}";
  }

  private static HttpResponse<String> post(String body) throws Exception {
    return post(server, body);
  }

  private static HttpResponse<String> post(Application to, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(to.baseUri() + "/payment/callback"))
            .timeout(Duration.ofSeconds(15))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }
}

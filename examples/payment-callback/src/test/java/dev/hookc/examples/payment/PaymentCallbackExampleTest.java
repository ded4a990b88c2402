package dev.hookc.examples.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookc.examples.payment.functions.RecordTransactionArgs;
import dev.hookc.examples.payment.functions.RecordTransactionFunction;
import dev.hookc.runtime.Application;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PaymentCallbackExampleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static Application server;
  private static PaymentStore payments;

  @BeforeAll
  static void start() throws Exception {
    // The database RecordTransaction is made with: the test reads the payments table through it.
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:payments-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    payments = new PaymentStore(database);
    server =
        HookcApplication.builder().dataSource(database).host("127.0.0.1").port(0).build().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void recordsAPaymentAndUpdatesItOnARepeatedCallback() throws Exception {
    String transaction = "tx-" + UUID.randomUUID();

    HttpResponse<String> first = post(payment(transaction, "pending", "12.50"));
    HttpResponse<String> second = post(payment(transaction, "success", "12.50"));

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(200);
    JsonNode answer = JSON.readTree(second.body());
    assertThat(answer.get("transaction_id").asText()).isEqualTo(transaction);
    assertThat(answer.get("status").asText()).isEqualTo("success");
    PaymentStore.Payment stored = payments.find(transaction).orElseThrow();
    assertThat(stored.status()).isEqualTo("success");
    assertThat(stored.amount()).isEqualByComparingTo(new BigDecimal("12.50"));
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
    HttpResponse<String> response =
        post("{\"transaction_id\":\"\",\"status\":\"success\",\"amount\":-1,\"currency\":\"eur\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).get("errors"))
        .extracting(e -> e.get("pointer").asText())
        .containsExactlyInAnyOrder("/transaction_id", "/amount", "/currency");
  }

  @Test
  void refusesASuccessfulPaymentWithoutAnAmount() throws Exception {
    String transaction = "tx-" + UUID.randomUUID();

    HttpResponse<String> response = post(payment(transaction, "success", "0"));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(payments.find(transaction)).isEmpty();
  }

  @Test
  void recordsThroughAFunctionGivenToTheBuilderInsteadOfTheProjectsOwn() throws Exception {
    List<RecordTransactionArgs> recorded = new CopyOnWriteArrayList<>();
    RecordTransactionFunction fake =
        (args, context) -> {
          recorded.add(args);
          return Map.of("transaction_id", args.transactionId(), "created", true);
        };
    String transaction = "tx-" + UUID.randomUUID();

    HttpResponse<String> response;
    try (Application app =
        HookcApplication.builder()
            .function(RecordTransactionFunction.class, fake)
            .host("127.0.0.1")
            .port(0)
            .build()
            .start()) {
      response = post(app, payment(transaction, "success", "12.50"));
    }

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(recorded).hasSize(1);
    assertThat(recorded.get(0).transactionId()).isEqualTo(transaction);
    assertThat(recorded.get(0).amount()).isEqualByComparingTo(new BigDecimal("12.50"));
    // The project's RecordTransaction did not run: the payments table never saw it.
    assertThat(payments.find(transaction)).isEmpty();
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
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }
}

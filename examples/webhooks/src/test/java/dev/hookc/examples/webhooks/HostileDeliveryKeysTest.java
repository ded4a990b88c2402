package dev.hookc.examples.webhooks;

import static dev.hookc.examples.webhooks.SignedWebhooksExampleTest.hmac;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookc.runtime.Application;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Correctly signed deliveries whose keys a sender chose badly: the same 400 problem on the
 * synchronous and the async route, before anything is stored, and a number key kept apart from the
 * same digits as a string.
 */
@Timeout(30)
class HostileDeliveryKeysTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final byte[] ORDERS_KEY = "0123456789abcdef01234567".getBytes(UTF_8);
  @TempDir static Path data;
  private static Application server;

  @BeforeAll
  static void start() throws Exception {
    server = SignedWebhooksExampleTest.builder(data).build().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A Standard Webhooks delivery of {@code body} with message id {@code id}, signed. */
  private static HttpResponse<String> standardWebhook(String path, String id, String body)
      throws Exception {
    long t = Instant.now().getEpochSecond();
    String signature =
        "v1," + Base64.getEncoder().encodeToString(hmac(ORDERS_KEY, id + "." + t + "." + body));
    return send(
        HttpRequest.newBuilder(URI.create(server.baseUri() + path))
            .header("webhook-id", id)
            .header("webhook-timestamp", Long.toString(t))
            .header("webhook-signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static HttpResponse<String> stripe(String body) throws Exception {
    long t = Instant.now().getEpochSecond();
    String v1 =
        HexFormat.of().formatHex(hmac("whsec_stripe_example".getBytes(UTF_8), t + "." + body));
    return send(
        HttpRequest.newBuilder(URI.create(server.baseUri() + "/webhooks/stripe"))
            .header("Stripe-Signature", "t=" + t + ",v1=" + v1)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return CLIENT.send(
        request.header("Content-Type", "application/json").timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode problem(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    return JSON.readTree(response.body());
  }

  @Test
  void answersTheSame400ToA600CharacterWebhookIdOnTheSyncAndTheAsyncRoute() throws Exception {
    String id = "msg_" + "a".repeat(596);

    JsonNode sync = problem(standardWebhook("/webhooks/orders", id, "{\"id\":\"ord_1\"}"));
    JsonNode async = problem(standardWebhook("/webhooks/shipments", id, "{\"shipment\":\"s_1\"}"));

    assertThat(sync.get("type").asText())
        .isEqualTo("https://hookc.dev/problems/invalid-idempotency-key");
    assertThat(async.get("type")).isEqualTo(sync.get("type"));
    assertThat(async.get("detail")).isEqualTo(sync.get("detail"));
    assertThat(sync.get("detail").asText())
        .isEqualTo("the idempotency key is longer than 500 characters");
  }

  @Test
  void refusesAStripeEventWhoseIdIsANumberSoItNeverCollidesWithTheSameIdAsAString()
      throws Exception {
    String digits = Long.toString(System.nanoTime());
    HttpResponse<String> number = stripe("{\"id\":" + digits + ",\"type\":\"ping\"}");
    HttpResponse<String> string = stripe("{\"id\":\"" + digits + "\",\"type\":\"ping\"}");
    HttpResponse<String> repeat = stripe("{\"id\":\"" + digits + "\",\"type\":\"ping\"}");

    assertThat(number.statusCode()).as(number.body()).isEqualTo(400);
    assertThat(number.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(string.statusCode()).isEqualTo(200);
    assertThat(string.headers().firstValue("idempotent-replayed")).isEmpty();
    assertThat(JSON.readTree(string.body()).at("/received/id").isTextual()).isTrue();
    assertThat(repeat.headers().firstValue("idempotent-replayed")).hasValue("true");
    assertThat(repeat.body()).isEqualTo(string.body());
  }
}

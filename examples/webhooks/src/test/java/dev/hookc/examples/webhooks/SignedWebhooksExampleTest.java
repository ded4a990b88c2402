package dev.hookc.examples.webhooks;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookc.runtime.Application;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real signed deliveries reach the example's routes with nothing but YAML configuring them. */
class SignedWebhooksExampleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final String STRIPE_SECRET = "whsec_stripe_example";
  static final byte[] ORDERS_KEY = "0123456789abcdef01234567".getBytes(UTF_8);
  private static final byte[] NEXT_ORDERS_KEY = "abcdefghijklmnopqrstuvwx".getBytes(UTF_8);
  private static final String SLACK_SECRET = "slack-signing-secret";
  private static final String SHOPIFY_SECRET = "shopify-signing-secret";
  private static final String JWT_SECRET = "jwt-secret-for-the-example-1234567";
  @TempDir static Path data;
  private static Application server;

  static JsonNode config() throws Exception {
    return JSON.readTree(
        "{\"stripe\":{\"webhook_secret\":\""
            + STRIPE_SECRET
            + "\"},\"orders\":{\"webhook_secret\":\"whsec_"
            + Base64.getEncoder().encodeToString(ORDERS_KEY)
            + "\",\"next_webhook_secret\":\"whsec_"
            + Base64.getEncoder().encodeToString(NEXT_ORDERS_KEY)
            + "\"},\"jwt\":{\"secret\":\""
            + JWT_SECRET
            + "\"},\"slack\":{\"signing_secret\":\""
            + SLACK_SECRET
            + "\"},\"shopify\":{\"webhook_secret\":\""
            + SHOPIFY_SECRET
            // Fetched only when a Pub/Sub push arrives; PubSubPushExampleTest serves real keys.
            + "\"},\"pubsub\":{\"jwks_url\":\"http://127.0.0.1:9/jwks\"}}");
  }

  /**
   * The example's application with the secrets above, its store in {@code data} (a test's own, not
   * the ./data of a deployment), on a free port.
   */
  static Application.Builder builder(Path data) throws Exception {
    return HookcApplication.builder()
        .config(config())
        .dataDirectory(data)
        .host("127.0.0.1")
        .port(0);
  }

  @BeforeAll
  static void start() throws Exception {
    server = builder(data).build().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static byte[] hmac(byte[] key, String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(message.getBytes(UTF_8));
  }

  static HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUri() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void acceptsAStripeSignedEventAndRejectsAForgedOne() throws Exception {
    String body = "{\"id\":\"evt_1\",\"type\":\"payment_intent.succeeded\"}";
    long t = Instant.now().getEpochSecond();
    String v1 = HexFormat.of().formatHex(hmac(STRIPE_SECRET.getBytes(UTF_8), t + "." + body));

    HttpResponse<String> ok =
        post("/webhooks/stripe", body, "Stripe-Signature", "t=" + t + ",v1=" + v1);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ok.body()).at("/received/id").asText()).isEqualTo("evt_1");

    HttpResponse<String> forged =
        post(
            "/webhooks/stripe",
            body.replace("evt_1", "evt_2"),
            "Stripe-Signature",
            "t=" + t + ",v1=" + v1);
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.headers().firstValue("content-type")).hasValue("application/problem+json");
  }

  @Test
  void answersARedeliveredStandardWebhooksMessageWithoutRunningItAgain() throws Exception {
    String id = "msg_" + System.nanoTime();
    String body = "{\"id\":\"ord_9\"}";
    long t = Instant.now().getEpochSecond();
    String signature =
        "v1," + Base64.getEncoder().encodeToString(hmac(ORDERS_KEY, id + "." + t + "." + body));
    String[] headers = {
      "webhook-id", id, "webhook-timestamp", Long.toString(t), "webhook-signature", signature
    };
    HttpResponse<String> first = post("/webhooks/orders", body, headers);
    HttpResponse<String> repeat = post("/webhooks/orders", body, headers);
    assertThat(first.headers().firstValue("idempotent-replayed")).isEmpty();
    assertThat(repeat.headers().firstValue("idempotent-replayed")).hasValue("true");
    assertThat(repeat.body()).isEqualTo(first.body());
  }

  @Test
  void acknowledgesAnAsyncDeliveryOnceAndValidatesItFirst() throws Exception {
    String id = "msg_async_" + System.nanoTime();
    long t = Instant.now().getEpochSecond();
    String body = "{\"shipment\":\"shp_1\"}";
    String signature =
        "v1," + Base64.getEncoder().encodeToString(hmac(ORDERS_KEY, id + "." + t + "." + body));
    String[] headers = {
      "webhook-id", id, "webhook-timestamp", Long.toString(t), "webhook-signature", signature
    };
    HttpResponse<String> first = post("/webhooks/shipments", body, headers);
    assertThat(first.statusCode()).isEqualTo(202);
    HttpResponse<String> repeat = post("/webhooks/shipments", body, headers);
    assertThat(repeat.headers().firstValue("idempotent-replayed")).hasValue("true");
    assertThat(repeat.body()).isEqualTo(first.body());

    String invalid = "{}";
    String invalidSignature =
        "v1," + Base64.getEncoder().encodeToString(hmac(ORDERS_KEY, id + "x." + t + "." + invalid));
    assertThat(
            post(
                    "/webhooks/shipments",
                    invalid,
                    "webhook-id",
                    id + "x",
                    "webhook-timestamp",
                    Long.toString(t),
                    "webhook-signature",
                    invalidSignature)
                .statusCode())
        .isEqualTo(400);
    HttpResponse<String> admin =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(server.baseUri() + "/_hookc/dead-letters"))
                .header("Authorization", "Bearer example-admin-token-0123456789")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(admin.body()).has("POST /webhooks/shipments")).isTrue();
  }

  @Test
  void acceptsGitHubsDocumentedDeliveryWithTheSecretFromTheEnvironment() throws Exception {
    HttpResponse<String> ok =
        post(
            "/webhooks/github",
            "Hello, World!",
            "X-Hub-Signature-256",
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    // The body is not JSON, so authentication passed and the controller rejected it.
    assertThat(ok.statusCode()).isEqualTo(400);
    HttpResponse<String> unsigned = post("/webhooks/github", "{}");
    assertThat(unsigned.statusCode()).isEqualTo(401);
  }

  @Test
  void acceptsAStandardWebhooksDeliverySignedWithTheNextSecret() throws Exception {
    String body = "{\"id\":\"ord_7\"}";
    long t = Instant.now().getEpochSecond();
    String signature =
        "v1,"
            + Base64.getEncoder().encodeToString(hmac(NEXT_ORDERS_KEY, "msg_1." + t + "." + body));
    HttpResponse<String> ok =
        post(
            "/webhooks/orders",
            body,
            "webhook-id",
            "msg_1",
            "webhook-timestamp",
            Long.toString(t),
            "webhook-signature",
            signature);
    assertThat(ok.statusCode()).isEqualTo(200);
    HttpResponse<String> stale =
        post(
            "/webhooks/orders",
            body,
            "webhook-id",
            "msg_1",
            "webhook-timestamp",
            Long.toString(t - 600),
            "webhook-signature",
            signature);
    assertThat(stale.statusCode()).isEqualTo(401);
  }

  @Test
  void givesTheServerWideJwtClaimsToTheWorkflowAsTheUser() throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String signed =
        b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(UTF_8))
            + "."
            + b64.encodeToString(
                ("{\"sub\":\"ada\",\"iss\":\"https://id.example.com\",\"aud\":\"orders-api\",\"exp\":"
                        + (Instant.now().getEpochSecond() + 60)
                        + "}")
                    .getBytes(UTF_8));
    String token = signed + "." + b64.encodeToString(hmac(JWT_SECRET.getBytes(UTF_8), signed));
    HttpResponse<String> ok = post("/orders", "{}", "Authorization", "Bearer " + token);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ok.body()).at("/user/sub").asText()).isEqualTo("ada");
    assertThat(post("/orders", "{}").statusCode()).isEqualTo(401);
  }

  @Test
  void checksASignatureOverATimestampAndTheBodyAsReceivedInAWorkflow() throws Exception {
    // Spacing and an escape that re-serializing the parsed body would not reproduce.
    String body = "{ \"event_id\" : \"Ev\\u00e9\",\n  \"amount\": 1.50 }";
    String timestamp = String.valueOf(Instant.now().getEpochSecond());
    String signature =
        "v0="
            + HexFormat.of()
                .formatHex(hmac(SLACK_SECRET.getBytes(UTF_8), "v0:" + timestamp + ":" + body));

    HttpResponse<String> signed =
        post(
            "/webhooks/slack",
            body,
            "X-Slack-Signature",
            signature,
            "X-Slack-Request-Timestamp",
            timestamp);
    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(202);
    assertThat(JSON.readTree(signed.body()).get("event").asText()).isEqualTo("Ev\u00e9");

    String reformatted = JSON.writeValueAsString(JSON.readTree(body));
    HttpResponse<String> altered =
        post(
            "/webhooks/slack",
            reformatted,
            "X-Slack-Signature",
            signature,
            "X-Slack-Request-Timestamp",
            timestamp);
    assertThat(altered.statusCode()).isEqualTo(401);
    assertThat(post("/webhooks/slack", body, "X-Slack-Signature", signature).statusCode())
        .isEqualTo(400);
  }

  @Test
  void identifiesAShopifyDeliveryByItsConfiguredHeadersAndRunsItOnce() throws Exception {
    String id = "b54557e4-bdd9-4b37-8a5f-" + System.nanoTime();
    String body = "{\"id\":820982911946154508,\"email\":\"jon@example.com\"}";
    String hmac = Base64.getEncoder().encodeToString(hmac(SHOPIFY_SECRET.getBytes(UTF_8), body));
    String[] headers = {
      "X-Shopify-Hmac-Sha256", hmac, "X-Shopify-Event-Id", id, "X-Shopify-Topic", "orders/create"
    };

    HttpResponse<String> first = post("/webhooks/shopify", body, headers);
    HttpResponse<String> repeat = post("/webhooks/shopify", body, headers);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    JsonNode delivery = JSON.readTree(first.body()).path("delivery");
    assertThat(delivery.path("scheme").asText()).isEqualTo("hmac");
    assertThat(delivery.path("id").asText()).isEqualTo(id);
    assertThat(delivery.path("event").asText()).isEqualTo("orders/create");
    assertThat(delivery.path("timestamp").isNull()).isTrue();
    assertThat(repeat.headers().firstValue("idempotent-replayed")).hasValue("true");
  }

  @Test
  void leavesARouteWithAuthnFalsePublic() throws Exception {
    assertThat(post("/ping", "{}").statusCode()).isEqualTo(200);
  }

  @Test
  void refusesToStartWhenASecretIsMissing() {
    assertThatThrownBy(() -> builder(data).config(JSON.readTree("{}")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("config.stripe.webhook_secret")
        .hasMessageContaining("POST /webhooks/stripe")
        // Every missing secret at once, not only the first.
        .hasMessageContaining("config.orders.webhook_secret")
        .hasMessageContaining("config.jwt.secret");
  }
}

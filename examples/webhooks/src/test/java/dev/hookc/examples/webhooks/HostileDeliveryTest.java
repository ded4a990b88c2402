package dev.hookc.examples.webhooks;

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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Senders that name the delivery differently, and senders that try to make one delivery pass for
 * another: whichever header set signed a delivery, its id is the idempotency key, and no header
 * that was not signed can change it.
 */
@Timeout(30)
class HostileDeliveryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final byte[] ORDERS_KEY = "0123456789abcdef01234567".getBytes(UTF_8);
  private static final String STRIPE_SECRET = "whsec_stripe_example";
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

  private static HttpResponse<String> post(String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUri() + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The three headers of a Standard Webhooks delivery, under the names {@code prefix-*}. */
  private static String[] signed(String prefix, String id, String body) throws Exception {
    long t = Instant.now().getEpochSecond();
    String signature =
        "v1,"
            + Base64.getEncoder()
                .encodeToString(
                    SignedWebhooksExampleTest.hmac(ORDERS_KEY, id + "." + t + "." + body));
    return new String[] {
      prefix + "-id", id, prefix + "-timestamp", Long.toString(t), prefix + "-signature", signature
    };
  }

  private static String[] plus(String[] headers, String... more) {
    String[] all = java.util.Arrays.copyOf(headers, headers.length + more.length);
    System.arraycopy(more, 0, all, headers.length, more.length);
    return all;
  }

  @Test
  void acceptsASvixSenderOnceAndReplaysItsRedelivery() throws Exception {
    String id = "msg_svix_" + System.nanoTime();
    String body = "{\"id\":\"ord_svix\"}";
    String[] headers = signed("svix", id, body);

    HttpResponse<String> first = post("/webhooks/orders", body, headers);
    HttpResponse<String> repeat = post("/webhooks/orders", body, headers);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(JSON.readTree(first.body()).at("/delivery/id").asText()).isEqualTo(id);
    assertThat(first.headers().firstValue("idempotent-replayed")).isEmpty();
    assertThat(repeat.statusCode()).isEqualTo(200);
    assertThat(repeat.headers().firstValue("idempotent-replayed")).hasValue("true");
    assertThat(repeat.body()).isEqualTo(first.body());
  }

  @Test
  void acknowledgesAnAsyncSvixDeliveryOnceAndReplaysItsRedelivery() throws Exception {
    String id = "msg_svix_async_" + System.nanoTime();
    String body = "{\"shipment\":\"shp_svix\"}";
    String[] headers = signed("svix", id, body);

    HttpResponse<String> first = post("/webhooks/shipments", body, headers);
    HttpResponse<String> repeat = post("/webhooks/shipments", body, headers);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
    assertThat(repeat.statusCode()).isEqualTo(202);
    assertThat(repeat.headers().firstValue("idempotent-replayed")).hasValue("true");
    assertThat(repeat.body()).isEqualTo(first.body());
  }

  @Test
  void treatsTheSameMessageUnderEitherHeaderSetAsOneDelivery() throws Exception {
    String id = "msg_both_" + System.nanoTime();
    String body = "{\"id\":\"ord_both\"}";

    HttpResponse<String> first = post("/webhooks/orders", body, signed("webhook", id, body));
    HttpResponse<String> repeat = post("/webhooks/orders", body, signed("svix", id, body));

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(repeat.headers().firstValue("idempotent-replayed")).hasValue("true");
  }

  @Test
  void refusesAnUnsignedIdAddedNextToASignedSvixDelivery() throws Exception {
    // Otherwise a captured delivery could run again under a fresh id, or take the id of another.
    String id = "msg_victim_" + System.nanoTime();
    String body = "{\"id\":\"ord_victim\"}";
    String[] forged =
        plus(signed("svix", id, body), "webhook-id", "msg_forged_" + System.nanoTime());

    HttpResponse<String> response = post("/webhooks/orders", body, forged);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    // The genuine delivery, sent afterwards, is still new.
    HttpResponse<String> genuine = post("/webhooks/orders", body, signed("svix", id, body));
    assertThat(genuine.statusCode()).isEqualTo(200);
    assertThat(genuine.headers().firstValue("idempotent-replayed")).isEmpty();
  }

  @Test
  void refusesASignatureFromOneHeaderSetWithTheIdOfTheOther() throws Exception {
    String id = "msg_mixed_" + System.nanoTime();
    String body = "{\"id\":\"ord_mixed\"}";
    String[] svix = signed("svix", id, body);
    String[] mixed = {"webhook-id", id, "svix-timestamp", svix[3], "svix-signature", svix[5]};

    HttpResponse<String> response = post("/webhooks/orders", body, mixed);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(response.body()).path("detail").asText())
        .isEqualTo("missing header webhook-timestamp");
  }

  @Test
  void keysAStripeEventOnTheSignedEventIdAndGivesItsType() throws Exception {
    String id = "evt_" + System.nanoTime();
    String body = "{\"id\":\"" + id + "\",\"type\":\"invoice.paid\"}";
    long t = Instant.now().getEpochSecond();
    String v1 =
        HexFormat.of()
            .formatHex(
                SignedWebhooksExampleTest.hmac(STRIPE_SECRET.getBytes(UTF_8), t + "." + body));

    HttpResponse<String> first =
        post("/webhooks/stripe", body, "Stripe-Signature", "t=" + t + ",v1=" + v1);
    HttpResponse<String> repeat =
        post("/webhooks/stripe", body, "Stripe-Signature", "t=" + t + ",v1=" + v1);

    JsonNode delivery = JSON.readTree(first.body()).path("delivery");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(delivery.path("id").asText()).isEqualTo(id);
    assertThat(delivery.path("event").asText()).isEqualTo("invoice.paid");
    assertThat(delivery.path("timestamp").asLong()).isEqualTo(t);
    assertThat(delivery.path("scheme").asText()).isEqualTo("stripe");
    assertThat(repeat.headers().firstValue("idempotent-replayed")).hasValue("true");
  }

  @Test
  void givesAGitHubDeliveryItsDeliveryIdAndEvent() throws Exception {
    String id = "72d3162e-cc78-11e3-81ab-" + System.nanoTime();
    String body = "{\"zen\":\"Design for failure.\"}";
    String sig =
        HexFormat.of()
            .formatHex(
                SignedWebhooksExampleTest.hmac("It's a Secret to Everybody".getBytes(UTF_8), body));
    String[] headers = {
      "X-Hub-Signature-256", "sha256=" + sig, "X-GitHub-Delivery", id, "X-GitHub-Event", "push"
    };

    HttpResponse<String> first = post("/webhooks/github", body, headers);
    HttpResponse<String> repeat = post("/webhooks/github", body, headers);

    JsonNode delivery = JSON.readTree(first.body()).path("delivery");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(delivery.path("id").asText()).isEqualTo(id);
    assertThat(delivery.path("event").asText()).isEqualTo("push");
    assertThat(repeat.headers().firstValue("idempotent-replayed")).hasValue("true");
    HttpResponse<String> anonymous =
        post("/webhooks/github", body, "X-Hub-Signature-256", "sha256=" + sig);
    assertThat(anonymous.statusCode()).isEqualTo(400);
    assertThat(anonymous.headers().firstValue("content-type")).hasValue("application/problem+json");
  }

  @Test
  void refusesACorrectlySignedSlackRequestWhoseTimestampIsNotCurrent() throws Exception {
    // A captured request replayed later, or one signed with a timestamp far away, keeps a valid
    // signature: only the timestamp's age tells it apart.
    String body = "{\"event_id\":\"Ev1\"}";
    long now = Instant.now().getEpochSecond();
    for (String timestamp :
        List.of(
            Long.toString(now - 3600),
            Long.toString(now + 3600),
            "-9223372036854775808",
            "not-a-number")) {
      String signature =
          "v0="
              + HexFormat.of()
                  .formatHex(
                      SignedWebhooksExampleTest.hmac(
                          "slack-signing-secret".getBytes(UTF_8), "v0:" + timestamp + ":" + body));

      HttpResponse<String> response =
          post(
              "/webhooks/slack",
              body,
              "X-Slack-Signature",
              signature,
              "X-Slack-Request-Timestamp",
              timestamp);

      assertThat(response.statusCode()).as(timestamp + ": " + response.body()).isEqualTo(401);
    }
  }
}

package dev.hookc.examples.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.test.HookcClient;
import dev.hookc.test.HookcExtension;
import dev.hookc.test.HookcResponse;
import dev.hookc.test.JwksServer;
import dev.hookc.test.JwtSigner;
import dev.hookc.test.Signers;
import dev.hookc.test.StandardWebhooksSigner;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every route of the example, each sent what its sender sends, written with the test kit: the
 * application starts once for this class, on a free port with a store of its own.
 */
@Timeout(30)
class SignedDeliveriesTest {
  static final String STRIPE_SECRET = "whsec_kit_stripe";
  static final String ORDERS_SECRET = Signers.newStandardWebhooksSecret();
  static final String NEXT_ORDERS_SECRET = Signers.newStandardWebhooksSecret();
  static final String GITHUB_SECRET = "kit-github-secret";
  static final String SHOPIFY_SECRET = "kit-shopify-secret";
  static final String SLACK_SECRET = "kit-slack-secret";
  static final String JWT_SECRET = "kit-jwt-secret-of-at-least-32-bytes";

  /** Google's side of a Pub/Sub push: its key pair, and its key set on a loopback port. */
  static final JwtSigner GOOGLE =
      Signers.jwtRs256()
          .issuer("https://accounts.google.com")
          .audience("https://hooks.example.com/webhooks/pubsub")
          .claim("email", "pusher@example.iam.gserviceaccount.com");

  @AutoClose static final JwksServer GOOGLE_KEYS = JwksServer.serve(GOOGLE);

  @RegisterExtension
  static final HookcExtension hookc =
      HookcExtension.of(HookcApplication::builder)
          .config("stripe.webhook_secret", STRIPE_SECRET)
          .config("orders.webhook_secret", ORDERS_SECRET)
          .config("orders.next_webhook_secret", NEXT_ORDERS_SECRET)
          .config("shopify.webhook_secret", SHOPIFY_SECRET)
          .config("slack.signing_secret", SLACK_SECRET)
          .config("jwt.secret", JWT_SECRET)
          .config("pubsub.jwks_url", GOOGLE_KEYS.url())
          .environment("HOOKC_EXAMPLE_GITHUB_SECRET", GITHUB_SECRET)
          .environment("HOOKC_ADMIN_TOKEN", "kit-admin-token-0123456789");

  @Test
  void acceptsAStripeEventAndRefusesOneSignedTooLongAgo(HookcClient client) {
    String event = "{\"id\":\"evt_1\",\"type\":\"payment_intent.succeeded\"}";

    HookcResponse fresh =
        client
            .post("/webhooks/stripe")
            .json(event)
            .signedWith(Signers.stripe(STRIPE_SECRET))
            .send();
    HookcResponse stale =
        client
            .post("/webhooks/stripe")
            .json(event)
            .signedWith(Signers.stripe(STRIPE_SECRET).at(Instant.now().minusSeconds(6 * 60)))
            .send();

    assertThat(fresh.status()).as("%s", fresh).isEqualTo(200);
    assertThat(fresh.json().at("/delivery/id").asText()).isEqualTo("evt_1");
    assertThat(stale.status()).as("%s", stale).isEqualTo(401);
  }

  @Test
  void acceptsAGitHubDeliveryWithTheSecretFromTheEnvironment(HookcClient client) {
    HookcResponse response =
        client
            .post("/webhooks/github")
            .json("{\"zen\":\"Design for failure.\"}")
            .signedWith(Signers.github(GITHUB_SECRET).event("ping"))
            .send();

    assertThat(response.status()).as("%s", response).isEqualTo(200);
    assertThat(response.json().at("/delivery/event").asText()).isEqualTo("ping");
  }

  @Test
  void answersAStandardWebhooksRetryWithTheFirstOutcome() {
    StandardWebhooksSigner retrying =
        Signers.standardWebhooks(ORDERS_SECRET).deliveryId("msg_retry");

    HookcResponse first =
        hookc.post("/webhooks/orders").json("{\"id\":\"ord_1\"}").signedWith(retrying).send();
    HookcResponse retry =
        hookc.post("/webhooks/orders").json("{\"id\":\"ord_1\"}").signedWith(retrying).send();

    assertThat(first.status()).as("%s", first).isEqualTo(200);
    assertThat(first.header("Idempotent-Replayed")).isNull();
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retry.body()).isEqualTo(first.body());
  }

  @Test
  void acceptsTheNextStandardWebhooksSecretAndSvixHeaderNames() {
    HookcResponse response =
        hookc
            .post("/webhooks/orders")
            .json("{\"id\":\"ord_2\"}")
            .signedWith(Signers.standardWebhooks(NEXT_ORDERS_SECRET).svixHeaders())
            .send();

    assertThat(response.status()).as("%s", response).isEqualTo(200);
  }

  @Test
  void identifiesAShopifyDeliveryByItsHeaders() {
    HookcResponse response =
        hookc
            .post("/webhooks/shopify")
            .json("{\"id\":820982911946154508}")
            .signedWith(Signers.shopify(SHOPIFY_SECRET).deliveryId("shop-1").topic("orders/paid"))
            .send();

    assertThat(response.status()).as("%s", response).isEqualTo(200);
    assertThat(response.json().at("/delivery/id").asText()).isEqualTo("shop-1");
    assertThat(response.json().at("/delivery/event").asText()).isEqualTo("orders/paid");
  }

  @Test
  void checksASlackSignatureInTheWorkflow() {
    String body = "{ \"event_id\" : \"Ev1\" }";

    HookcResponse signed =
        hookc.post("/webhooks/slack").json(body).signedWith(Signers.slack(SLACK_SECRET)).send();
    HookcResponse forged =
        hookc.post("/webhooks/slack").json(body).signedWith(Signers.slack("not-the-secret")).send();

    assertThat(signed.status()).as("%s", signed).isEqualTo(202);
    assertThat(forged.status()).as("%s", forged).isEqualTo(401);
  }

  @Test
  void givesTheClaimsOfTheServerWideJwtToTheWorkflow() {
    HookcResponse response =
        hookc
            .post("/orders")
            .json("{}")
            .signedWith(
                Signers.jwt(JWT_SECRET)
                    .issuer("https://id.example.com")
                    .audience("orders-api")
                    .subject("ada"))
            .send();

    assertThat(response.status()).as("%s", response).isEqualTo(200);
    assertThat(response.json().at("/user/sub").asText()).isEqualTo("ada");
  }

  @Test
  void acceptsAPubSubPushSignedWithAKeyFromTheKeySet() {
    String push =
        "{\"message\":{\"data\":\"aGVsbG8=\",\"messageId\":\"m-1\"},"
            + "\"subscription\":\"projects/p/subscriptions/hookc\"}";

    HookcResponse pushed = hookc.post("/webhooks/pubsub").json(push).signedWith(GOOGLE).send();
    HookcResponse expired =
        hookc
            .post("/webhooks/pubsub")
            .json(push)
            .signedWith(GOOGLE.expiresIn(Duration.ofMinutes(-1)))
            .send();

    assertThat(pushed.status()).as("%s", pushed).isEqualTo(200);
    assertThat(pushed.json().at("/user/email").asText())
        .isEqualTo("pusher@example.iam.gserviceaccount.com");
    assertThat(expired.status()).as("%s", expired).isEqualTo(401);
  }
}

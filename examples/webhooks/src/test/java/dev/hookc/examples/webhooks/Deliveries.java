package dev.hookc.examples.webhooks;

import dev.hookc.test.HookcExtension;
import dev.hookc.test.HookcResponse;
import dev.hookc.test.Signers;

/** The example's application with every secret set, and one Standard Webhooks order delivery. */
final class Deliveries {
  private Deliveries() {}

  /** The application, with {@code ordersSecret} for the Standard Webhooks routes. */
  static HookcExtension application(String ordersSecret) {
    return HookcExtension.of(HookcApplication::builder)
        .config("stripe.webhook_secret", "whsec_unused")
        .config("orders.webhook_secret", ordersSecret)
        .config("orders.next_webhook_secret", Signers.newStandardWebhooksSecret())
        .config("shopify.webhook_secret", "unused")
        .config("slack.signing_secret", "unused")
        .config("jwt.secret", "unused-jwt-secret-of-at-least-32-bytes")
        .config("pubsub.jwks_url", "http://127.0.0.1:9/jwks")
        .environment("HOOKC_EXAMPLE_GITHUB_SECRET", "unused")
        .environment("HOOKC_ADMIN_TOKEN", "unused-admin-token-0123456789");
  }

  /** A Standard Webhooks order delivery identified as {@code deliveryId}. */
  static HookcResponse sendOrder(HookcExtension hookc, String secret, String deliveryId) {
    return hookc
        .post("/webhooks/orders")
        .json("{\"id\":\"ord_1\"}")
        .signedWith(Signers.standardWebhooks(secret).deliveryId(deliveryId))
        .send();
  }
}

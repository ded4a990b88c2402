package dev.hookc.compiler.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How long each sender whose authn scheme hookc knows may deliver the same event again, from its
 * provider's documentation. Schemes that any sender may use ({@code hmac}, {@code jwt}) have no
 * known window. docs/webhooks.md ("How long senders retry") lists the same table.
 *
 * @param sender the provider, for messages
 * @param window from the first attempt to the last redelivery
 * @param how the schedule as the provider documents it
 */
record SenderRetries(String sender, Duration window, String how) {

  private static final Map<String, SenderRetries> BY_SCHEME =
      Map.of(
          // Stripe, "Webhooks: retries" (docs.stripe.com/webhooks): in live mode, undelivered
          // events are retried with an exponential backoff for up to three days.
          "stripe",
          new SenderRetries("Stripe", Duration.ofDays(3), "retries for up to 3 days"),
          // Standard Webhooks / Svix, "Retry schedule" (docs.svix.com/retries): after the first
          // attempt, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h; the last is 27h35m5s later.
          "standard-webhooks",
          new SenderRetries(
              "the Standard Webhooks sender",
              Duration.ofSeconds(5 + 5 * 60 + 30 * 60).plusHours(2 + 5 + 10 + 10),
              "retries after 5s, 5m, 30m, 2h, 5h, 10h and 10h"),
          // GitHub, "Redelivering webhooks" (docs.github.com): no automatic retry, but a person or
          // a script may redeliver any delivery of the past 3 days, with the same
          // X-GitHub-Delivery. A redelivery is exactly the repeat a key is there to catch.
          "github",
          new SenderRetries(
              "GitHub",
              Duration.ofDays(3),
              "lets deliveries of the past 3 days be redelivered by hand or by script"));

  /** The known retry window of senders using {@code scheme}; empty for hmac, jwt and public. */
  static Optional<SenderRetries> of(String scheme) {
    return Optional.ofNullable(BY_SCHEME.get(scheme));
  }
}

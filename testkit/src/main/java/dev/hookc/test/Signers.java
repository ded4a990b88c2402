package dev.hookc.test;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Signers for every scheme hookc verifies, each computing what the sender computes, for example
 * {@code Signers.stripe("whsec_test").sign(body)} returns the {@code Stripe-Signature} header for
 * {@code body}. Each signer is immutable: its {@code at}, {@code deliveryId} and similar methods
 * return a copy, so one signer can be shared by a test class.
 */
public final class Signers {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Signers() {}

  /** Standard Webhooks (and Svix) with a {@code whsec_<base64 key>} secret. */
  public static StandardWebhooksSigner standardWebhooks(String secret) {
    return StandardWebhooksSigner.of(secret);
  }

  /** Stripe's {@code Stripe-Signature} with the endpoint's {@code whsec_...} secret. */
  public static StripeSigner stripe(String secret) {
    return StripeSigner.of(secret);
  }

  /** GitHub's {@code X-Hub-Signature-256} with the webhook's secret. */
  public static GitHubSigner github(String secret) {
    return GitHubSigner.of(secret);
  }

  /** Shopify's {@code X-Shopify-Hmac-Sha256} with the app's secret. */
  public static ShopifySigner shopify(String secret) {
    return ShopifySigner.of(secret);
  }

  /**
   * An HMAC of the body in {@code header}, as an event's {@code authn: hmac} verifies it.
   *
   * @param algorithm {@code sha1}, {@code sha256} or {@code sha512}
   * @param encoding {@code hex} or {@code base64}
   * @param prefix text before the MAC, such as {@code sha256=}; may be empty
   */
  public static HmacSigner hmac(
      String secret, String header, String algorithm, String encoding, String prefix) {
    return HmacSigner.of(secret, header, algorithm, encoding, prefix);
  }

  /** Slack's {@code v0} signature with the app's signing secret. */
  public static SlackSigner slack(String secret) {
    return SlackSigner.of(secret);
  }

  /** JWT bearer tokens signed with HS256 and {@code secret} (at least 32 bytes). */
  public static JwtSigner jwt(String secret) {
    return JwtSigner.hs256(secret);
  }

  /** JWT bearer tokens signed with RS256 and a 2048-bit RSA key pair generated now. */
  public static JwtSigner jwtRs256() {
    return JwtSigner.rs256();
  }

  /** JWT bearer tokens signed with ES256 and a P-256 key pair generated now. */
  public static JwtSigner jwtEs256() {
    return JwtSigner.es256();
  }

  /** A new random Standard Webhooks secret, {@code whsec_} and the base64 of 32 bytes. */
  public static String newStandardWebhooksSecret() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }

  static String nonEmpty(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("a signer needs a non-empty secret");
    }
    return secret;
  }
}

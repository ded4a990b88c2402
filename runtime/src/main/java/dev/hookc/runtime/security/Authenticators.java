package dev.hookc.runtime.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The authenticators an event's {@code authn} can name. Each takes every currently valid secret, so
 * that a secret can be rotated without downtime; a request is accepted if it matches any. The clock
 * is a parameter so that tests can verify deliveries signed at a fixed time.
 */
public final class Authenticators {
  private Authenticators() {}

  /** Standard Webhooks (and Svix): {@code whsec_} secrets, a symmetric replay window. */
  public static Authenticator standardWebhooks(
      List<String> secrets, Duration tolerance, Clock clock) {
    return new StandardWebhooksVerifier(checked(secrets), tolerance, clock);
  }

  /** Stripe's {@code Stripe-Signature}; timestamps older than {@code tolerance} are rejected. */
  public static Authenticator stripe(List<String> secrets, Duration tolerance, Clock clock) {
    return new StripeVerifier(checked(secrets), tolerance, clock);
  }

  /** GitHub's {@code X-Hub-Signature-256: sha256=<hex>}. */
  public static Authenticator github(List<String> secrets) {
    return new HmacHeaderVerifier(
        checked(secrets), "X-Hub-Signature-256", "sha256", "hex", "sha256=");
  }

  /**
   * An HMAC of the raw body in {@code header}, preceded by {@code prefix}.
   *
   * @param algorithm {@code sha1}, {@code sha256} or {@code sha512}
   * @param encoding {@code hex} or {@code base64}
   */
  public static Authenticator hmac(
      List<String> secrets, String header, String algorithm, String encoding, String prefix) {
    return new HmacHeaderVerifier(
        checked(secrets), Objects.requireNonNull(header, "header"), algorithm, encoding, prefix);
  }

  /**
   * A JWT bearer token signed by one of {@code secrets}, HS256 unless {@link
   * JwtVerifier.Builder#algorithms} pins others; each secret must be at least as long as the
   * algorithm's hash (32 bytes for HS256).
   */
  public static JwtVerifier.Builder jwt(List<String> secrets) {
    return JwtVerifier.withSecrets(checked(secrets));
  }

  /**
   * A JWT bearer token checked with a PEM {@code PUBLIC KEY}: RS256 for an RSA key, ES256, ES384 or
   * ES512 for an EC key on P-256, P-384 or P-521, unless {@link JwtVerifier.Builder#algorithms}
   * pins others that fit the key.
   */
  public static JwtVerifier.Builder jwtPublicKey(String pem) {
    return JwtVerifier.withPublicKey(pem);
  }

  /**
   * A JWT bearer token checked with the keys of the JSON Web Key Set at {@code url} (https, or http
   * to a loopback address), fetched when first needed, cached, and fetched again when a token names
   * an unknown {@code kid}; RS256 unless {@link JwtVerifier.Builder#algorithms} pins others.
   */
  public static JwtVerifier.Builder jwks(String url) {
    return JwtVerifier.withJwks(url);
  }

  private static List<String> checked(List<String> secrets) {
    if (secrets.isEmpty() || secrets.stream().anyMatch(s -> s == null || s.isEmpty())) {
      throw new IllegalArgumentException("an authenticator needs at least one non-empty secret");
    }
    return List.copyOf(secrets);
  }
}

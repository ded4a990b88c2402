package dev.hookc.runtime.security;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
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
   * A JWT bearer token signed with HS256 by one of {@code secrets}.
   *
   * @param issuer the required {@code iss}, or null for any
   * @param audience a value {@code aud} must contain, or null for any
   * @param leeway how far {@code exp} and {@code nbf} may be off
   */
  public static Authenticator jwt(
      List<String> secrets, String issuer, String audience, Duration leeway, Clock clock) {
    return new JwtVerifier(checked(secrets), null, issuer, audience, leeway, clock);
  }

  /** A JWT bearer token signed with RS256 or ES256, checked with a PEM {@code PUBLIC KEY}. */
  public static Authenticator jwtPublicKey(
      String pem, String issuer, String audience, Duration leeway, Clock clock) {
    return new JwtVerifier(List.of(), publicKey(pem), issuer, audience, leeway, clock);
  }

  static PublicKey publicKey(String pem) {
    String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
    byte[] der;
    try {
      der = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the JWT public key is not a PEM 'PUBLIC KEY'", e);
    }
    for (String type : List.of("RSA", "EC")) {
      try {
        return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next type
      }
    }
    throw new IllegalArgumentException("the JWT public key is neither an RSA nor an EC key");
  }

  private static List<String> checked(List<String> secrets) {
    if (secrets.isEmpty() || secrets.stream().anyMatch(s -> s == null || s.isEmpty())) {
      throw new IllegalArgumentException("an authenticator needs at least one non-empty secret");
    }
    return List.copyOf(secrets);
  }
}

package dev.hookc.compiler.model;

import dev.hookc.compiler.diag.Location;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a route authenticates its requests: one scheme of an event's {@code authn}, or of the
 * server-wide default in {@code src/eventsources/http.yaml}.
 *
 * @param scheme {@code standard-webhooks}, {@code stripe}, {@code github}, {@code hmac} or {@code
 *     jwt}
 * @param secrets every configured secret (several while one is rotated); empty for a JWT checked
 *     with a public key
 * @param publicKey a JWT's PEM public key, for RS256 and ES256
 * @param tolerance the replay window of signed timestamps, or a JWT's clock leeway
 * @param options the scheme's other settings ({@code header}, {@code algorithm}, {@code issuer},
 *     {@code id_header}, ...), as written
 * @param jwt a {@code jwt} scheme's own settings; empty for the other schemes
 * @param location where the scheme is named
 */
public record Authn(
    String scheme,
    List<SecretRef> secrets,
    Optional<SecretRef> publicKey,
    Duration tolerance,
    Map<String, String> options,
    Optional<Jwt> jwt,
    Location location) {

  public Authn {
    secrets = List.copyOf(secrets);
    options = Map.copyOf(options);
  }

  /**
   * Whether the scheme identifies each delivery ({@code inputs.delivery}): Standard Webhooks,
   * Stripe and GitHub always do; {@code hmac} and {@code jwt} when given an {@code id_header}.
   */
  public boolean identifiesDeliveries() {
    return switch (scheme) {
      case "standard-webhooks", "stripe", "github" -> true;
      default -> options.containsKey("id_header");
    };
  }

  /**
   * The settings only a {@code jwt} scheme has.
   *
   * @param jwksUrl the JSON Web Key Set the keys are fetched from, as a literal URL or a {@code
   *     config}/{@code env} reference; empty when the keys are secrets or a {@code public_key}
   * @param jwksTtl how long the fetched keys are used before they are fetched again; empty for the
   *     runtime's default
   * @param algorithms the JWS algorithms tokens may use, as written; empty for the key's default
   * @param requireExp whether a token without {@code exp} is refused
   */
  public record Jwt(
      Optional<SecretRef> jwksUrl,
      Optional<Duration> jwksTtl,
      List<String> algorithms,
      boolean requireExp) {

    public Jwt {
      algorithms = List.copyOf(algorithms);
    }
  }

  /**
   * A secret as the YAML names it: {@code config.a.b} or {@code env.NAME}, resolved when the server
   * starts, or, when {@code literal}, the secret itself.
   */
  public record SecretRef(String reference, boolean literal, Location location) {}
}

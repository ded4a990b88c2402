package dev.hookc.runtime.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Json;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;

/**
 * Reads a signed token's payload and checks its claims: {@code exp} (required unless a route says
 * otherwise), {@code nbf} and {@code iat} within the clock leeway, {@code iss} and {@code aud}.
 */
final class JwtClaims {
  private final String issuer;
  private final String audience;
  private final Duration leeway;
  private final boolean requireExp;
  private final Clock clock;

  JwtClaims(String issuer, String audience, Duration leeway, boolean requireExp, Clock clock) {
    this.issuer = issuer;
    this.audience = audience;
    this.leeway = leeway;
    this.requireExp = requireExp;
    this.clock = clock;
  }

  /** The claims of {@code payload}, once they hold; they become {@code inputs.user}. */
  JsonNode check(byte[] payload) {
    JsonNode claims = read(payload);
    BigDecimal now = BigDecimal.valueOf(clock.instant().getEpochSecond());
    BigDecimal slack = BigDecimal.valueOf(leeway.toSeconds());
    // Compared as decimals: a NumericDate may have a fraction, and one beyond a long (-1e19) must
    // not wrap around to a date on the other side of now.
    BigDecimal exp = time(claims, "exp");
    if (exp == null && requireExp) {
      // A token without an expiry, once leaked, would open the route for good.
      throw Unauthorized.bearer("the token has no 'exp' claim, and this route requires one");
    }
    if (exp != null && now.compareTo(exp.add(slack)) > 0) {
      throw Unauthorized.bearer("the token has expired");
    }
    BigDecimal nbf = time(claims, "nbf");
    if (nbf != null && now.compareTo(nbf.subtract(slack)) < 0) {
      throw Unauthorized.bearer("the token is not valid yet");
    }
    BigDecimal iat = time(claims, "iat");
    if (iat != null && now.compareTo(iat.subtract(slack)) < 0) {
      throw Unauthorized.bearer("the token was issued in the future");
    }
    if (issuer != null && !issuer.equals(claims.path("iss").asText(null))) {
      throw Unauthorized.bearer("the token's issuer is not the expected one");
    }
    if (audience != null && !hasAudience(claims.path("aud"))) {
      throw Unauthorized.bearer("the token's audience does not include this service");
    }
    return claims;
  }

  private static JsonNode read(byte[] payload) {
    JsonNode node;
    try {
      // The body's strict, bounded reader: Jackson's own fails with a NumberFormatException, a
      // 500, on a number such as 1e99999999999.
      node = Json.read(payload);
    } catch (HttpProblem notJson) {
      throw Unauthorized.bearer("the token's payload is not JSON");
    }
    if (!node.isObject()) {
      throw Unauthorized.bearer("the token's payload is not a JSON object");
    }
    return node;
  }

  private static BigDecimal time(JsonNode claims, String name) {
    JsonNode value = claims.get(name);
    if (value == null) {
      return null;
    }
    if (!value.isNumber()) {
      throw Unauthorized.bearer("the token's " + name + " is not a number");
    }
    return value.decimalValue();
  }

  private boolean hasAudience(JsonNode aud) {
    if (aud.isTextual()) {
      return aud.asText().equals(audience);
    }
    for (JsonNode item : aud) {
      if (item.isTextual() && item.asText().equals(audience)) {
        return true;
      }
    }
    return false;
  }
}

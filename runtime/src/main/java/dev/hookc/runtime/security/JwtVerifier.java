package dev.hookc.runtime.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.Request;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Verifies {@code Authorization: Bearer <JWT>}: HS256 with shared secrets, or RS256 / ES256 with a
 * public key; then {@code exp}, {@code nbf}, {@code iss} and {@code aud}. The token's {@code alg}
 * must be the one the key is for, so a token cannot choose {@code none} or turn a public key into
 * an HMAC secret. The claims become {@code inputs.user}.
 */
final class JwtVerifier implements Authenticator {
  private final List<byte[]> hmacKeys;
  private final PublicKey publicKey;
  private final String issuer;
  private final String audience;
  private final Duration leeway;
  private final Clock clock;

  JwtVerifier(
      List<String> secrets,
      PublicKey publicKey,
      String issuer,
      String audience,
      Duration leeway,
      Clock clock) {
    this.hmacKeys = secrets.stream().map(Macs::utf8).toList();
    this.publicKey = publicKey;
    this.issuer = issuer;
    this.audience = audience;
    this.leeway = leeway;
    this.clock = clock;
  }

  @Override
  public Object authenticate(Request request) {
    String authorization = request.header("authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw Unauthorized.bearer("missing bearer token in Authorization");
    }
    String[] parts = authorization.substring(7).trim().split("\\.", -1);
    if (parts.length != 3) {
      throw Unauthorized.bearer("the bearer token is not a JWT");
    }
    JsonNode header = decodeJson(parts[0], "header");
    if (header.has("crit")) {
      // RFC 7515, 4.1.11: the listed extensions must be understood, and this verifier knows none.
      throw Unauthorized.bearer(
          "the token's header has 'crit' extensions, which are not supported");
    }
    byte[] signature = decode(parts[2], "signature");
    byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    String alg = header.path("alg").asText("");
    if (!signatureValid(alg, signed, signature)) {
      throw Unauthorized.bearer("the token's signature is not valid");
    }
    // Read only once signed: a forger's payload is never parsed.
    JsonNode claims = decodeJson(parts[1], "payload");
    checkClaims(claims);
    return claims;
  }

  private boolean signatureValid(String alg, byte[] signed, byte[] signature) {
    if (alg.equals("HS256") && !hmacKeys.isEmpty()) {
      List<byte[]> expected = new ArrayList<>();
      hmacKeys.forEach(key -> expected.add(Macs.hmac("HmacSHA256", key, signed)));
      return Macs.anyMatches(expected, List.of(signature));
    }
    if (publicKey == null) {
      throw Unauthorized.bearer("the token's algorithm '" + alg + "' is not accepted");
    }
    try {
      Signature verifier;
      if (alg.equals("RS256") && publicKey.getAlgorithm().equals("RSA")) {
        verifier = Signature.getInstance("SHA256withRSA");
      } else if (alg.equals("ES256") && publicKey.getAlgorithm().equals("EC")) {
        verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
      } else {
        throw Unauthorized.bearer("the token's algorithm '" + alg + "' is not accepted");
      }
      verifier.initVerify(publicKey);
      verifier.update(signed);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private void checkClaims(JsonNode claims) {
    BigDecimal now = BigDecimal.valueOf(clock.instant().getEpochSecond());
    BigDecimal slack = BigDecimal.valueOf(leeway.getSeconds());
    // Compared as decimals: a NumericDate may have a fraction, and one beyond a long (-1e19) must
    // not wrap around to a date on the other side of now.
    BigDecimal exp = time(claims, "exp");
    if (exp != null && now.compareTo(exp.add(slack)) > 0) {
      throw Unauthorized.bearer("the token has expired");
    }
    BigDecimal nbf = time(claims, "nbf");
    if (nbf != null && now.compareTo(nbf.subtract(slack)) < 0) {
      throw Unauthorized.bearer("the token is not valid yet");
    }
    if (issuer != null && !issuer.equals(claims.path("iss").asText(null))) {
      throw Unauthorized.bearer("the token's issuer is not the expected one");
    }
    if (audience != null && !hasAudience(claims.path("aud"))) {
      throw Unauthorized.bearer("the token's audience does not include this service");
    }
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

  private static JsonNode decodeJson(String part, String what) {
    JsonNode node;
    try {
      // The body's strict reader: Jackson's own fails with a NumberFormatException, a 500, on a
      // number such as 1e99999999999.
      node = Json.read(decode(part, what));
    } catch (HttpProblem notJson) {
      throw Unauthorized.bearer("the token's " + what + " is not JSON");
    }
    if (!node.isObject()) {
      throw Unauthorized.bearer("the token's " + what + " is not a JSON object");
    }
    return node;
  }

  private static byte[] decode(String part, String what) {
    try {
      return Base64.getUrlDecoder().decode(part);
    } catch (IllegalArgumentException e) {
      throw Unauthorized.bearer("the token's " + what + " is not base64url");
    }
  }
}

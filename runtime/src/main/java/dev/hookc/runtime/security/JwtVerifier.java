package dev.hookc.runtime.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.util.Base64URL;
import dev.hookc.runtime.Request;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies {@code Authorization: Bearer <JWT>} with Nimbus JOSE+JWT: the signature, with shared
 * secrets, a PEM public key or a JSON Web Key Set fetched from a URL, under the algorithms the
 * route pins (a token never chooses {@code none}, nor turns a public key into an HMAC secret); the
 * header's {@code crit} extensions, refused unless understood (RFC 7515, 4.1.11); then the claims.
 * The payload is read only once the signature holds, and becomes {@code inputs.user}.
 */
public final class JwtVerifier implements Authenticator {
  /** Longer bearer tokens are refused before anything is decoded. */
  static final int MAX_TOKEN_LENGTH = 16 * 1024;

  /** The only critical header parameter Nimbus processes itself (RFC 7797, checked below). */
  private static final Set<String> UNDERSTOOD_CRITICAL = Set.of("b64");

  private final JwtKeys keys;
  private final JwtClaims claims;

  private JwtVerifier(JwtKeys keys, JwtClaims claims) {
    this.keys = keys;
    this.claims = claims;
  }

  @Override
  public Object authenticate(Request request) {
    String authorization = request.header("authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw Unauthorized.bearer("missing bearer token in Authorization");
    }
    JWSObject token = parse(authorization.substring(7).trim());
    JWSHeader header = token.getHeader();
    if (!keys.algorithms().contains(header.getAlgorithm())) {
      throw Unauthorized.bearer(
          "the token's algorithm "
              + JwtAlgorithms.known(header.getAlgorithm())
              + "is not accepted");
    }
    Set<String> critical = header.getCriticalParams();
    if (critical != null && !UNDERSTOOD_CRITICAL.containsAll(critical)) {
      throw Unauthorized.bearer(
          "the token's header has 'crit' extensions, which are not supported");
    }
    if (!header.isBase64URLEncodePayload()) {
      throw Unauthorized.bearer("the token's payload is not base64url, which a JWT's always is");
    }
    if (!signatureValid(token, keys.verifiers(header))) {
      throw Unauthorized.bearer("the token's signature is not valid");
    }
    // Read only once signed: a forger's payload is never parsed.
    return claims.check(token.getPayload().toBytes());
  }

  private static JWSObject parse(String token) {
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw Unauthorized.bearer(
          "the bearer token is longer than " + MAX_TOKEN_LENGTH + " characters");
    }
    int dots = 0;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '.') {
        dots++;
      } else if (!base64url(c)) {
        // Nimbus' decoder skips such characters; a token is refused for them instead.
        throw Unauthorized.bearer("the bearer token is not base64url");
      }
    }
    if (dots != 2) {
      throw Unauthorized.bearer("the bearer token is not a JWT");
    }
    try {
      // Decodes the header only (bounded by Nimbus to 20,000 characters); the payload stays text.
      return JWSObject.parse(token);
    } catch (ParseException | RuntimeException e) {
      throw Unauthorized.bearer("the token's header is not a JWS header");
    }
  }

  private static boolean base64url(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_';
  }

  private static boolean signatureValid(JWSObject token, List<JWSVerifier> verifiers) {
    byte[] signingInput = token.getSigningInput();
    Base64URL signature = token.getSignature();
    for (JWSVerifier verifier : verifiers) {
      try {
        if (verifier.verify(token.getHeader(), signingInput, signature)) {
          return true;
        }
      } catch (JOSEException | RuntimeException e) {
        // A signature this key cannot even read (an ECDSA one of the wrong length): not valid.
      }
    }
    return false;
  }

  static Builder withSecrets(List<String> secrets) {
    return new Builder(secrets, null, null);
  }

  static Builder withPublicKey(String pem) {
    return new Builder(null, Objects.requireNonNull(pem, "pem"), null);
  }

  static Builder withJwks(String url) {
    return new Builder(null, null, JwksUrls.checked(url));
  }

  /**
   * Builds a {@link JwtVerifier}: the keys are given to {@link Authenticators}, the rest here.
   * Unless told otherwise it requires {@code exp}, allows no clock leeway, accepts any issuer and
   * audience, and pins HS256 for secrets, RS256 for an RSA key or a JWKS, and the curve's ES
   * algorithm for an EC key.
   */
  public static final class Builder {
    private final List<String> secrets;
    private final String pem;
    private final URI jwksUrl;
    private List<String> algorithms = List.of();
    private String issuer;
    private String audience;
    private Duration leeway = Duration.ZERO;
    private boolean requireExp = true;
    private Duration jwksTtl = Duration.ofMinutes(5);
    private Duration jwksTimeout = Duration.ofSeconds(5);
    private Duration jwksRefetchInterval = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();

    private Builder(List<String> secrets, String pem, URI jwksUrl) {
      this.secrets = secrets;
      this.pem = pem;
      this.jwksUrl = jwksUrl;
    }

    /** The algorithms a token may be signed with, such as {@code RS256} and {@code PS256}. */
    public Builder algorithms(String... names) {
      this.algorithms = List.of(names);
      return this;
    }

    /** The {@code iss} a token must have; null for any. */
    public Builder issuer(String issuer) {
      this.issuer = issuer;
      return this;
    }

    /** A value {@code aud} must be or contain; null for any. */
    public Builder audience(String audience) {
      this.audience = audience;
      return this;
    }

    /** How far {@code exp}, {@code nbf} and {@code iat} may be off this server's clock. */
    public Builder leeway(Duration leeway) {
      this.leeway = Objects.requireNonNull(leeway, "leeway");
      return this;
    }

    /** Whether a token without {@code exp} is refused; true by default. */
    public Builder requireExp(boolean requireExp) {
      this.requireExp = requireExp;
      return this;
    }

    /** How long a fetched JWKS is used before it is fetched again; 5 minutes by default. */
    public Builder jwksTtl(Duration ttl) {
      this.jwksTtl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    /** The longest wait for one JWKS fetch, answer included; 5 seconds by default. */
    public Builder jwksTimeout(Duration timeout) {
      this.jwksTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** The clock {@code exp}, {@code nbf} and {@code iat} are compared with. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Only tests space refetches otherwise than the default 30 seconds. */
    Builder jwksRefetchInterval(Duration interval) {
      this.jwksRefetchInterval = interval;
      return this;
    }

    /**
     * The verifier.
     *
     * @throws IllegalArgumentException when an algorithm is unknown or does not fit the key, a
     *     secret is shorter than its algorithm's hash, or a JWKS setting is out of range
     */
    public JwtVerifier build() {
      Set<JWSAlgorithm> pinned = JwtAlgorithms.parse(algorithms);
      JwtKeys keys;
      if (secrets != null) {
        keys = StaticJwtKeys.secrets(secrets, pinned);
      } else if (pem != null) {
        keys = StaticJwtKeys.publicKey(pem, pinned);
      } else {
        keys = new JwksKeys(jwksUrl, pinned, jwksTtl, jwksTimeout, jwksRefetchInterval);
      }
      return new JwtVerifier(keys, new JwtClaims(issuer, audience, leeway, requireExp, clock));
    }
  }
}

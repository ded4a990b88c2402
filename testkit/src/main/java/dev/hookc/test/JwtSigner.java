package dev.hookc.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Signs {@code Authorization: Bearer <JWT>} tokens: HS256 with a shared secret, or RS256 or ES256
 * with a key pair generated for the test, whose public half is offered as a PEM ({@link
 * #publicKeyPem}) and as a JSON Web Key Set ({@link #jwks}, served by {@link JwksServer}). Tokens
 * carry {@code iat} and an {@code exp} 5 minutes later unless told otherwise; the body is not
 * signed.
 */
public final class JwtSigner implements Signer {
  private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

  private final JWSAlgorithm algorithm;
  private final JWSSigner signer;
  private final JWK key;
  private final Clock clock;
  private final Duration lifetime;
  private final Map<String, Object> claims;

  private JwtSigner(
      JWSAlgorithm algorithm,
      JWSSigner signer,
      JWK key,
      Clock clock,
      Duration lifetime,
      Map<String, Object> claims) {
    this.algorithm = algorithm;
    this.signer = signer;
    this.key = key;
    this.clock = clock;
    this.lifetime = lifetime;
    this.claims = Collections.unmodifiableMap(claims);
  }

  static JwtSigner hs256(String secret) {
    try {
      MACSigner signer = new MACSigner(Macs.utf8(Signers.nonEmpty(secret)));
      return new JwtSigner(
          JWSAlgorithm.HS256, signer, null, Clock.systemUTC(), DEFAULT_LIFETIME, Map.of());
    } catch (JOSEException e) {
      throw new IllegalArgumentException("an HS256 secret needs at least 32 bytes", e);
    }
  }

  static JwtSigner rs256() {
    try {
      RSAKey key =
          new RSAKeyGenerator(2048)
              .keyID("test-rsa-" + Macs.newId())
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .generate();
      return new JwtSigner(
          JWSAlgorithm.RS256,
          new RSASSASigner(key),
          key,
          Clock.systemUTC(),
          DEFAULT_LIFETIME,
          Map.of());
    } catch (JOSEException e) {
      throw new IllegalStateException("the JDK cannot generate an RSA key pair", e);
    }
  }

  static JwtSigner es256() {
    try {
      ECKey key =
          new ECKeyGenerator(Curve.P_256)
              .keyID("test-ec-" + Macs.newId())
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.ES256)
              .generate();
      return new JwtSigner(
          JWSAlgorithm.ES256,
          new ECDSASigner(key),
          key,
          Clock.systemUTC(),
          DEFAULT_LIFETIME,
          Map.of());
    } catch (JOSEException e) {
      throw new IllegalStateException("the JDK cannot generate a P-256 key pair", e);
    }
  }

  private JwtSigner with(Clock clock, Duration lifetime, Map<String, Object> claims) {
    return new JwtSigner(algorithm, signer, key, clock, lifetime, claims);
  }

  /** This signer with {@code name} set to {@code value} in every token; null removes it. */
  public JwtSigner claim(String name, Object value) {
    Map<String, Object> next = new LinkedHashMap<>(claims);
    if (value == null) {
      next.remove(Objects.requireNonNull(name, "name"));
    } else {
      next.put(Objects.requireNonNull(name, "name"), value);
    }
    return with(clock, lifetime, next);
  }

  /** This signer with {@code iss} set. */
  public JwtSigner issuer(String issuer) {
    return claim("iss", issuer);
  }

  /** This signer with {@code aud} set. */
  public JwtSigner audience(String audience) {
    return claim("aud", audience);
  }

  /** This signer with {@code sub} set. */
  public JwtSigner subject(String subject) {
    return claim("sub", subject);
  }

  /** This signer with {@code exp} that long after {@code iat}; negative for an expired token. */
  public JwtSigner expiresIn(Duration lifetime) {
    return with(clock, Objects.requireNonNull(lifetime, "lifetime"), claims);
  }

  /** This signer with no {@code exp} in its tokens, which hookc refuses unless told otherwise. */
  public JwtSigner withoutExpiry() {
    return with(clock, null, claims);
  }

  /** This signer with {@code iat} fixed at {@code instant}. */
  public JwtSigner at(Instant instant) {
    return clock(Clock.fixed(instant, ZoneOffset.UTC));
  }

  /** This signer with {@code iat} read from {@code clock}. */
  public JwtSigner clock(Clock clock) {
    return with(Objects.requireNonNull(clock, "clock"), lifetime, claims);
  }

  /** The algorithm tokens are signed with: {@code HS256}, {@code RS256} or {@code ES256}. */
  public String algorithm() {
    return algorithm.getName();
  }

  /** The {@code kid} of the generated key, also in each token's header; null for HS256. */
  public String keyId() {
    return key == null ? null : key.getKeyID();
  }

  /** A signed token in compact form, as sent after {@code Bearer}. */
  @SuppressWarnings("JavaUtilDate") // Nimbus' claims take java.util.Date
  public String token() {
    Instant now = clock.instant();
    JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issueTime(Date.from(now));
    if (lifetime != null) {
      set.expirationTime(Date.from(now.plus(lifetime)));
    }
    claims.forEach(set::claim);
    JWSHeader header =
        new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(keyId()).build();
    SignedJWT jwt = new SignedJWT(header, set.build());
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign with " + algorithm, e);
    }
    return jwt.serialize();
  }

  @Override
  public Map<String, String> sign(byte[] body) {
    return Macs.headers("Authorization", "Bearer " + token());
  }

  /**
   * The public key as a PEM {@code PUBLIC KEY}, for an event's {@code authn: jwt: public_key}.
   *
   * @throws IllegalStateException for HS256, which has no public key
   */
  public String publicKeyPem() {
    String der =
        Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(publicKey().getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + der + "\n-----END PUBLIC KEY-----\n";
  }

  /**
   * The JSON Web Key Set {@code {"keys":[...]}} with this signer's public key, for an event's
   * {@code authn: jwt: jwks_url}; {@link JwksServer} serves it.
   *
   * @throws IllegalStateException for HS256, which has no public key
   */
  public String jwks() {
    return new JWKSet(publicJwk()).toString();
  }

  JWK publicJwk() {
    if (key == null) {
      throw new IllegalStateException("an HS256 signer has a shared secret, not a public key");
    }
    return key.toPublicJWK();
  }

  private PublicKey publicKey() {
    JWK jwk = publicJwk();
    try {
      return jwk instanceof RSAKey rsa ? rsa.toPublicKey() : ((ECKey) jwk).toPublicKey();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot read the generated public key", e);
    }
  }
}

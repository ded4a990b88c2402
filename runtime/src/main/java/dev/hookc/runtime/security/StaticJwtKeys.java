package dev.hookc.runtime.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Keys given when the server starts: shared secrets, or one PEM public key. Every token is tried
 * against each of them, whatever its {@code kid}, so that a secret can be rotated by listing the
 * next one beside the current one.
 *
 * <p>The verifiers are given no deferred critical header names: they refuse any {@code crit}
 * extension they do not process themselves, as RFC 7515 asks.
 */
record StaticJwtKeys(Set<JWSAlgorithm> algorithms, List<JWSVerifier> verifiers) implements JwtKeys {

  StaticJwtKeys {
    algorithms = Set.copyOf(algorithms);
    verifiers = List.copyOf(verifiers);
  }

  @Override
  public List<JWSVerifier> verifiers(JWSHeader header) {
    return verifiers;
  }

  /** HMAC with {@code secrets}; HS256 unless {@code pinned} names others. */
  static StaticJwtKeys secrets(List<String> secrets, Set<JWSAlgorithm> pinned) {
    Set<JWSAlgorithm> algorithms = pinned.isEmpty() ? Set.of(JWSAlgorithm.HS256) : pinned;
    JwtAlgorithms.requireAll(algorithms, JwtAlgorithms.HMAC, "secrets");
    List<JWSVerifier> verifiers = new ArrayList<>();
    for (String secret : secrets) {
      byte[] key = Macs.utf8(secret);
      for (JWSAlgorithm algorithm : algorithms) {
        // RFC 7518, 3.2: a key at least as long as the hash; a shorter one is easier to guess.
        int bytes = minimumSecretBits(algorithm) / 8;
        if (key.length < bytes) {
          throw new IllegalArgumentException(
              "a JWT secret for "
                  + algorithm.getName()
                  + " must be at least "
                  + bytes
                  + " bytes long; one has "
                  + key.length);
        }
      }
      try {
        verifiers.add(new MACVerifier(key, Set.of()));
      } catch (JOSEException e) {
        throw new IllegalArgumentException("the JWT secret cannot key an HMAC", e);
      }
    }
    return new StaticJwtKeys(algorithms, verifiers);
  }

  /**
   * The PEM {@code PUBLIC KEY}: RS256 for an RSA key and ES256, ES384 or ES512 for an EC key on
   * P-256, P-384 or P-521, unless {@code pinned} names others that fit the key.
   */
  static StaticJwtKeys publicKey(String pem, Set<JWSAlgorithm> pinned) {
    PublicKey key = parsePem(pem);
    try {
      if (key instanceof RSAPublicKey rsa) {
        Set<JWSAlgorithm> algorithms = pinned.isEmpty() ? Set.of(JWSAlgorithm.RS256) : pinned;
        JwtAlgorithms.requireAll(algorithms, JwtAlgorithms.RSA, "an RSA public key");
        return new StaticJwtKeys(algorithms, List.of(new RSASSAVerifier(rsa, Set.of())));
      }
      ECPublicKey ec = (ECPublicKey) key;
      Curve curve = Curve.forECParameterSpec(ec.getParams());
      Set<JWSAlgorithm> fitting = curveAlgorithms(curve);
      if (fitting.isEmpty()) {
        throw new IllegalArgumentException("the JWT public key is not on P-256, P-384 or P-521");
      }
      Set<JWSAlgorithm> algorithms = pinned.isEmpty() ? fitting : pinned;
      JwtAlgorithms.requireAll(algorithms, fitting, "an EC public key on " + curve.getName());
      return new StaticJwtKeys(algorithms, List.of(new ECDSAVerifier(ec, Set.of())));
    } catch (JOSEException e) {
      throw new IllegalArgumentException("the JWT public key cannot verify signatures", e);
    }
  }

  private static Set<JWSAlgorithm> curveAlgorithms(Curve curve) {
    if (Curve.P_256.equals(curve)) {
      return Set.of(JWSAlgorithm.ES256);
    } else if (Curve.P_384.equals(curve)) {
      return Set.of(JWSAlgorithm.ES384);
    } else if (Curve.P_521.equals(curve)) {
      return Set.of(JWSAlgorithm.ES512);
    }
    return Set.of();
  }

  private static int minimumSecretBits(JWSAlgorithm algorithm) {
    try {
      return MACSigner.getMinRequiredSecretLength(algorithm);
    } catch (JOSEException e) {
      throw new IllegalStateException("not an HMAC algorithm: " + algorithm, e);
    }
  }

  static PublicKey parsePem(String pem) {
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
}

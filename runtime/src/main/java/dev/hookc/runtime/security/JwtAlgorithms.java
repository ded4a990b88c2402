package dev.hookc.runtime.security;

import com.nimbusds.jose.JWSAlgorithm;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The JWS algorithms a route may pin its tokens to: HMAC with SHA-2 for shared secrets, RSA (PKCS#1
 * v1.5 and PSS) and ECDSA on the NIST curves for public keys. EdDSA is left out: Nimbus verifies it
 * only with Google Tink, a dependency hookc does not take; ES256K needs a curve the JDK no longer
 * ships.
 */
final class JwtAlgorithms {
  static final Set<JWSAlgorithm> HMAC =
      Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512);
  static final Set<JWSAlgorithm> RSA =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.PS384,
          JWSAlgorithm.PS512);
  static final Set<JWSAlgorithm> EC =
      Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

  private static final Map<String, JWSAlgorithm> BY_NAME =
      Stream.of(HMAC, RSA, EC)
          .flatMap(Set::stream)
          .collect(Collectors.toUnmodifiableMap(JWSAlgorithm::getName, Function.identity()));

  private JwtAlgorithms() {}

  /**
   * The algorithms {@code names} name, in order.
   *
   * @throws IllegalArgumentException naming one that hookc does not verify, {@code none} included
   */
  static Set<JWSAlgorithm> parse(List<String> names) {
    Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
    for (String name : names) {
      JWSAlgorithm algorithm = BY_NAME.get(name);
      if (algorithm == null) {
        throw new IllegalArgumentException(
            "not a JWT algorithm hookc verifies: "
                + name
                + " (use HS256, HS384, HS512, RS256, RS384, RS512, PS256, PS384, PS512, ES256,"
                + " ES384 or ES512)");
      }
      algorithms.add(algorithm);
    }
    return Set.copyOf(algorithms);
  }

  /** The name of {@code algorithm} when hookc knows it, so that a forger's text is not echoed. */
  static String known(JWSAlgorithm algorithm) {
    return BY_NAME.containsKey(algorithm.getName()) ? "'" + algorithm.getName() + "' " : "";
  }

  /**
   * Checks that every one of {@code algorithms} is in {@code family}.
   *
   * @throws IllegalArgumentException naming the first that is not
   */
  static void requireAll(Set<JWSAlgorithm> algorithms, Set<JWSAlgorithm> family, String key) {
    for (JWSAlgorithm algorithm : algorithms) {
      if (!family.contains(algorithm)) {
        throw new IllegalArgumentException(
            "a JWT checked with " + key + " cannot use " + algorithm.getName());
      }
    }
  }
}

package dev.hookc.runtime.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import java.util.List;
import java.util.Set;

/** The keys that may have signed a route's tokens, and the algorithms they are pinned to. */
interface JwtKeys {

  /** The algorithms a token may name; never {@code none}. */
  Set<JWSAlgorithm> algorithms();

  /**
   * Verifiers for the keys that may have signed a token with {@code header}, whose algorithm is one
   * of {@link #algorithms()}.
   *
   * @throws dev.hookc.runtime.HttpProblem 401 when no key fits the token, 503 when the keys cannot
   *     be fetched
   */
  List<JWSVerifier> verifiers(JWSHeader header);
}

package dev.hookc.runtime.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import dev.hookc.runtime.HttpProblem;
import java.net.MalformedURLException;
import java.net.URI;
import java.security.Key;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The public keys of a JSON Web Key Set fetched from a URL, as providers that rotate their signing
 * keys publish them (Google, Microsoft Entra ID, Auth0, ...). Nimbus' key source caches the set for
 * a time to live, refreshes it in the background shortly before it expires, fetches it again when a
 * token names a {@code kid} it does not hold (a rotation), but at most twice per refetch interval,
 * so that a flood of made-up {@code kid}s cannot make hookc hammer the host; while the host is
 * down, the last set fetched keeps serving for ten times the time to live.
 */
final class JwksKeys implements JwtKeys {
  static final String UNAVAILABLE = "https://hookc.dev/problems/jwks-unavailable";

  /** The shortest time to live: longer than the refetch interval, refresh-ahead and a fetch. */
  static final Duration MIN_TTL = Duration.ofMinutes(1);

  /** The longest wait for one fetch. */
  static final Duration MAX_TIMEOUT = Duration.ofSeconds(10);

  private static final Duration REFRESH_AHEAD = Duration.ofSeconds(15);

  private static final Map<SourceKey, Source> SHARED = new ConcurrentHashMap<>();

  private record SourceKey(URI url, Duration ttl, Duration timeout, Duration refetchInterval) {}

  private record Source(JwksFetcher fetcher, JWKSource<SecurityContext> keys) {}

  private final Set<JWSAlgorithm> algorithms;
  private final JwksFetcher fetcher;
  private final JWSVerificationKeySelector<SecurityContext> selector;
  private final DefaultJWSVerifierFactory factory = new DefaultJWSVerifierFactory();
  private final long retryAfterSeconds;

  JwksKeys(
      URI url, Set<JWSAlgorithm> pinned, Duration ttl, Duration timeout, Duration refetchInterval) {
    this.algorithms = pinned.isEmpty() ? Set.of(JWSAlgorithm.RS256) : pinned;
    Set<JWSAlgorithm> asymmetric = new HashSet<>(JwtAlgorithms.RSA);
    asymmetric.addAll(JwtAlgorithms.EC);
    // An HMAC secret is never published: a key set holds public keys only.
    JwtAlgorithms.requireAll(algorithms, asymmetric, "a JWKS");
    if (ttl.compareTo(MIN_TTL) < 0 || ttl.compareTo(refetchInterval) <= 0) {
      throw new IllegalArgumentException("the JWKS time to live must be at least " + MIN_TTL);
    }
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException("the JWKS fetch timeout must be at most " + MAX_TIMEOUT);
    }
    this.retryAfterSeconds = Math.max(1, refetchInterval.toSeconds());
    // Routes that name the same key set (a server-wide default) share one cache and one limit.
    Source source =
        SHARED.computeIfAbsent(new SourceKey(url, ttl, timeout, refetchInterval), JwksKeys::source);
    this.fetcher = source.fetcher();
    this.selector = new JWSVerificationKeySelector<>(algorithms, source.keys());
  }

  private static Source source(SourceKey key) {
    JwksFetcher fetcher = new JwksFetcher(key.timeout());
    long waitForFetch = key.timeout().plusSeconds(1).toMillis();
    try {
      return new Source(
          fetcher,
          JWKSourceBuilder.<SecurityContext>create(key.url().toURL(), fetcher)
              .cache(key.ttl().toMillis(), waitForFetch)
              .refreshAheadCache(REFRESH_AHEAD.toMillis(), null, refresher(), true, null, false)
              .rateLimited(key.refetchInterval().toMillis())
              .outageTolerant(key.ttl().toMillis() * 10)
              .build());
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("the JWKS URL is not a URL: " + key.url(), e);
    }
  }

  @Override
  public Set<JWSAlgorithm> algorithms() {
    return algorithms;
  }

  @Override
  public List<JWSVerifier> verifiers(JWSHeader header) {
    List<? extends Key> keys;
    try {
      keys = selector.selectJWSKeys(header, null);
    } catch (RateLimitReachedException e) {
      // Fetched moments ago: the key is not one the issuer publishes, unless that fetch failed.
      keys = List.of();
    } catch (KeySourceException e) {
      throw unavailable();
    }
    List<JWSVerifier> verifiers = new ArrayList<>();
    for (Key key : keys) {
      try {
        verifiers.add(factory.createJWSVerifier(header, key));
      } catch (JOSEException e) {
        // A key of the set that cannot check this algorithm (an RSA key too short for PS512).
      }
    }
    if (verifiers.isEmpty() && fetcher.lastFailed()) {
      // The key may be a new one that the host, now unreachable, publishes: it cannot be told.
      throw unavailable();
    }
    if (verifiers.isEmpty()) {
      throw Unauthorized.bearer(
          header.getKeyID() == null
              ? "no key of the JWKS fits the token"
              : "no key of the JWKS has the token's kid");
    }
    return verifiers;
  }

  /** A server-side outage, not the sender's fault: senders retry a 503 after Retry-After. */
  private HttpProblem unavailable() {
    return new HttpProblem(
            503,
            "Service Unavailable",
            "the keys that verify this route's tokens cannot be fetched now; retry later")
        .withType(UNAVAILABLE)
        .withHeader("Retry-After", Long.toString(retryAfterSeconds));
  }

  /** Refreshes ahead of expiry on a daemon thread, which ends when idle. */
  private static ExecutorService refresher() {
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            0,
            1,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, "hookc-jwks-refresh");
              thread.setDaemon(true);
              return thread;
            });
    return executor;
  }
}

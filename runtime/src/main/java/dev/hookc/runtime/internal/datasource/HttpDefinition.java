package dev.hookc.runtime.internal.datasource;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code type: http} (or {@code axios}) datasource.
 *
 * @param name its name
 * @param baseUrl the URL every call's path is resolved against
 * @param headers headers sent with every call, by name
 * @param timeout each call's deadline, its retries included
 * @param authn how calls authenticate, if they do
 * @param retry when and how a call is tried again
 */
public record HttpDefinition(
    String name,
    Setting baseUrl,
    Map<String, Setting> headers,
    Duration timeout,
    Optional<Authn> authn,
    Retry retry)
    implements DatasourceDefinition {

  public HttpDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(baseUrl, "baseUrl");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(retry, "retry");
  }

  /** How an HTTP datasource's calls authenticate. */
  public sealed interface Authn {

    /** {@code Authorization: Bearer <token>}. */
    record Bearer(Setting token) implements Authn {}

    /** {@code Authorization: Basic ...} with a user and password. */
    record Basic(Setting user, Setting password) implements Authn {}

    /**
     * OAuth 2.0 client credentials: a token fetched from {@code tokenUrl}, cached until it expires
     * and fetched again when a call is answered 401.
     */
    record ClientCredentials(
        Setting tokenUrl,
        Setting clientId,
        Setting clientSecret,
        Optional<Setting> scope,
        Optional<Setting> audience)
        implements Authn {}
  }

  /**
   * When and how a call is tried again.
   *
   * @param maxAttempts the most attempts, the first included; 1 never retries
   * @param statuses response statuses that are tried again
   * @param connectionErrors whether a refused or reset connection, or an attempt that timed out, is
   *     tried again
   * @param backoff how the wait between attempts grows
   * @param interval the wait of a constant backoff, the first wait of an exponential one
   * @param maxInterval the longest wait; also the longest {@code Retry-After} honoured
   */
  public record Retry(
      int maxAttempts,
      Set<Integer> statuses,
      boolean connectionErrors,
      Backoff backoff,
      Duration interval,
      Duration maxInterval) {

    public Retry {
      statuses = Set.copyOf(statuses);
      Objects.requireNonNull(backoff, "backoff");
      Objects.requireNonNull(interval, "interval");
      Objects.requireNonNull(maxInterval, "maxInterval");
    }

    /** One attempt, never retried. */
    public static Retry none() {
      return new Retry(1, Set.of(), false, Backoff.CONSTANT, Duration.ZERO, Duration.ZERO);
    }

    /** How the wait between attempts grows. */
    public enum Backoff {
      /** The same wait each time. */
      CONSTANT,
      /** Doubling from {@code interval} up to {@code maxInterval}, with full jitter. */
      EXPONENTIAL,
      /** A random wait between {@code interval} and {@code maxInterval}. */
      RANDOM
    }
  }
}

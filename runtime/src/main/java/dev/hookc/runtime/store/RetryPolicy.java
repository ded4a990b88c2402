package dev.hookc.runtime.store;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often, and how far apart, an asynchronous delivery is attempted: exponential backoff from
 * {@code initial}, multiplied by {@code multiplier} per attempt up to {@code max}, with full jitter
 * (a random delay up to that bound) so that failed deliveries do not retry in step.
 */
public record RetryPolicy(int maxAttempts, Duration initial, Duration max, double multiplier) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be positive: " + maxAttempts);
    }
    if (initial.isNegative() || max.compareTo(initial) < 0 || multiplier < 1) {
      throw new IllegalArgumentException("not a valid backoff: " + initial + ", " + max);
    }
  }

  /** Five attempts, 1 s then doubling up to 5 min. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(5), 2);
  }

  /** The delay before attempt {@code attempt + 1}, after {@code attempt} failed ones. */
  public Duration delayAfter(int attempt) {
    double bound = initial.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
    long capped = (long) Math.min(bound, (double) max.toMillis());
    return Duration.ofMillis(
        capped <= 0 ? 0 : ThreadLocalRandom.current().nextLong(capped / 2, capped + 1));
  }
}

package dev.hookc.runtime.internal.workflow;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * A task's {@code retry}: how many attempts it gets in all and how long to wait before each retry.
 *
 * @param maxAttempts the attempts in all, the first included; 1 means no retry
 * @param backoff how the wait grows
 * @param interval the wait of {@code constant}, the first wait of {@code exponential}
 * @param minInterval the shortest wait of {@code random}
 * @param maxInterval the longest wait of {@code exponential} and {@code random}
 */
public record Retry(
    int maxAttempts,
    Backoff backoff,
    Duration interval,
    Duration minInterval,
    Duration maxInterval) {

  /** How the wait between attempts is chosen. */
  public enum Backoff {
    /** Always {@code interval}. */
    CONSTANT,
    /** {@code interval}, then twice as long each time, at most {@code maxInterval}. */
    EXPONENTIAL,
    /** Uniformly between {@code minInterval} and {@code maxInterval}. */
    RANDOM
  }

  /** A single attempt. */
  public static final Retry NONE =
      new Retry(1, Backoff.CONSTANT, Duration.ZERO, Duration.ZERO, Duration.ZERO);

  public Retry {
    Objects.requireNonNull(backoff, "backoff");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
  }

  /** {@code maxAttempts} attempts, {@code intervalMillis} apart. */
  public static Retry constant(int maxAttempts, long intervalMillis) {
    Duration interval = Duration.ofMillis(intervalMillis);
    return new Retry(maxAttempts, Backoff.CONSTANT, interval, interval, interval);
  }

  /** Waits {@code intervalMillis}, doubling each time up to {@code maxIntervalMillis}. */
  public static Retry exponential(int maxAttempts, long intervalMillis, long maxIntervalMillis) {
    return new Retry(
        maxAttempts,
        Backoff.EXPONENTIAL,
        Duration.ofMillis(intervalMillis),
        Duration.ofMillis(intervalMillis),
        Duration.ofMillis(maxIntervalMillis));
  }

  /** Waits a random time between {@code minIntervalMillis} and {@code maxIntervalMillis}. */
  public static Retry random(int maxAttempts, long minIntervalMillis, long maxIntervalMillis) {
    return new Retry(
        maxAttempts,
        Backoff.RANDOM,
        Duration.ofMillis(minIntervalMillis),
        Duration.ofMillis(minIntervalMillis),
        Duration.ofMillis(maxIntervalMillis));
  }

  /**
   * The wait before retry number {@code retry} (1 for the second attempt).
   *
   * @param random a source of uniform values in [0, 1), used by {@link Backoff#RANDOM}
   */
  public Duration delayBefore(int retry, DoubleSupplier random) {
    switch (backoff) {
      case EXPONENTIAL:
        long max = maxInterval.toMillis();
        long delay = interval.toMillis();
        for (int i = 1; i < retry && delay < max; i++) {
          delay = delay > max / 2 ? max : delay * 2;
        }
        return Duration.ofMillis(Math.min(delay, max));
      case RANDOM:
        long min = minInterval.toMillis();
        long span = Math.max(0, maxInterval.toMillis() - min);
        return Duration.ofMillis(min + (long) (random.getAsDouble() * (span + 1)));
      default:
        return interval;
    }
  }
}

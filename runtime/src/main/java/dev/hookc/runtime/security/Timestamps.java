package dev.hookc.runtime.security;

import java.time.Clock;
import java.time.Duration;

/** The replay window of signed timestamps (unix seconds). */
final class Timestamps {
  private Timestamps() {}

  /**
   * Rejects {@code timestamp} unless it lies from {@code past} before now to {@code future} after
   * it; a null {@code future} accepts any time ahead.
   */
  static void checkWithin(String timestamp, Clock clock, Duration past, Duration future) {
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      throw Unauthorized.because("the signature timestamp is not a number of seconds");
    }
    long now = clock.instant().getEpochSecond();
    if (seconds < now - past.toSeconds()) {
      throw Unauthorized.because(
          "the signature timestamp is older than the tolerance of " + past.toSeconds() + " s");
    }
    if (future != null && seconds > now + future.toSeconds()) {
      throw Unauthorized.because(
          "the signature timestamp is further ahead than the tolerance of "
              + future.toSeconds()
              + " s");
    }
  }
}

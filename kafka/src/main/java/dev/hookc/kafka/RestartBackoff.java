package dev.hookc.kafka;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a consumer that failed waits before it is made again: {@link #FIRST} doubling to {@link
 * #MAX}, each wait drawn between half and all of it so that the instances of a group that failed
 * together do not come back together. A failure that no wait will cure (authentication,
 * authorization, configuration) waits {@link #MAX} at once. The doubling starts again once a
 * consumer has run for {@link #MAX} without failing.
 */
final class RestartBackoff {
  static final Duration FIRST = Duration.ofSeconds(1);
  static final Duration MAX = Duration.ofSeconds(60);

  private int failures;

  /** The wait after one more failure, fatal or not. */
  Duration next(boolean fatal) {
    failures++;
    long ceiling = fatal ? MAX.toMillis() : ceiling(failures);
    long half = ceiling / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
  }

  /** The consumer ran for {@code ran} before it failed: a long run starts the doubling again. */
  void ran(Duration ran) {
    if (ran.compareTo(MAX) >= 0) {
      failures = 0;
    }
  }

  private static long ceiling(int failures) {
    long millis = FIRST.toMillis();
    for (int i = 1; i < failures && millis < MAX.toMillis(); i++) {
      millis *= 2;
    }
    return Math.min(millis, MAX.toMillis());
  }
}

package dev.hookc.compiler.delivery;

import java.time.Duration;

/** Durations as users write them: {@code 3d}, {@code 24h}, {@code 27h35m5s}, {@code 500ms}. */
final class DurationText {
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 24 * HOUR;

  private DurationText() {}

  /** Whole days from two days on, else hours, minutes, seconds and milliseconds. */
  static String of(Duration duration) {
    long millis = duration.toMillis();
    if (millis == 0) {
      return "0s";
    }
    if (millis % DAY == 0 && millis >= 2 * DAY) {
      return millis / DAY + "d";
    }
    StringBuilder text = new StringBuilder();
    long[] sizes = {HOUR, 60_000L, 1_000L, 1L};
    String[] units = {"h", "m", "s", "ms"};
    for (int i = 0; i < sizes.length; i++) {
      long count = millis / sizes[i];
      if (count > 0) {
        text.append(count).append(units[i]);
        millis -= count * sizes[i];
      }
    }
    return text.toString();
  }

  /** {@code duration} rounded up to a whole hour, as a setting to suggest. */
  static String roundedUp(Duration duration) {
    long hours = (duration.toMillis() + HOUR - 1) / HOUR;
    return of(Duration.ofHours(hours));
  }
}

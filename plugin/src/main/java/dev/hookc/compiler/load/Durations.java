package dev.hookc.compiler.load;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the durations of {@code retry}: {@code 100ms}, {@code 2s}, {@code 1m}, {@code PT15S}. */
final class Durations {
  private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");

  private Durations() {}

  /** The duration in milliseconds, or empty when {@code text} is not one; bare numbers are ms. */
  static OptionalLong millis(String text) {
    String trimmed = text.trim();
    Matcher simple = SIMPLE.matcher(trimmed.toLowerCase(Locale.ROOT));
    if (simple.matches()) {
      long amount = Long.parseLong(simple.group(1));
      String unit = simple.group(2) == null ? "ms" : simple.group(2);
      switch (unit) {
        case "s":
          return OptionalLong.of(amount * 1_000);
        case "m":
          return OptionalLong.of(amount * 60_000);
        case "h":
          return OptionalLong.of(amount * 3_600_000);
        default:
          return OptionalLong.of(amount);
      }
    }
    try {
      Duration duration = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
      return duration.isNegative() ? OptionalLong.empty() : OptionalLong.of(duration.toMillis());
    } catch (DateTimeParseException e) {
      return OptionalLong.empty();
    }
  }
}

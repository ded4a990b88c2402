package dev.hookc.runtime.log;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Writes instants exactly as {@link DateTimeFormatter#ISO_INSTANT} does, reusing the date and time
 * of day while the second stays the same.
 *
 * <p>A log line per request formats one instant per request; {@code ISO_INSTANT} builds the date
 * field by field each time, which cost more than the rest of the line.
 */
final class InstantText {

  /** The text of one whole second, without the fraction and the {@code Z}. */
  private record Second(long epochSecond, String text) {}

  // Years 0000 to 9999 print without a sign; ISO_INSTANT handles the rest itself.
  private static final long FIRST = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
  private static final long LAST =
      LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  private volatile Second last = new Second(Long.MIN_VALUE, "");

  /** Appends {@code instant} to {@code out} as ISO_INSTANT would. */
  void append(Instant instant, StringBuilder out) {
    long epochSecond = instant.getEpochSecond();
    if (epochSecond < FIRST || epochSecond > LAST) {
      DateTimeFormatter.ISO_INSTANT.formatTo(instant, out);
      return;
    }
    out.append(second(epochSecond).text());
    appendFraction(instant.getNano(), out);
    out.append('Z');
  }

  /** Appends {@code instant} to {@code out} with exactly three digits of fraction: milliseconds. */
  void appendMillis(Instant instant, StringBuilder out) {
    long epochSecond = instant.getEpochSecond();
    if (epochSecond < FIRST || epochSecond > LAST) {
      DateTimeFormatter.ISO_INSTANT.formatTo(instant.truncatedTo(ChronoUnit.MILLIS), out);
      return;
    }
    out.append(second(epochSecond).text()).append('.');
    int millis = instant.getNano() / 1_000_000;
    if (millis < 100) {
      out.append(millis < 10 ? "00" : "0");
    }
    out.append(millis).append('Z');
  }

  private Second second(long epochSecond) {
    Second second = last;
    if (second.epochSecond() != epochSecond) {
      second =
          new Second(
              epochSecond,
              SECONDS.format(LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC)));
      last = second;
    }
    return second;
  }

  /** The fraction in as many groups of three digits as it needs, as ISO_INSTANT prints it. */
  private static void appendFraction(int nano, StringBuilder out) {
    if (nano == 0) {
      return;
    }
    int digits;
    int value;
    if (nano % 1_000_000 == 0) {
      digits = 3;
      value = nano / 1_000_000;
    } else if (nano % 1_000 == 0) {
      digits = 6;
      value = nano / 1_000;
    } else {
      digits = 9;
      value = nano;
    }
    out.append('.');
    String text = Integer.toString(value);
    for (int pad = digits - text.length(); pad > 0; pad--) {
      out.append('0');
    }
    out.append(text);
  }
}

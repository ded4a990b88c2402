package dev.hookc.compiler.contract;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses body sizes as written in YAML: a number of bytes ({@code 262144}) or a number with a unit,
 * where {@code KiB}, {@code MiB}, {@code GiB} are powers of 1024 and {@code KB}, {@code MB}, {@code
 * GB} (or {@code kb}, {@code mb}, {@code gb}, as Godspeed's Express writes them) powers of 1000.
 */
final class ByteSize {
  /** The largest body the runtime can hold, since it reads a body into one array. */
  static final long MAX = Integer.MAX_VALUE - 8;

  private static final Pattern SIZE = Pattern.compile("([0-9]{1,12})\\s*([A-Za-z]*)");
  private static final Map<String, Long> UNITS =
      Map.of(
          "",
          1L,
          "b",
          1L,
          "kib",
          1024L,
          "mib",
          1024L * 1024,
          "gib",
          1024L * 1024 * 1024,
          "kb",
          1000L,
          "mb",
          1000L * 1000,
          "gb",
          1000L * 1000 * 1000);

  private ByteSize() {}

  /** The number of bytes, or empty if {@code text} is no size or is above {@link #MAX}. */
  static OptionalLong parse(String text) {
    Matcher matcher = SIZE.matcher(text.trim());
    if (!matcher.matches()) {
      return OptionalLong.empty();
    }
    Long unit = UNITS.get(matcher.group(2).toLowerCase(Locale.ROOT));
    if (unit == null) {
      return OptionalLong.empty();
    }
    long count = Long.parseLong(matcher.group(1));
    if (count > MAX / unit) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(count * unit);
  }
}

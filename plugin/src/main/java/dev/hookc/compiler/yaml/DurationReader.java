package dev.hookc.compiler.yaml;

import dev.hookc.compiler.diag.DiagnosticCode;
import dev.hookc.compiler.diag.Diagnostics;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads every duration a project writes in YAML: a whole number with a unit ({@code 500ms}, {@code
 * 30s}, {@code 5m}, {@code 24h}, {@code 7d}) or an ISO-8601 duration ({@code PT15S}, as Godspeed
 * writes them).
 *
 * <p>A number without a unit is still read in the unit its setting has always used, so that no
 * project changes behaviour, but with a {@link YamlCode#BARE_DURATION} warning: {@code retry}'s
 * {@code interval} counted milliseconds where {@code ttl} counted seconds, and a reader cannot tell
 * which from the YAML alone.
 */
public final class DurationReader {
  private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)?");

  /** What a number without a unit counts, for the setting being read. */
  public enum BareUnit {
    MILLISECONDS("ms"),
    SECONDS("s");

    private final String suffix;

    BareUnit(String suffix) {
      this.suffix = suffix;
    }

    private String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Diagnostics diagnostics;
  private final BareUnit bareUnit;
  private final DiagnosticCode invalid;

  /**
   * @param bareUnit what a number without a unit counts in the settings this reader reads
   * @param invalid the error reported for a value that is not a duration
   */
  public DurationReader(Diagnostics diagnostics, BareUnit bareUnit, DiagnosticCode invalid) {
    this.diagnostics = diagnostics;
    this.bareUnit = bareUnit;
    this.invalid = invalid;
  }

  /**
   * The duration {@code node} holds; empty when it holds none, which has been reported at the
   * value's location.
   *
   * @param what the setting's name as the user wrote it, such as {@code interval}
   */
  public Optional<Duration> read(YamlNode node, String what) {
    String text =
        node instanceof YamlScalar scalar && scalar.type() != ScalarType.NULL
            ? scalar.value().trim()
            : "";
    Matcher simple = SIMPLE.matcher(text.toLowerCase(Locale.ROOT));
    Optional<Duration> duration;
    if (simple.matches()) {
      String unit = simple.group(2);
      if (unit == null) {
        unit = bareUnit.suffix;
        diagnostics.report(
            YamlCode.BARE_DURATION,
            node.location(),
            "'" + what + "' has no unit and is read in " + bareUnit.word(),
            "write '" + simple.group(1) + unit + "'");
      }
      duration = Optional.of(of(Long.parseLong(simple.group(1)), unit));
    } else {
      duration = iso(text);
    }
    // Every consumer may need milliseconds; a duration too long for them is not one.
    if (duration.isEmpty() || !fitsInMillis(duration.get())) {
      diagnostics.report(
          invalid,
          node.location(),
          "'" + what + "' is not a duration: " + shown(node),
          "write a whole number with a unit (500ms, 30s, 5m, 24h, 7d) or an ISO-8601 duration"
              + " (PT15S)");
      return Optional.empty();
    }
    return duration;
  }

  private static Duration of(long amount, String unit) {
    switch (unit) {
      case "ms":
        return Duration.ofMillis(amount);
      case "s":
        return Duration.ofSeconds(amount);
      case "m":
        return Duration.ofMinutes(amount);
      case "h":
        return Duration.ofHours(amount);
      default:
        return Duration.ofDays(amount);
    }
  }

  /** An ISO-8601 duration such as {@code PT15S} or {@code P1DT12H}; a negative one is none. */
  private static Optional<Duration> iso(String text) {
    try {
      Duration duration = Duration.parse(text.toUpperCase(Locale.ROOT));
      return duration.isNegative() ? Optional.empty() : Optional.of(duration);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static boolean fitsInMillis(Duration duration) {
    try {
      var unused = duration.toMillis();
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  private static String shown(YamlNode node) {
    return node instanceof YamlScalar scalar ? "'" + scalar.value() + "'" : "a " + node.kindName();
  }
}

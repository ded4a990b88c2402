package dev.hookc.compiler.security;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.yaml.ScalarType;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations written {@code 300}, {@code 300s}, {@code 5m}, {@code 24h} or {@code 7d}. */
final class Durations {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)?");

  private final Diagnostics diagnostics;

  Durations(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  Optional<Duration> read(YamlNode node, String what) {
    Matcher m =
        node instanceof YamlScalar s && s.type() != ScalarType.NULL
            ? DURATION.matcher(s.value().trim())
            : null;
    if (m == null || !m.matches()) {
      diagnostics.report(
          SecurityCode.BAD_DURATION,
          node.location(),
          "'" + what + "' must be a duration such as 300s, 5m or 24h",
          "a number alone counts seconds; units are ms, s, m, h and d");
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    switch (unit) {
      case "ms":
        return Optional.of(Duration.ofMillis(n));
      case "m":
        return Optional.of(Duration.ofMinutes(n));
      case "h":
        return Optional.of(Duration.ofHours(n));
      case "d":
        return Optional.of(Duration.ofDays(n));
      default:
        return Optional.of(Duration.ofSeconds(n));
    }
  }
}

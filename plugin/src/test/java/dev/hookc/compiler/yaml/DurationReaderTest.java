package dev.hookc.compiler.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.diag.Diagnostic;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Severity;
import dev.hookc.compiler.security.SecurityCode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one duration syntax: units, ISO-8601, bare numbers and what is not a duration. */
class DurationReaderTest {
  private final Diagnostics diagnostics = new Diagnostics();

  /** Reads {@code ttl: <value>} as the only key of a file, bare numbers counting {@code unit}. */
  private Optional<Duration> read(String value, DurationReader.BareUnit unit) {
    YamlMapping root =
        new YamlReader(diagnostics).read("settings.yaml", "ttl: " + value + "\n").orElseThrow();
    return new DurationReader(diagnostics, unit, SecurityCode.BAD_DURATION)
        .read(root.get("ttl").orElseThrow(), "ttl");
  }

  private Optional<Duration> read(String value) {
    return read(value, DurationReader.BareUnit.SECONDS);
  }

  @ParameterizedTest
  @CsvSource({
    "500ms, PT0.5S",
    "30s, PT30S",
    "5m, PT5M",
    "24h, PT24H",
    "7d, PT168H",
    "0s, PT0S",
    "'5 m', PT5M",
    "2H, PT2H",
    "500MS, PT0.5S",
    "PT15S, PT15S",
    "pt1m30s, PT1M30S",
    "P1DT12H, PT36H",
    "PT0.25S, PT0.25S"
  })
  void readsANumberWithAUnitOrAnIsoDurationWithoutAWarning(String written, String expected) {
    assertThat(read(written)).hasValue(Duration.parse(expected));
    assertThat(diagnostics.sorted()).isEmpty();
  }

  @Test
  void readsABareNumberInTheSettingsUnitWithALocatedWarning() {
    assertThat(read("300")).hasValue(Duration.ofMinutes(5));
    assertThat(read("500", DurationReader.BareUnit.MILLISECONDS)).hasValue(Duration.ofMillis(500));

    List<Diagnostic> reported = diagnostics.sorted();
    assertThat(reported)
        .extracting(d -> d.code().id(), d -> d.severity(), d -> d.location().column())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("HC1008", Severity.WARNING, 6),
            org.assertj.core.groups.Tuple.tuple("HC1008", Severity.WARNING, 6));
    assertThat(reported.get(0).format())
        .contains("'ttl' has no unit and is read in seconds")
        .endsWith("write '300s'");
    assertThat(reported.get(1).format()).contains("read in milliseconds").endsWith("write '500ms'");
  }

  @Test
  void warnsAboutAQuotedBareNumberToo() {
    assertThat(read("'300'")).hasValue(Duration.ofMinutes(5));
    assertThat(diagnostics.sorted()).extracting(d -> d.code().id()).containsExactly("HC1008");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "five minutes",
        "5 minutes",
        "1.5s",
        "-5s",
        "-PT5S",
        "5w",
        "P1M",
        "''",
        "null",
        "[5s]",
        "{a: 1}",
        "1234567890s",
        // An hour count whose milliseconds do not fit in a long.
        "PT2562047788015215H"
      })
  void reportsWhatIsNotADurationAtTheValue(String written) {
    assertThat(read(written)).isEmpty();
    assertThat(diagnostics.sorted())
        .extracting(d -> d.code().id(), d -> d.location().line(), d -> d.location().column())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("HC2603", 1, 6));
  }
}

package dev.hookc.runtime.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class LogSettingsTest {

  private static LogSettings read(
      Map<String, String> environment, Map<String, String> properties, List<String> problems) {
    return LogSettings.read(environment::get, properties::get, problems);
  }

  @Test
  void isTextWithTheJdksLevelsAndNoBodiesByDefault() {
    List<String> problems = new ArrayList<>();

    assertThat(read(Map.of(), Map.of(), problems)).isEqualTo(LogSettings.DEFAULT);
    assertThat(problems).isEmpty();
  }

  @Test
  void readsTheFormatFromTheEnvironmentAndLetsASystemPropertyWin() {
    List<String> problems = new ArrayList<>();

    assertThat(read(Map.of("HOOKC_LOG_FORMAT", "JSON"), Map.of(), problems).json()).isTrue();
    assertThat(
            read(Map.of("HOOKC_LOG_FORMAT", "json"), Map.of("hookc.log.format", "text"), problems)
                .json())
        .isFalse();
    assertThat(problems).isEmpty();
  }

  @Test
  void reportsAnUnknownFormatOrBodiesValueRatherThanFallingBack() {
    List<String> problems = new ArrayList<>();

    LogSettings settings =
        read(Map.of("HOOKC_LOG_FORMAT", "xml", "HOOKC_LOG_BODIES", "yes"), Map.of(), problems);

    assertThat(settings).isEqualTo(LogSettings.DEFAULT);
    assertThat(problems)
        .containsExactly(
            "HOOKC_LOG_FORMAT is 'xml'; it must be text or json",
            "HOOKC_LOG_BODIES is 'yes'; it must be true or false");
  }

  @Test
  void readsTheRootLevelAndTheLevelsOfLoggers() {
    List<String> problems = new ArrayList<>();

    LogSettings settings =
        read(Map.of("HOOKC_LOG_LEVEL", "warn, dev.hookc.runtime.access=debug"), Map.of(), problems);

    assertThat(problems).isEmpty();
    assertThat(settings.levels())
        .containsExactly(
            Map.entry("", Level.WARNING), Map.entry("dev.hookc.runtime.access", Level.FINE));
    assertThat(settings.lowest()).isEqualTo(Level.FINE);
  }

  @Test
  void reportsEachEntryOfTheLevelsThatIsNotOne() {
    List<String> problems = new ArrayList<>();

    read(Map.of(), Map.of("hookc.log.level", "verbose,a=debug,=info,b=loud"), problems);

    assertThat(problems).hasSize(3);
    assertThat(problems.get(0))
        .startsWith(
            "-Dhookc.log.level is 'verbose,a=debug,=info,b=loud'; 'verbose' is not a level");
  }

  @Test
  void bodiesLowerTheConsoleToDebug() {
    List<String> problems = new ArrayList<>();

    LogSettings settings = read(Map.of("HOOKC_LOG_BODIES", "true"), Map.of(), problems);

    assertThat(settings.bodies()).isTrue();
    assertThat(settings.lowest()).isEqualTo(Level.FINE);
  }
}

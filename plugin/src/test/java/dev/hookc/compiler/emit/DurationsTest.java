package dev.hookc.compiler.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.naming.Durations;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void writesADurationInTheLargestUnitThatStatesItExactly() {
    assertThat(code(Duration.ofDays(3))).isEqualTo("java.time.Duration.ofDays(3)");
    assertThat(code(Duration.ofHours(1))).isEqualTo("java.time.Duration.ofHours(1)");
    assertThat(code(Duration.ofMinutes(5))).isEqualTo("java.time.Duration.ofMinutes(5)");
    assertThat(code(Duration.ofSeconds(90))).isEqualTo("java.time.Duration.ofSeconds(90)");
    assertThat(code(Duration.ofMillis(1500))).isEqualTo("java.time.Duration.ofMillis(1500)");
    assertThat(code(Duration.ZERO)).isEqualTo("java.time.Duration.ofSeconds(0)");
  }

  @Test
  void countsNounsInTheSingularOnlyForOne() {
    assertThat(Plurals.count(1, "route")).isEqualTo("1 route");
    assertThat(Plurals.count(2, "route")).isEqualTo("2 routes");
    assertThat(Plurals.count(0, "route")).isEqualTo("0 routes");
  }

  private static String code(Duration duration) {
    return Durations.code(duration).toString();
  }
}

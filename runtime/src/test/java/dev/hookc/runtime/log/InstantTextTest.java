package dev.hookc.runtime.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstantTextTest {

  private final InstantText text = new InstantText();

  private String formatted(Instant instant) {
    StringBuilder out = new StringBuilder();
    text.append(instant, out);
    return out.toString();
  }

  @Test
  void writesFractionsInGroupsOfThreeDigitsAsIsoInstantDoes() {
    assertThat(formatted(Instant.parse("2026-11-28T10:15:30Z"))).isEqualTo("2026-11-28T10:15:30Z");
    assertThat(formatted(Instant.parse("2026-11-28T10:15:30.120Z")))
        .isEqualTo("2026-11-28T10:15:30.120Z");
    assertThat(formatted(Instant.parse("2026-11-28T10:15:30.000450Z")))
        .isEqualTo("2026-11-28T10:15:30.000450Z");
    assertThat(formatted(Instant.parse("2026-11-28T10:15:30.000000007Z")))
        .isEqualTo("2026-11-28T10:15:30.000000007Z");
  }

  @Test
  void agreesWithIsoInstantAcrossYearsSecondsAndFractions() {
    SplittableRandom random = new SplittableRandom(42);
    List<Instant> instants = new ArrayList<>();
    instants.add(Instant.EPOCH);
    instants.add(Instant.parse("0000-01-01T00:00:00Z"));
    instants.add(Instant.parse("9999-12-31T23:59:59.999999999Z"));
    instants.add(Instant.parse("-0001-12-31T23:59:59Z"));
    instants.add(Instant.parse("+10000-01-01T00:00:00.5Z"));
    long now = Instant.now().getEpochSecond();
    for (int i = 0; i < 2000; i++) {
      // Runs of the same second, as log records have, then anywhere in the four-digit years.
      long second = i < 1000 ? now + i / 100 : random.nextLong(-62_167_219_200L, 253_402_300_800L);
      int nano;
      switch (i % 4) {
        case 0 -> nano = 0;
        case 1 -> nano = random.nextInt(1000) * 1_000_000;
        case 2 -> nano = random.nextInt(1_000_000) * 1_000;
        default -> nano = random.nextInt(1_000_000_000);
      }
      instants.add(Instant.ofEpochSecond(second, nano));
    }
    for (Instant instant : instants) {
      assertThat(formatted(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
    }
  }
}

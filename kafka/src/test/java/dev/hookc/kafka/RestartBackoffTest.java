package dev.hookc.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {

  @Test
  void doublesFromOneSecondToAMinuteEachWaitBetweenHalfAndAllOfIt() {
    RestartBackoff backoff = new RestartBackoff();
    long[] ceilings = {1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000};
    for (long ceiling : ceilings) {
      assertThat(backoff.next(false).toMillis()).isBetween(ceiling / 2, ceiling);
    }
  }

  @Test
  void waitsTheLongestAtOnceAfterAFailureNoWaitCures() {
    assertThat(new RestartBackoff().next(true).toMillis()).isBetween(30_000L, 60_000L);
  }

  @Test
  void startsDoublingAgainAfterAConsumerRanForAMinute() {
    RestartBackoff backoff = new RestartBackoff();
    for (int i = 0; i < 5; i++) {
      backoff.next(false);
    }
    backoff.ran(Duration.ofSeconds(59));
    assertThat(backoff.next(false).toMillis()).isBetween(16_000L, 32_000L);
    backoff.ran(Duration.ofMinutes(1));
    assertThat(backoff.next(false).toMillis()).isBetween(500L, 1_000L);
  }
}

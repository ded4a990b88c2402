package dev.hookc.compiler.naming;

import com.palantir.javapoet.CodeBlock;
import java.time.Duration;

/**
 * Durations in generated code, in the largest unit that states them exactly; for the emitters and
 * for the arguments analysis compiles into code.
 */
public final class Durations {
  private Durations() {}

  /** {@code Duration.ofHours(1)} for an hour, {@code Duration.ofSeconds(90)} for 90 seconds. */
  public static CodeBlock code(Duration duration) {
    if (duration.toNanosPart() % 1_000_000 != 0) {
      return CodeBlock.of("$T.ofNanos($LL)", Duration.class, duration.toNanos());
    }
    long millis = duration.toMillis();
    if (millis % 1000 != 0) {
      return CodeBlock.of("$T.ofMillis($L)", Duration.class, millis);
    }
    long seconds = duration.toSeconds();
    if (seconds == 0 || seconds % 60 != 0) {
      return CodeBlock.of("$T.ofSeconds($L)", Duration.class, seconds);
    }
    if (seconds % 3600 != 0) {
      return CodeBlock.of("$T.ofMinutes($L)", Duration.class, seconds / 60);
    }
    if (seconds % 86_400 != 0) {
      return CodeBlock.of("$T.ofHours($L)", Duration.class, seconds / 3600);
    }
    return CodeBlock.of("$T.ofDays($L)", Duration.class, seconds / 86_400);
  }
}

package dev.hookc.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GeneratorJitTest {

  @Test
  void theDirectiveKeepingC2OffTheGeneratorIsInTheJvmOnceInstalled() throws Exception {
    String answer = GeneratorJit.install().get(30, TimeUnit.SECONDS);

    assertThat(answer).isEqualTo("1 compiler directives added");
    assertThat(GeneratorJit.install()).as("added once per JVM").isSameAs(GeneratorJit.install());
    String directives = String.valueOf(GeneratorJit.command("compilerDirectivesPrint"));
    assertThat(directives)
        .contains("com/palantir/javapoet/*.*")
        .contains("dev/hookc/*.*")
        .containsPattern("matching: [^\\n]*dev/hookc/\\*\\.\\*[^\\n]*\\n c1 directives:");
    int c2 = directives.indexOf("c2 directives", directives.indexOf("dev/hookc/*.*"));
    assertThat(directives.substring(c2)).contains("Exclude:true");
  }
}

package dev.hookc.compiler.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The application generated for a project whose async routes forward their inbox to Kafka (one
 * forward-only, keyed on a body property, one that also runs its workflow) is compared with golden
 * files — regenerate them with {@code -Dhookc.golden.update=true} and review the diff — and
 * compiles.
 */
class KafkaOutboxGoldenTest {
  private static final String PACKAGE = "dev.hookc.test.outbox";
  private static final Path PROJECT = Path.of("src/test/resources/projects/kafka-outbox");
  private static final Path GOLDEN = Path.of("src/test/resources/golden/kafka-outbox");

  @Test
  void generatesTheOutboxRoutesAsInTheGoldenFiles() throws Exception {
    GoldenFiles.assertGenerated(
        PROJECT, PACKAGE, GOLDEN, path -> path.endsWith("/HookcApplication.java"));
  }

  @Test
  void compilesWithoutWarnings() {
    assertThat(ProjectBuild.build(PROJECT, PACKAGE)).isNotNull();
  }
}

package dev.hookc.compiler.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The application generated for a project with a kafka event source and a {@code delivery: kafka}
 * route (Stripe-signed, idempotent, keyed on the object id) is compared with golden files —
 * regenerate them with {@code -Dhookc.golden.update=true} and review the diff — and compiles.
 */
class KafkaHandoffGoldenTest {
  private static final String PACKAGE = "dev.hookc.test.kafka";
  private static final Path PROJECT = Path.of("src/test/resources/projects/kafka-handoff");
  private static final Path GOLDEN = Path.of("src/test/resources/golden/kafka-handoff");

  @Test
  void generatesTheHandoffRouteAsInTheGoldenFiles() throws Exception {
    GoldenFiles.assertGenerated(
        PROJECT, PACKAGE, GOLDEN, path -> path.endsWith("/HookcApplication.java"));
  }

  @Test
  void compilesWithoutWarnings() {
    assertThat(ProjectBuild.build(PROJECT, PACKAGE)).isNotNull();
  }
}

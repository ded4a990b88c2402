package dev.hookc.compiler.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The workflow and application generated for a project whose workflow publishes to Kafka, once with
 * a kafka datasource of src/datasources (key, headers, timeout) and once with a kafka event source,
 * are compared with golden files — regenerate them with {@code -Dhookc.golden.update=true} and
 * review the diff — and compile.
 */
class KafkaPublishGoldenTest {
  private static final String PACKAGE = "dev.hookc.test.publish";
  private static final Path PROJECT = Path.of("src/test/resources/projects/kafka-publish");
  private static final Path GOLDEN = Path.of("src/test/resources/golden/kafka-publish");

  @Test
  void generatesThePublishTasksAsInTheGoldenFiles() throws Exception {
    GoldenFiles.assertGenerated(
        PROJECT,
        PACKAGE,
        GOLDEN,
        path ->
            path.endsWith("/HookcApplication.java")
                || path.endsWith("/AnnouncePaymentWorkflow.java"));
  }

  @Test
  void compilesWithoutWarnings() {
    assertThat(ProjectBuild.build(PROJECT, PACKAGE)).isNotNull();
  }
}

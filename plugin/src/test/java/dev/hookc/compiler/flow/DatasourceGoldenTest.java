package dev.hookc.compiler.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The code generated for a project with a jdbc and an http datasource (definitions, statements, a
 * transaction, an http call, the jdbc datasource's typed statements class) is compared with golden
 * files — regenerate them with {@code -Dhookc.golden.update=true} and review the diff — and
 * compiles.
 */
class DatasourceGoldenTest {
  private static final String PACKAGE = "dev.hookc.test.datasources";
  private static final Path PROJECT = Path.of("src/test/resources/projects/datasources");
  private static final Path GOLDEN = Path.of("src/test/resources/golden/datasources");

  @Test
  void generatesDefinitionsAndTasksAsInTheGoldenFiles() throws Exception {
    GoldenFiles.assertGenerated(
        PROJECT,
        PACKAGE,
        GOLDEN,
        path ->
            path.endsWith("/HookcApplication.java")
                || path.contains("/RecordPaymentWorkflow")
                || path.endsWith("/datasources/DbStatements.java"));
  }

  @Test
  void compilesWithoutWarnings() {
    assertThat(ProjectBuild.build(PROJECT, PACKAGE)).isNotNull();
  }
}

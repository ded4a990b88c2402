package dev.hookc.compiler.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.hookc.compiler.CompileRequest;
import dev.hookc.compiler.CompileResult;
import dev.hookc.compiler.HookcCompiler;
import dev.hookc.compiler.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code metrics} block of {@code http.yaml}: its settings reach the generated application, and
 * every mistake in it is a located build error (HC2108).
 */
class MetricsSettingsDiagnosticsTest {
  private static final String EVENTS = "http.post./a:\n  fn: answer\n  authn: false\n";
  private static final String WORKFLOW =
      "tasks:\n  - id: answer\n    args:\n      statusCode: 200\n      body: ok\n";

  @TempDir Path project;

  @Test
  void passesTheSettingsToTheApplicationByDottedName() throws IOException {
    CompileResult result = compile("metrics:\n  enabled: false\n  path: /internal/metrics\n");

    assertThat(result.diagnostics()).isEmpty();
    assertThat(application(result))
        .contains(".telemetrySetting(\"metrics.enabled\", \"false\")")
        .contains(".telemetrySetting(\"metrics.path\", \"/internal/metrics\")");
  }

  @Test
  void passesNoSettingWhenTheBlockIsAbsent() throws IOException {
    CompileResult result = compile("type: express\n");

    assertThat(result.diagnostics()).isEmpty();
    assertThat(application(result)).doesNotContain("telemetrySetting");
  }

  @Test
  void reportsAnUnknownKeyABadFlagAndABadPath() throws IOException {
    List<Diagnostic> found =
        compile("metrics:\n  enabled: maybe\n  path: metrics/{x}\n  paht: /m\n").diagnostics();

    assertThat(found)
        .extracting(this::where)
        .containsExactly(tuple("HC2108", 2, 12), tuple("HC2108", 3, 9), tuple("HC2108", 4, 3));
    assertThat(found.get(2).hint()).hasValueSatisfying(h -> assertThat(h).contains("path"));
  }

  @Test
  void reportsABlockThatIsNotAMapping() throws IOException {
    assertThat(compile("metrics: true\n").diagnostics())
        .extracting(this::where)
        .containsExactly(tuple("HC2108", 1, 10));
  }

  private static String application(CompileResult result) {
    return result.sources().stream()
        .filter(s -> s.path().endsWith("HookcApplication.java"))
        .findFirst()
        .orElseThrow()
        .content();
  }

  private CompileResult compile(String http) throws IOException {
    Files.createDirectories(project.resolve("src/events"));
    Files.createDirectories(project.resolve("src/functions"));
    Files.createDirectories(project.resolve("src/eventsources"));
    Files.writeString(project.resolve("src/events/a.yaml"), EVENTS);
    Files.writeString(project.resolve("src/functions/answer.yaml"), WORKFLOW);
    Files.writeString(project.resolve("src/eventsources/http.yaml"), http);
    return new HookcCompiler()
        .compile(
            new CompileRequest(
                project,
                project.resolve("src/events"),
                project.resolve("src/functions"),
                project.resolve("src/definitions"),
                project.resolve("src/main/java"),
                project.resolve("target/generated"),
                "com.example"));
  }

  private Tuple where(Diagnostic diagnostic) {
    return tuple(
        diagnostic.code().id(), diagnostic.location().line(), diagnostic.location().column());
  }
}

package dev.hookc.compiler.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.hookc.compiler.CompileResult;
import dev.hookc.compiler.diag.Diagnostic;
import dev.hookc.compiler.diag.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each mistake in built-in tasks, on_error, retry and config gives its code at its position. */
class FlowDiagnosticsTest {
  private static final String EVENT =
      """
      http.post./run:
        fn: flow
        responses:
          200:
            content:
              application/json:
                schema:
                  type: object
                  properties:
                    status: {type: string}
                  required: [status]
                  additionalProperties: false
          404:
            description: not found
      """;

  @TempDir Path project;

  @Test
  void reportsElseWithoutIf() throws IOException {
    List<Diagnostic> reported =
        compile(
            """
            tasks:
              - id: a
                fn: com.gs.transform
                args: 1
              - id: b
                fn: com.gs.else
                tasks:
                  - id: c
                    fn: com.gs.transform
                    args: 2
            """);

    assertThat(codes(reported)).containsExactly(tuple("HC3611", 6, 9));
  }

  @Test
  void reportsSwitchWithoutCasesAndLoopsWithoutValue() throws IOException {
    List<Diagnostic> reported =
        compile(
            """
            tasks:
              - id: s
                fn: com.gs.switch
                value: <% inputs.body.kind %>
              - id: loop
                fn: com.gs.each_parallel
                tasks:
                  - id: c
                    fn: com.gs.transform
                    args: 2
            """);

    assertThat(codes(reported)).containsExactly(tuple("HC3612", 3, 9), tuple("HC3613", 6, 9));
  }

  @Test
  void reportsIfWithoutConditionAndConditionOnOtherFunctions() throws IOException {
    List<Diagnostic> reported =
        compile(
            """
            tasks:
              - id: check
                fn: com.gs.if
                tasks:
                  - id: c
                    fn: com.gs.transform
                    condition: <% true %>
                    args: 2
            """);

    assertThat(codes(reported)).containsExactly(tuple("HC3614", 3, 9), tuple("HC3619", 7, 9));
  }

  @Test
  void reportsLogWithoutDataAndAnUnknownLevel() throws IOException {
    List<Diagnostic> reported =
        compile(
            """
            tasks:
              - id: log
                fn: com.gs.log
                args:
                  level: loud
            """);

    assertThat(codes(reported)).containsExactly(tuple("HC3615", 5, 7), tuple("HC3615", 5, 14));
  }

  @Test
  void warnsAboutTasksAfterAReturn() throws IOException {
    List<Diagnostic> reported =
        compile(
            """
            tasks:
              - id: done
                fn: com.gs.return
                args: {status: ok}
              - id: never
                fn: com.gs.transform
                args: 1
            """);

    assertThat(codes(reported)).containsExactly(tuple("HC3616", 5, 5));
    assertThat(reported.get(0).severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void warnsAboutAReturnedCodeTheEventDoesNotDeclare() throws IOException {
    List<Diagnostic> reported =
        compile(
            """
            tasks:
              - id: done
                args:
                  statusCode: 418
                  body: {status: teapot}
            """);

    assertThat(codes(reported)).containsExactly(tuple("HC3617", 4, 19));
    assertThat(reported.get(0).severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void rejectsALiteralBodyThatContradictsTheResponseSchema() throws IOException {
    List<Diagnostic> reported =
        compile(
            """
            tasks:
              - id: done
                fn: com.gs.return
                args:
                  code: 200
                  data:
                    status: 3
                    extra: true
            """);

    assertThat(codes(reported)).containsExactly(tuple("HC3618", 7, 17), tuple("HC3618", 8, 9));
  }

  @Test
  void acceptsABodyComputedAtRuntime() throws IOException {
    List<Diagnostic> reported =
        compile(
            """
            tasks:
              - id: done
                fn: com.gs.return
                args:
                  status: <% inputs.body.status %>
            """);

    assertThat(reported).isEmpty();
  }

  @Test
  void rejectsALoopOverSomethingNotAList() throws IOException {
    List<Diagnostic> reported =
        compile(
            """
            tasks:
              - id: loop
                fn: com.gs.each_sequential
                value: <% 'abc' %>
                tasks:
                  - id: c
                    fn: com.gs.transform
                    args: <% task_value %>
            """);

    assertThat(codes(reported)).containsExactly(tuple("HC3620", 4, 12));
  }

  @Test
  void reportsMalformedOnErrorAndRetry() throws IOException {
    List<Diagnostic> reported =
        compile(
            """
            tasks:
              - id: a
                fn: com.gs.transform
                args: 1
                on_error:
                  continue: maybe
                retry:
                  max_attempts: 0
                  type: linear
                  interval: soon
            """);

    assertThat(codes(reported))
        .containsExactly(
            tuple("HC3601", 6, 17),
            tuple("HC3602", 8, 21),
            tuple("HC3602", 9, 13),
            tuple("HC3602", 10, 17));
  }

  @Test
  void typesConfigFromTheDefaultFile() throws IOException {
    write("config/default.yaml", "greeting: hi\nlimits:\n  max: 3\n");
    write("config/production.yaml", "greting: hello\n");
    write("config/custom-environment-variables.yaml", "limits:\n  max: [1]\n");
    List<Diagnostic> reported =
        compile(
            """
            tasks:
              - id: a
                fn: com.gs.transform
                args: <% config.limits.maximum %>
            """);

    assertThat(codes(reported))
        .containsExactly(tuple("HC3702", 2, 8), tuple("HC3701", 1, 1), tuple("HC4009", 4, 28));
    assertThat(reported.get(2).hint()).hasValueSatisfying(h -> assertThat(h).contains("max"));
  }

  private List<Diagnostic> compile(String workflow) throws IOException {
    write("src/events/run.yaml", EVENT);
    write("src/functions/flow.yaml", workflow);
    CompileResult result = ProjectBuild.compileYaml(project, "dev.hookc.test.checks");
    return result.diagnostics();
  }

  private void write(String path, String content) throws IOException {
    Path file = project.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static List<org.assertj.core.groups.Tuple> codes(List<Diagnostic> reported) {
    return reported.stream()
        .map(d -> tuple(d.code().id(), d.location().line(), d.location().column()))
        .toList();
  }
}

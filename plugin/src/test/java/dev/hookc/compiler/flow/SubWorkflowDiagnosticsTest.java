package dev.hookc.compiler.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.TestProject;
import dev.hookc.compiler.diag.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A called workflow's inputs are typed from the args of every task that calls it (and the events it
 * handles): each realistic project below has one mistake, reported at its file, line and column.
 */
class SubWorkflowDiagnosticsTest {
  private static final String NUMBER_EVENTS =
      """
      http.post./double:
        fn: double_number
        body:
          content:
            application/json:
              schema:
                type: object
                properties:
                  n: {type: integer}
                  text: {type: string}
                required: [n, text]

      http.post./halve:
        fn: halve_number
        body:
          content:
            application/json:
              schema:
                type: object
                properties:
                  n: {type: integer}
                  text: {type: string}
                required: [n, text]
      """;

  private static final String DOUBLE =
      """
      tasks:
        - id: doubled
          fn: com.gs.return
          args:
            doubled: <% inputs.n * 2 %>
      """;

  @TempDir Path root;
  private TestProject project;

  @BeforeEach
  void writeProject() {
    project = new TestProject(root).file("src/events/numbers.yaml", NUMBER_EVENTS);
  }

  @Test
  void acceptsGodspeedsFormWhereOnlySomeCallersPassAKey() {
    project
        .file("src/functions/math/double.yaml", DOUBLE.replace("* 2 %>", "* (inputs.by ?? 2) %>"))
        .file("src/functions/double_number.yaml", caller("n: <% inputs.body.n %>\n      by: 3"))
        .file("src/functions/halve_number.yaml", caller("n: <% inputs.body.n %>"));

    assertThat(project.codes()).isEmpty();
  }

  @Test
  void rejectsAnInputThatTwoCallersPassWithIncompatibleTypes() {
    project
        .file("src/functions/math/double.yaml", DOUBLE)
        .file("src/functions/double_number.yaml", caller("n: <% inputs.body.n %>"))
        .file("src/functions/halve_number.yaml", caller("n: <% inputs.body.text %>"));

    List<Diagnostic> reported = project.compile().diagnostics();

    assertThat(reported).extracting(TestProject::brief).containsExactly("HC4040@5:10");
    assertThat(reported.get(0).location().file()).isEqualTo("src/functions/halve_number.yaml");
    assertThat(reported.get(0).hint())
        .hasValueSatisfying(h -> assertThat(h).contains("src/functions/double_number.yaml:5:10"));
  }

  @Test
  void rejectsANestedInputThatTwoCallersPassWithIncompatibleTypes() {
    project
        .file("src/functions/math/double.yaml", DOUBLE.replace("inputs.n", "inputs.body.n"))
        .file("src/functions/double_number.yaml", caller("body: {n: <% inputs.body.n %>}"))
        .file("src/functions/halve_number.yaml", caller("body: {n: <% inputs.body.text %>}"));

    List<Diagnostic> reported = project.compile().diagnostics();

    assertThat(reported).extracting(TestProject::brief).containsExactly("HC4040@5:13");
    assertThat(reported.get(0).location().file()).isEqualTo("src/functions/halve_number.yaml");
  }

  @Test
  void rejectsAnInputThatContradictsWhatTheWorkflowsEventSends() {
    project
        .file("src/functions/double_number.yaml", DOUBLE.replace("inputs.n", "inputs.body.n"))
        .file(
            "src/functions/halve_number.yaml",
            """
            tasks:
              - id: call
                fn: double_number
                args:
                  body: <% inputs.body.text %>
            """);

    List<Diagnostic> reported = project.compile().diagnostics();

    assertThat(reported).extracting(TestProject::brief).containsExactly("HC4040@5:13");
    assertThat(reported.get(0).location().file()).isEqualTo("src/functions/halve_number.yaml");
    assertThat(reported.get(0).hint())
        .hasValueSatisfying(h -> assertThat(h).contains("src/events/numbers.yaml:1:1"));
  }

  @Test
  void rejectsReadingAnInputThatNoCallerPassesWithDidYouMean() {
    project
        .file("src/functions/math/double.yaml", DOUBLE.replace("inputs.n", "inputs.nn"))
        .file("src/functions/double_number.yaml", caller("n: <% inputs.body.n %>"))
        .file("src/functions/halve_number.yaml", caller("n: <% inputs.body.n %>"));

    List<Diagnostic> reported = project.compile().diagnostics();

    assertThat(reported).extracting(TestProject::brief).containsExactly("HC4041@5:26");
    assertThat(reported.get(0).location().file()).isEqualTo("src/functions/math/double.yaml");
    assertThat(reported.get(0).hint()).hasValueSatisfying(h -> assertThat(h).contains("'n'"));
  }

  @Test
  void rejectsReadingARequestPartThatNoCallerPasses() {
    project
        .file("src/functions/math/double.yaml", DOUBLE.replace("inputs.n * 2", "inputs.params.id"))
        .file("src/functions/double_number.yaml", caller("body: {n: <% inputs.body.n %>}"))
        .file("src/functions/halve_number.yaml", caller("body: {n: <% inputs.body.n %>}"));

    assertThat(project.codes()).containsExactly("HC4041@5:26");
  }

  @Test
  void keepsTheRequestsInputsOfAWorkflowThatNothingCallsAndNoEventRuns() {
    project
        .file("src/functions/double_number.yaml", DOUBLE.replace("inputs.n", "inputs.body.n"))
        .file("src/functions/halve_number.yaml", DOUBLE.replace("inputs.n", "inputs.body.n"))
        .file(
            "src/functions/unused.yaml",
            """
            tasks:
              - id: read
                fn: com.gs.return
                args:
                  id: <% inputs.params.id %>
                  n: <% inputs.body.n %>
                  wrong: <% inputs.n %>
            """);

    // As before: the request's parts are there, untyped; 'n' is not an input at all.
    assertThat(project.codes()).containsExactly("HC4009@7:24");
  }

  /** A workflow that calls math.double with {@code args} (indented by six spaces). */
  private static String caller(String args) {
    return """
        tasks:
          - id: call
            fn: math.double
            args:
              ARGS
          - id: answer
            fn: com.gs.return
            args: <% call.data %>
        """
        .replace("ARGS", args);
  }
}

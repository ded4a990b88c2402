package dev.hookc.compiler.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.TestProject;
import dev.hookc.compiler.diag.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes in validation-error hooks are located build errors, like those of events and tasks. */
class HookDiagnosticsTest {
  private static final String WORKFLOW = "tasks:\n  - id: done\n    args: {statusCode: 200}\n";
  private static final String HOOK =
      "tasks:\n  - id: answer\n    args:\n      code: 422\n      data: <% inputs.body %>\n";

  @TempDir Path dir;

  private TestProject project(String events) {
    return new TestProject(dir)
        .file("src/events/events.yaml", events)
        .file("src/functions/handle.yaml", WORKFLOW)
        .file("src/functions/answerInvalid.yaml", HOOK);
  }

  @Test
  void acceptsANamedHookInlineTasksAndFalse() {
    TestProject project =
        project(
                "http.post./a:\n  fn: handle\n  on_request_validation_error: answerInvalid\n"
                    + "http.post./b:\n  fn: handle\n  on_request_validation_error: false\n"
                    + "http.post./c:\n  fn: handle\n  on_response_validation_error:\n"
                    + "    - id: answer\n      fn: com.gs.return\n"
                    + "      args: <% inputs.response.code + inputs.validation_error.error_count %>\n")
            .file(
                "src/eventsources/http.yaml",
                "on_request_validation_error:\n  - id: answer\n    fn: com.gs.return\n"
                    + "    args: <% inputs.validation_error.errors %>\n");

    assertThat(project.codes()).isEmpty();
  }

  @Test
  void reportsAnUnknownHookWorkflowAtItsNameWithASuggestion() {
    List<Diagnostic> found =
        project("http.post./a:\n  fn: handle\n  on_request_validation_error: answerInvalit\n")
            .compile()
            .diagnostics();

    assertThat(found).extracting(TestProject::brief).containsExactly("HC2017@3:32");
    assertThat(found.get(0).hint()).hasValue("did you mean 'answerInvalid'?");
  }

  @Test
  void reportsABadInlineTaskAtItsKey() {
    assertThat(
            project(
                    "http.post./a:\n  fn: handle\n  on_request_validation_error:\n"
                        + "    - id: answer\n      fn: com.gs.return\n      arsg: {}\n")
                .codes())
        .containsExactly("HC3004@6:7");
  }

  @Test
  void reportsAnUnknownFunctionInAnInlineTask() {
    assertThat(
            project(
                    "http.post./a:\n  fn: handle\n  on_request_validation_error:\n"
                        + "    - id: answer\n      fn: com.gs.retrun\n")
                .codes())
        .containsExactly("HC3008@5:11");
  }

  @Test
  void reportsATypoInTheValidationErrorAtItsToken() {
    List<Diagnostic> found =
        project(
                "http.post./a:\n  fn: handle\n  on_request_validation_error:\n"
                    + "    - id: answer\n      fn: com.gs.return\n"
                    + "      args: <% inputs.validation_error.erors %>\n")
            .compile()
            .diagnostics();

    assertThat(found).extracting(TestProject::brief).containsExactly("HC4009@6:40");
    assertThat(found.get(0).hint()).hasValueSatisfying(h -> assertThat(h).contains("errors"));
  }

  @Test
  void reportsTheResponseOfARequestHookAsUnknown() {
    assertThat(
            project(
                    "http.post./a:\n  fn: handle\n  on_request_validation_error:\n"
                        + "    - id: answer\n      fn: com.gs.return\n"
                        + "      args: <% inputs.response.code %>\n")
                .codes())
        .containsExactly("HC4009@6:23");
  }

  @Test
  void reportsAHookThatIsNeitherANameTasksNorFalse() {
    assertThat(
            project(
                    "http.post./a:\n  fn: handle\n  on_request_validation_error: true\n"
                        + "  on_response_validation_error: {fn: answerInvalid}\n")
                .codes())
        .containsExactly("HC2030@3:32", "HC2030@4:33");
  }

  @Test
  void reportsAMalformedDefaultHookInHttpYaml() {
    List<Diagnostic> found =
        project("http.post./a:\n  fn: handle\n")
            .file("src/eventsources/http.yaml", "on_response_validation_error: 5\n")
            .compile()
            .diagnostics();

    assertThat(found).extracting(TestProject::brief).containsExactly("HC2030@1:31");
    assertThat(found.get(0).location().file()).isEqualTo("src/eventsources/http.yaml");
  }

  @Test
  void checksADefaultHookAgainstItsInputsEvenWhenNoEventUsesIt() {
    List<Diagnostic> found =
        project("http.post./a:\n  fn: handle\n  on_request_validation_error: false\n")
            .file(
                "src/eventsources/http.yaml",
                "on_request_validation_error:\n  - id: answer\n    fn: com.gs.return\n"
                    + "    args: <% inputs.validation_error.detial %>\n")
            .compile()
            .diagnostics();

    assertThat(found).extracting(TestProject::brief).containsExactly("HC4009@4:38");
    assertThat(found.get(0).location().file()).isEqualTo("src/eventsources/http.yaml");
  }

  @Test
  void reportsAnUnknownDefaultHookWorkflowInHttpYaml() {
    List<Diagnostic> found =
        project("http.post./a:\n  fn: handle\n")
            .file("src/eventsources/http.yaml", "on_request_validation_error: nothing\n")
            .compile()
            .diagnostics();

    assertThat(found).extracting(TestProject::brief).containsExactly("HC2017@1:30");
  }

  @Test
  void reportsAHookOnAnAsyncEventAtItsKey() {
    assertThat(
            project(
                    "http.post./a:\n  fn: handle\n  delivery: async\n"
                        + "  on_request_validation_error: answerInvalid\n")
                .codes())
        .containsExactly("HC2031@4:3");
  }

  @Test
  void reportsAHookWorkflowThatAlsoHandlesAnEvent() {
    assertThat(
            project("http.post./a:\n  fn: handle\n  on_request_validation_error: handle\n").codes())
        .containsExactly("HC2032@3:32");
  }

  @Test
  void reportsAWorkflowNamedByBothKindsOfHook() {
    assertThat(
            project(
                    "http.post./a:\n  fn: handle\n  on_request_validation_error: answerInvalid\n"
                        + "  on_response_validation_error: answerInvalid\n")
                .codes())
        .containsExactly("HC2032@4:33");
  }
}

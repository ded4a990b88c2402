package dev.hookc.compiler.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.TestProject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowDiagnosticsTest {
  @TempDir Path dir;

  private TestProject workflow(String path, String text) {
    return new TestProject(dir).file("src/functions/" + path, text);
  }

  @Test
  void acceptsAWellFormedWorkflowWithoutDiagnostics() {
    assertThat(workflow("flow.yaml", "id: flow\ntasks:\n  - id: a\n    args: 1\n").codes())
        .isEmpty();
  }

  @Test
  void reportsAnIdThatDiffersFromTheFile() {
    assertThat(
            workflow("payments/verify.yaml", "id: verify\ntasks:\n  - id: a\n    args: 1\n")
                .codes())
        .containsExactly("HC3001@1:5");
  }

  @Test
  void acceptsTheDottedIdOfAFileInASubfolder() {
    assertThat(
            workflow(
                    "payments/verify.yaml", "id: payments.verify\ntasks:\n  - id: a\n    args: 1\n")
                .codes())
        .isEmpty();
  }

  @Test
  void reportsMissingAndEmptyTasks() {
    assertThat(workflow("flow.yaml", "summary: x\n").codes()).containsExactly("HC3003@1:1");
    assertThat(workflow("flow.yaml", "tasks: []\n").codes()).containsExactly("HC3003@1:8");
  }

  @Test
  void reportsAnUnknownTaskKeyWithItsLikelySpelling() {
    var result = workflow("flow.yaml", "tasks:\n  - id: a\n    arg: 1\n").compile();

    assertThat(result.diagnostics())
        .extracting(TestProject::brief)
        .containsExactly("HC3006@2:9", "HC3004@3:5");
    assertThat(result.diagnostics().get(1).hint()).hasValue("did you mean 'args'?");
  }

  @Test
  void reportsADuplicateTaskIdAcrossNestingLevels() {
    String text =
        "tasks:\n"
            + "  - id: a\n"
            + "    tasks:\n"
            + "      - id: b\n"
            + "        args: 1\n"
            + "  - id: b\n"
            + "    args: 2\n";
    assertThat(workflow("flow.yaml", text).codes()).containsExactly("HC3005@6:9");
  }

  @Test
  void reportsATaskWithNothingToDo() {
    assertThat(workflow("flow.yaml", "tasks:\n  - id: a\n    summary: x\n").codes())
        .containsExactly("HC3006@2:9");
  }

  @Test
  void reportsATaskWithoutId() {
    assertThat(workflow("flow.yaml", "tasks:\n  - args: 1\n").codes())
        .containsExactly("HC3007@2:5");
  }

  @Test
  void reportsAnUnknownWorkflowKey() {
    assertThat(workflow("flow.yaml", "taks:\n  - id: a\n").codes())
        .containsExactly("HC3003@1:1", "HC3009@1:1");
  }

  @Test
  void reportsATaskThatIsNotAMapping() {
    assertThat(workflow("flow.yaml", "tasks:\n  - just text\n").codes())
        .containsExactly("HC3010@2:5");
  }

  @Test
  void reportsAnUnresolvedTaskFnWithItsLikelySpelling() {
    var result =
        new TestProject(dir)
            .javaFunction("ValidateCallbackData")
            .file(
                "src/functions/flow.yaml",
                "tasks:\n  - id: a\n    fn: com.gs.transfrom\n    args: 1\n")
            .compile();

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC3008@3:9");
    assertThat(result.diagnostics().get(0).hint()).hasValue("did you mean 'com.gs.transform'?");
  }

  @Test
  void reportsACycleBetweenWorkflowsSpelledOut() {
    var result =
        new TestProject(dir)
            .file("src/functions/a.yaml", "tasks:\n  - id: call_b\n    fn: b\n")
            .file("src/functions/b.yaml", "tasks:\n  - id: call_a\n    fn: a\n")
            .compile();

    assertThat(result.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(TestProject.brief(d)).isEqualTo("HC3013@3:9");
              assertThat(d.location().file()).isEqualTo("src/functions/b.yaml");
              assertThat(d.message()).contains("a → b → a");
            });
  }
}

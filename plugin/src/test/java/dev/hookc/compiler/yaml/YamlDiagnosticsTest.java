package dev.hookc.compiler.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.TestProject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlDiagnosticsTest {
  @TempDir Path dir;

  private TestProject workflow(String text) {
    return new TestProject(dir).file("src/functions/flow.yaml", text);
  }

  @Test
  void reportsASyntaxErrorAtSnakeYamlsProblemMark() {
    assertThat(workflow("tasks:\n  - id: a\n    args: {x: 1\n").codes())
        .containsExactly("HC1001@4:1");
  }

  @Test
  void reportsADuplicateKeyAtItsSecondOccurrence() {
    var result = workflow("summary: a\ntasks:\n  - id: a\n    args: 1\nsummary: b\n").compile();

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC1002@5:1");
    assertThat(result.diagnostics().get(0).hint()).hasValue("first defined at line 1, column 1");
  }

  @Test
  void reportsAFileWhoseRootIsNotAMapping() {
    assertThat(workflow("- id: a\n  args: 1\n").codes()).containsExactly("HC1003@1:1");
  }

  @Test
  void reportsTabIndentationAtTheTab() {
    assertThat(workflow("tasks:\n\t- id: a\n").codes()).containsExactly("HC1004@2:1");
  }

  @Test
  void reportsAMappingUsedAsAKey() {
    assertThat(workflow("tasks:\n  - id: a\n    args: 1\n? {a: 1}\n: x\n").codes())
        .containsExactly("HC1005@4:3");
  }

  @Test
  void reportsAFileThatIsNotUtf8() throws Exception {
    java.nio.file.Files.createDirectories(dir.resolve("src/functions"));
    java.nio.file.Files.write(
        dir.resolve("src/functions/flow.yaml"), new byte[] {'a', ':', ' ', (byte) 0xC3, 0x28});

    assertThat(new TestProject(dir).codes()).containsExactly("HC1006@1:1");
  }

  @Test
  void warnsAboutAnEmptyFile() {
    var result = workflow("# nothing yet\n").compile();

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC1007@1:1");
    assertThat(result.hasErrors()).isFalse();
  }

  @Test
  void mapsAColumnInsideAnExpressionBackToTheFile() {
    var diagnostics = new dev.hookc.compiler.diag.Diagnostics();
    YamlMapping root =
        new YamlReader(diagnostics)
            .read("f.yaml", "a:\n  b: \"x <% inputs.y %>\"\n  c: |\n    one\n    <% two %>\n")
            .orElseThrow();
    YamlScalar quoted =
        (YamlScalar) ((YamlMapping) root.get("a").orElseThrow()).get("b").orElseThrow();
    YamlScalar block =
        (YamlScalar) ((YamlMapping) root.get("a").orElseThrow()).get("c").orElseThrow();

    assertThat(quoted.locationAt(quoted.value().indexOf("inputs")).toString())
        .isEqualTo("f.yaml:2:12");
    assertThat(block.locationAt(block.value().indexOf("two")).toString()).isEqualTo("f.yaml:5:8");
  }
}

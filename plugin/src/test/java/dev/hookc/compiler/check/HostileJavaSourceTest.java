package dev.hookc.compiler.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.CompileResult;
import dev.hookc.compiler.TestProject;
import dev.hookc.compiler.diag.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java function sources that JavaParser cannot read never fail hookc's build nor crash it: each is
 * a warning at the parser's place (javac judges the file), and the function is still called.
 */
@Timeout(20)
class HostileJavaSourceTest {
  private static final String FILE = "src/main/java/com/example/hooks/functions/Notify.java";
  private static final String CALLER = "tasks:\n  - id: notify\n    fn: notify\n    args: {}\n";

  @TempDir Path dir;

  @Test
  void aSyntaxErrorIsAWarningAtTheParsersPlace() {
    CompileResult result =
        new TestProject(dir)
            .file(
                FILE,
                "package com.example.hooks.functions;\n\npublic final class Notify {\n  int\n")
            .file("src/functions/flow.yaml", CALLER)
            .compile();

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC3801@4:3");
    assertThat(result.diagnostics().get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(result.diagnostics().get(0).location().file()).isEqualTo(FILE);
    assertThat(result.hasErrors()).isFalse();
  }

  @Test
  void aFileThatIsNotUtf8IsAWarningAtItsStart() throws IOException {
    new TestProject(dir).file("src/functions/flow.yaml", CALLER);
    Path file = dir.resolve(FILE);
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[] {'c', 'l', 'a', 's', 's', ' ', (byte) 0xC3, (byte) 0x28});

    CompileResult result = new TestProject(dir).compile();

    assertThat(result.diagnostics()).extracting(TestProject::brief).containsExactly("HC3801@1:1");
    assertThat(result.hasErrors()).isFalse();
  }

  @Test
  void nestingDeeperThanTheParsersStackIsAWarningNotACrash() {
    String deep = "(".repeat(100_000) + "1" + ")".repeat(100_000);
    CompileResult result =
        new TestProject(dir)
            .file(
                FILE,
                "package com.example.hooks.functions;\n\npublic final class Notify {\n"
                    + "  int x = "
                    + deep
                    + ";\n}\n")
            .file("src/functions/flow.yaml", CALLER)
            .compile();

    assertThat(result.diagnostics()).extracting(d -> d.code().id()).containsExactly("HC3801");
    assertThat(result.hasErrors()).isFalse();
  }
}

package dev.hookc.compiler.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.CompileRequest;
import dev.hookc.compiler.CompileResult;
import dev.hookc.compiler.HookcCompiler;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated code fits in 100 columns, as google-java-format's does: users read it in their IDE and
 * debugger. Every test project and every example is compiled and each line of hookc's own output
 * measured; the golden files are measured as they are.
 */
class LineWidthTest {
  private static final int COLUMNS = 100;

  static Stream<Path> projects() throws IOException {
    List<Path> projects = new ArrayList<>();
    try (Stream<Path> tests = Files.list(Path.of("src/test/resources/projects"));
        Stream<Path> examples = Files.list(Path.of("../examples"))) {
      tests.filter(p -> !p.endsWith("failures")).sorted().forEach(projects::add);
      examples
          .filter(p -> Files.isDirectory(p.resolve("src/events")))
          .sorted()
          .forEach(projects::add);
    }
    return projects.stream();
  }

  @ParameterizedTest
  @MethodSource("projects")
  void generatesNoLineWiderThanOneHundredColumns(Path project) {
    CompileResult result =
        new HookcCompiler()
            .compile(
                new CompileRequest(
                    project,
                    project.resolve("src/events"),
                    project.resolve("src/functions"),
                    project.resolve("src/definitions"),
                    project.resolve("src/main/java"),
                    project.resolve("target/unused"),
                    packageOf(project)));
    assertThat(result.hasErrors()).as("%s compiles: %s", project, result.diagnostics()).isFalse();
    assertThat(result.sources()).isNotEmpty();

    List<String> wide = new ArrayList<>();
    for (GeneratedSource source : result.sources()) {
      wide.addAll(wideLines(source.path(), source.content()));
    }
    assertThat(wide).as("lines over %d columns in %s", COLUMNS, project).isEmpty();
  }

  @Test
  void keepsEveryGoldenFileWithinOneHundredColumns() throws IOException {
    List<String> wide = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources/golden"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        wide.addAll(wideLines(file.toString(), Files.readString(file)));
      }
    }
    assertThat(wide).isEmpty();
  }

  /** The project's package: where its Java functions are, which hookc checks. */
  private static String packageOf(Path project) {
    Path java = project.resolve("src/main/java");
    try (Stream<Path> dirs = Files.walk(java)) {
      return dirs.filter(d -> d.endsWith("functions") && Files.isDirectory(d))
          .findFirst()
          .map(d -> java.relativize(d.getParent()).toString().replace(File.separatorChar, '.'))
          .orElse("dev.hookc.test.width");
    } catch (IOException e) {
      return "dev.hookc.test.width";
    }
  }

  private static List<String> wideLines(String path, String content) {
    List<String> wide = new ArrayList<>();
    String[] lines = content.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      // Imports are exempt, as in Google Java Style: a class name cannot be broken.
      if (lines[i].length() > COLUMNS && !lines[i].startsWith("import ")) {
        wide.add(path + ":" + (i + 1) + ": " + lines[i].strip());
      }
    }
    return wide;
  }
}

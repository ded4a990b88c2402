package dev.hookc.compiler.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.emit.GeneratedSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The flow tests' golden files: the selected generated sources of a project, by file name, against
 * the files of a golden directory. {@code -Dhookc.golden.update=true} rewrites them first (review
 * the diff).
 */
final class GoldenFiles {
  private GoldenFiles() {}

  /** The sources of {@code project} whose path {@code selected} takes equal {@code golden}'s. */
  static void assertGenerated(
      Path project, String packageName, Path golden, Predicate<String> selected)
      throws IOException {
    Map<String, String> generated = new TreeMap<>();
    for (GeneratedSource source : ProjectBuild.compileYaml(project, packageName).sources()) {
      String path = source.path();
      if (selected.test(path)) {
        generated.put(path.substring(path.lastIndexOf('/') + 1), source.content());
      }
    }
    if (Boolean.getBoolean("hookc.golden.update")) {
      Files.createDirectories(golden);
      for (Map.Entry<String, String> file : generated.entrySet()) {
        Files.writeString(golden.resolve(file.getKey()), file.getValue());
      }
    }
    Map<String, String> expected = new TreeMap<>();
    try (Stream<Path> files = Files.list(golden)) {
      for (Path file : files.toList()) {
        expected.put(file.getFileName().toString(), Files.readString(file));
      }
    }
    assertThat(generated).isEqualTo(expected);
  }
}

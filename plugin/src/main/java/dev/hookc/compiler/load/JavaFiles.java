package dev.hookc.compiler.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code .java} files below a directory, in a class of its own so that a project without Java
 * functions never loads {@link JavaFunctionReader}: linking it loads JavaParser's classes, about 40
 * ms of a cold build for nothing.
 */
final class JavaFiles {
  private JavaFiles() {}

  /** The {@code .java} files below {@code directory}, sorted; a missing directory has none. */
  static List<Path> below(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".java"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

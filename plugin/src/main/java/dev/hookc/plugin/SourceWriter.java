package dev.hookc.plugin;

import dev.hookc.compiler.emit.GeneratedSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Replaces the output directory's content with freshly generated sources. */
final class SourceWriter {
  private final Path outputDirectory;

  SourceWriter(Path outputDirectory) {
    this.outputDirectory = outputDirectory;
  }

  void write(List<GeneratedSource> sources) throws IOException {
    if (Files.isDirectory(outputDirectory)) {
      // Stale files from renamed events or workflows would otherwise still compile.
      try (Stream<Path> old = Files.walk(outputDirectory)) {
        for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
          if (!path.equals(outputDirectory)) {
            Files.delete(path);
          }
        }
      }
    }
    for (GeneratedSource source : sources) {
      Path file = outputDirectory.resolve(source.path());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.content(), StandardCharsets.UTF_8);
    }
  }
}

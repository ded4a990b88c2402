package dev.hookc.plugin;

import dev.hookc.compiler.emit.GeneratedSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Makes the output directory hold exactly the generated sources: files no longer generated are
 * deleted, and only files whose content changed are written.
 *
 * <p>Leaving identical files alone keeps their modification times, so that tools that compare times
 * (the compiler's stale-source check, IDEs) see only what really changed, and a regeneration that
 * changes little writes little.
 */
final class SourceWriter {
  private final Path outputDirectory;

  SourceWriter(Path outputDirectory) {
    this.outputDirectory = outputDirectory;
  }

  /** Writes {@code sources}; returns how many files were written (the rest were unchanged). */
  int write(List<GeneratedSource> sources) throws IOException {
    Set<Path> wanted = new HashSet<>();
    Set<Path> directories = new LinkedHashSet<>();
    for (GeneratedSource source : sources) {
      Path file = outputDirectory.resolve(source.path());
      wanted.add(file);
      directories.add(file.getParent());
    }
    Set<Path> existing = removeStale(wanted);
    for (Path directory : directories) {
      Files.createDirectories(directory);
    }
    // Files are independent, so they are compared and written on every core: at thousands of
    // files, encoding and writing them one after the other was a second of a clean build.
    try {
      return sources.parallelStream().mapToInt(source -> writeIfChanged(source, existing)).sum();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Updates the output directory in place: deletes the {@code stale} files (paths below it) that
   * are not among {@code sources}, and the directories that leaves empty, then writes {@code
   * sources}; every other file is left alone. Returns how many files were written.
   */
  int update(List<GeneratedSource> sources, Set<String> stale) throws IOException {
    Set<String> wanted = new HashSet<>();
    Set<Path> directories = new LinkedHashSet<>();
    Set<Path> existing = new HashSet<>();
    for (GeneratedSource source : sources) {
      Path file = outputDirectory.resolve(source.path());
      wanted.add(source.path());
      directories.add(file.getParent());
      if (Files.isRegularFile(file)) {
        existing.add(file);
      }
    }
    for (String path : stale) {
      if (!wanted.contains(path)) {
        Path file = outputDirectory.resolve(path);
        Files.deleteIfExists(file);
        deleteEmptyParents(file.getParent());
      }
    }
    for (Path directory : directories) {
      Files.createDirectories(directory);
    }
    try {
      return sources.parallelStream().mapToInt(source -> writeIfChanged(source, existing)).sum();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private void deleteEmptyParents(Path directory) throws IOException {
    for (Path d = directory;
        d != null && d.startsWith(outputDirectory) && !d.equals(outputDirectory);
        d = d.getParent()) {
      if (!Files.isDirectory(d)) {
        continue;
      }
      try (Stream<Path> entries = Files.list(d)) {
        if (entries.findAny().isPresent()) {
          return;
        }
      }
      Files.delete(d);
    }
  }

  /** Writes one source unless its file already holds it; 1 if written. */
  private int writeIfChanged(GeneratedSource source, Set<Path> existing) {
    Path file = outputDirectory.resolve(source.path());
    byte[] bytes = source.content().getBytes(StandardCharsets.UTF_8);
    try {
      if (existing.contains(file) && sameContent(file, bytes)) {
        return 0;
      }
      Files.write(file, bytes);
      return 1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Deletes every file under the output directory that is not {@code wanted} (stale files from
   * renamed events or workflows would otherwise still compile), then the directories left empty;
   * returns the wanted files that already exist.
   */
  private Set<Path> removeStale(Set<Path> wanted) throws IOException {
    Set<Path> existing = new HashSet<>();
    if (!Files.isDirectory(outputDirectory)) {
      return existing;
    }
    List<Path> all;
    try (Stream<Path> walk = Files.walk(outputDirectory)) {
      all = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path path : all) {
      if (path.equals(outputDirectory)) {
        continue;
      }
      if (Files.isDirectory(path)) {
        try (Stream<Path> entries = Files.list(path)) {
          if (entries.findAny().isEmpty()) {
            Files.delete(path);
          }
        }
      } else if (wanted.contains(path) && Files.isRegularFile(path)) {
        existing.add(path);
      } else {
        Files.delete(path);
      }
    }
    return existing;
  }

  private static boolean sameContent(Path file, byte[] bytes) throws IOException {
    return Files.size(file) == bytes.length && Arrays.equals(Files.readAllBytes(file), bytes);
  }
}

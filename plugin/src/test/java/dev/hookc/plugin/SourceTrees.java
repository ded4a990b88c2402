package dev.hookc.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A generated tree read whole, so that two generations compare file by file in one assertion. */
final class SourceTrees {
  private SourceTrees() {}

  /** Every regular file under {@code root}, by its path relative to it, sorted. */
  static Map<String, String> read(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile)
          .forEach(
              f -> {
                try {
                  files.put(root.relativize(f).toString(), Files.readString(f));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
    return files;
  }
}

package dev.hookc.compiler.security;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.yaml.YamlCode;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads {@code src/eventsources/http.yaml}, the HTTP event source's settings, next to the events
 * directory. This package reads its {@code authn} default; other settings belong to other readers.
 */
public final class HttpSourceFile {
  private HttpSourceFile() {}

  /** The file's mapping; empty when there is no such file or it could not be read (reported). */
  public static Optional<YamlMapping> read(
      Path projectDirectory, Path eventsDirectory, Diagnostics diagnostics) {
    Path file = eventsDirectory.resolveSibling("eventsources").resolve("http.yaml");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Path absolute = file.toAbsolutePath().normalize();
    Path base = projectDirectory.toAbsolutePath().normalize();
    String relative =
        (absolute.startsWith(base) ? base.relativize(absolute) : absolute)
            .toString()
            .replace('\\', '/');
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return new YamlReader(diagnostics).read(relative, text.replace("\r\n", "\n"));
    } catch (IOException e) {
      diagnostics.report(
          YamlCode.UNREADABLE,
          Location.startOf(relative),
          "cannot read the file: " + e.getMessage());
      return Optional.empty();
    }
  }
}

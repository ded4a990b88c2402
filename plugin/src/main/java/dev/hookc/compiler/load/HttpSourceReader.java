package dev.hookc.compiler.load;

import dev.hookc.compiler.contract.HttpSettingsReader;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.model.HttpDefaults;
import dev.hookc.compiler.security.ServerGuardReader;
import dev.hookc.compiler.yaml.YamlCode;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads {@code src/eventsources/http.yaml}, next to the events directory, the one time the compiler
 * reads it: its server settings, default authentication, store and admin token, and default
 * validation-error hooks, each taken by the reader of its keys.
 */
final class HttpSourceReader {
  private final Path projectDirectory;
  private final Diagnostics diagnostics;

  HttpSourceReader(Path projectDirectory, Diagnostics diagnostics) {
    this.projectDirectory = projectDirectory;
    this.diagnostics = diagnostics;
  }

  /** The defaults the file sets; {@link HttpDefaults#NONE} without it or when unreadable. */
  HttpDefaults read(Path eventsDirectory) {
    Path file = eventsDirectory.resolveSibling("eventsources").resolve("http.yaml");
    if (!Files.isRegularFile(file)) {
      return HttpDefaults.NONE;
    }
    String relative = relative(file);
    return mapping(file, relative).map(root -> defaults(relative, root)).orElse(HttpDefaults.NONE);
  }

  private HttpDefaults defaults(String relative, YamlMapping root) {
    ServerGuardReader.ServerGuards guards = new ServerGuardReader(diagnostics).read(root);
    return new HttpDefaults(
        Optional.of(relative),
        new HttpSettingsReader(diagnostics).read(root),
        guards.authn(),
        guards.authnMalformed(),
        new HookReader(diagnostics).read(root),
        guards.storeUrl(),
        guards.dataDirectory(),
        guards.adminToken(),
        guards.storeDatasource(),
        guards.retention());
  }

  private Optional<YamlMapping> mapping(Path file, String relative) {
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

  private String relative(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path base = projectDirectory.toAbsolutePath().normalize();
    return (absolute.startsWith(base) ? base.relativize(absolute) : absolute)
        .toString()
        .replace('\\', '/');
  }
}

package dev.hookc.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The JSON Schemas of hookc's own YAML (events, workflows, {@code http.yaml}, datasources), which
 * the plugin jar carries and every generation copies to {@code target/hookc/schemas/}, so that an
 * editor's YAML support (yaml-language-server, IntelliJ) completes and checks the files as they are
 * typed. The schemas are written by hand beside the compiler's key tables; a test probes the
 * compiler with unknown keys and compares the keys it names with the schemas', so they cannot
 * drift.
 */
final class EditorSchemas {
  /** The directory next to the state file that receives them. */
  static final String DIRECTORY = "schemas";

  /** The schemas' file names, in the jar's {@code dev/hookc/schemas/} and in the output. */
  static final List<String> NAMES =
      List.of(
          "event.schema.json",
          "workflow.schema.json",
          "http.schema.json",
          "datasource.schema.json");

  private EditorSchemas() {}

  /**
   * Writes every schema to {@code directory}, leaving files that already hold the same bytes
   * untouched (an editor watching them does not reload, a build does not see them change).
   */
  static void writeTo(Path directory) throws IOException {
    Files.createDirectories(directory);
    for (String name : NAMES) {
      byte[] content = content(name);
      Path file = directory.resolve(name);
      if (!Files.isRegularFile(file) || !Arrays.equals(Files.readAllBytes(file), content)) {
        Files.write(file, content);
      }
    }
  }

  /** The bytes of the schema {@code name} as the jar carries it. */
  static byte[] content(String name) {
    try (InputStream in = EditorSchemas.class.getResourceAsStream("/dev/hookc/schemas/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the plugin jar has no schema " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

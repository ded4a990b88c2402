package dev.hookc.plugin;

import dev.hookc.compiler.CompilePlan;
import dev.hookc.compiler.HookcCompiler;
import dev.hookc.compiler.emit.ApiDocument;
import dev.hookc.compiler.emit.OpenApiWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Writes the OpenAPI document to {@code target/hookc} (to export) and below {@code
 * target/hookc/resources} (a resource directory of the project, so that the application serves it
 * from its class path), and remembers each event file's part of it (its operations, as JSON text)
 * in {@code openapi.parts}.
 *
 * <p>A build that read only the files a change reaches has the operations of those files only: the
 * document is assembled from their fresh parts and the remembered parts of every other event file,
 * which gives a clean build's bytes, since a clean build assembles its document from its own parts
 * the same way. The remembered parts are used only when they belong to the last generation's inputs
 * and settings (the plugin's version and jar among them), as the analysis cache is; otherwise, or
 * when they are missing or corrupt, the project is planned once more, whole, for its document. A
 * change to {@code http.yaml}, the configuration, the definitions or the pom makes the build read
 * every file anyway.
 */
final class ApiDocsOutput {
  /** Each event file's part of the last document, next to the state file. */
  static final String PARTS = "openapi.parts";

  /** The resource directory, next to the state file. */
  static final String RESOURCES = "resources";

  private static final String HEADER = "hookc openapi parts 2";

  private ApiDocsOutput() {}

  /**
   * After a generation that planned {@code plan}: the whole project, or ({@code cached}) only the
   * files a change reaches, after the generation whose inputs were {@code last}; {@code inputs} are
   * this generation's. Returns how the document was made, for the debug log.
   */
  static String write(
      GenerationRequest request,
      CompilePlan plan,
      Optional<CachedGeneration> cached,
      Optional<OutputManifest> last,
      Optional<IncrementalGeneration.Inputs> inputs)
      throws IOException {
    Optional<ApiDocument> document = plan.apiDocs();
    String note = "OpenAPI document from the whole project";
    if (cached.isPresent()) {
      Optional<ApiDocument> assembled =
          document.flatMap(d -> assemble(request, d, cached.get(), last, inputs));
      if (assembled.isPresent()) {
        note =
            "OpenAPI document assembled: "
                + GenerationResult.plural(cached.get().loaded().size(), "file")
                + " read, the other files' parts kept";
      } else {
        note = "OpenAPI document: the project planned again, whole (no usable " + PARTS + ")";
      }
      document =
          assembled.isPresent() ? assembled : new HookcCompiler().plan(request.compile()).apiDocs();
    } else if (document.isEmpty()) {
      document = new HookcCompiler().plan(request.compile()).apiDocs();
    }
    if (document.isPresent()) {
      write(request, document.get(), inputs);
    }
    return note;
  }

  /** After a generation found up to date: writes the document again only when it is missing. */
  static void ensure(GenerationRequest request, Optional<IncrementalGeneration.Inputs> inputs)
      throws IOException {
    if (!present(request)) {
      Optional<ApiDocument> document = new HookcCompiler().plan(request.compile()).apiDocs();
      if (document.isPresent()) {
        write(request, document.get(), inputs);
      }
    }
  }

  /**
   * The whole project's document from {@code fresh}, the document of the files read, and the
   * remembered parts of the others; empty when the remembered parts cannot be trusted.
   */
  private static Optional<ApiDocument> assemble(
      GenerationRequest request,
      ApiDocument fresh,
      CachedGeneration cached,
      Optional<OutputManifest> last,
      Optional<IncrementalGeneration.Inputs> inputs) {
    if (last.isEmpty() || inputs.isEmpty()) {
      return Optional.empty();
    }
    Optional<Map<String, String>> remembered =
        parts(
            request.stateFile().resolveSibling(PARTS),
            inputs.get().settings(),
            last.get().digest());
    if (remembered.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> kept = new TreeMap<>();
    for (Map.Entry<String, String> part : remembered.get().entrySet()) {
      if (!inputs.get().files().containsKey(part.getKey())) {
        // The cached generation ran with no file added or removed: this is not the last build's.
        return Optional.empty();
      }
      if (!cached.loaded().contains(part.getKey())) {
        kept.put(part.getKey(), part.getValue());
      }
    }
    try {
      return Optional.of(fresh.with(kept));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean present(GenerationRequest request) {
    for (String name : List.of(OpenApiWriter.JSON, OpenApiWriter.YAML)) {
      for (Path file : files(request, name)) {
        if (!Files.isRegularFile(file)) {
          return false;
        }
      }
    }
    return true;
  }

  private static List<Path> files(GenerationRequest request, String name) {
    String packageName = request.compile().packageName();
    Path resources =
        request
            .stateFile()
            .resolveSibling(RESOURCES)
            .resolve(packageName.isEmpty() ? "" : packageName.replace('.', '/'));
    return List.of(request.stateFile().resolveSibling(name), resources.resolve(name));
  }

  private static void write(
      GenerationRequest request,
      ApiDocument document,
      Optional<IncrementalGeneration.Inputs> inputs)
      throws IOException {
    Path parts = request.stateFile().resolveSibling(PARTS);
    // Forgotten first: parts that no longer match the document on disk must not be trusted.
    Files.deleteIfExists(parts);
    for (Path file : files(request, OpenApiWriter.JSON)) {
      writeIfChanged(file, document.json());
    }
    for (Path file : files(request, OpenApiWriter.YAML)) {
      writeIfChanged(file, document.yaml());
    }
    if (inputs.isEmpty()
        || document.parts().keySet().stream()
            .anyMatch(f -> f.contains("\t") || f.contains("\n") || f.contains("\r"))) {
      return;
    }
    // Megabytes at a thousand events: sized once, encoded once, checksummed over the bytes.
    int size = 256;
    for (Map.Entry<String, String> part : document.parts().entrySet()) {
      size += part.getKey().length() + part.getValue().length() + 16;
    }
    StringBuilder text = new StringBuilder(size).append(HEADER).append('\n');
    text.append(inputs.get().settings()).append('\n');
    text.append(inputs.get().digest()).append('\n');
    // A part holds line breaks: each is preceded by its file and its length.
    document
        .parts()
        .forEach(
            (file, part) ->
                text.append(file)
                    .append('\t')
                    .append(part.length())
                    .append('\n')
                    .append(part)
                    .append('\n'));
    byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
    byte[] end = ("end " + crc(body, body.length) + "\n").getBytes(StandardCharsets.US_ASCII);
    Path temporary = parts.resolveSibling(PARTS + ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temporary)) {
        out.write(body);
        out.write(end);
      }
      Files.move(
          temporary, parts, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // Without the parts the next changed event plans the project whole for its document.
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * The parts in {@code file} when it is whole and was written for {@code settings} after a
   * generation of inputs of digest {@code inputs}; empty otherwise.
   */
  static Optional<Map<String, String>> parts(Path file, String settings, String inputs) {
    String text;
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      byte[] bytes = Files.readAllBytes(file);
      // The end line is ASCII: its offset in the bytes is its offset from the text's end.
      int endBytes = lastLine(bytes);
      if (endBytes < 0) {
        return Optional.empty();
      }
      String endLine = new String(bytes, endBytes, bytes.length - endBytes, StandardCharsets.UTF_8);
      if (!endLine.equals("end " + crc(bytes, endBytes) + "\n")) {
        return Optional.empty();
      }
      text = new String(bytes, 0, endBytes, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    int end = text.length();
    int at = 0;
    for (String expected : List.of(HEADER, settings, inputs)) {
      int line = text.indexOf('\n', at);
      if (line < 0 || line >= end || !text.substring(at, line).equals(expected)) {
        return Optional.empty();
      }
      at = line + 1;
    }
    Map<String, String> parts = new TreeMap<>();
    try {
      while (at < end) {
        int tab = text.indexOf('\t', at);
        int line = text.indexOf('\n', at);
        if (tab <= at || line < tab || line >= end) {
          return Optional.empty();
        }
        int length = Integer.parseInt(text, tab + 1, line, 10);
        int next = line + 1 + length;
        if (length < 0 || next >= end || text.charAt(next) != '\n') {
          return Optional.empty();
        }
        parts.put(text.substring(at, tab), text.substring(line + 1, next));
        at = next + 1;
      }
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.of(parts);
  }

  private static String crc(byte[] bytes, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, length);
    return HexFormat.of().toHexDigits(crc.getValue());
  }

  /** Where the last line of {@code bytes} starts (a line ending with a line break); -1 if none. */
  private static int lastLine(byte[] bytes) {
    if (bytes.length == 0 || bytes[bytes.length - 1] != '\n') {
      return -1;
    }
    int at = bytes.length - 2;
    while (at >= 0 && bytes[at] != '\n') {
      at--;
    }
    return at + 1;
  }

  /** Leaves an equal file alone, so that its time tells when the document last changed. */
  private static void writeIfChanged(Path file, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    try {
      // Read only when the size matches: a changed document usually differs in length.
      if (Files.isRegularFile(file)
          && Files.size(file) == bytes.length
          && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
        return;
      }
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new IOException("cannot write " + file, e);
    }
  }
}

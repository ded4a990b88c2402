package dev.hookc.plugin;

import dev.hookc.compiler.CompilePlan;
import dev.hookc.compiler.HookcCompiler;
import dev.hookc.compiler.emit.ApiDocument;
import dev.hookc.compiler.emit.OpenApiWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes the OpenAPI document to {@code target/hookc} (to export) and below {@code
 * target/hookc/resources} (a resource directory of the project, so that the application serves it
 * from its class path), with a digest of each event file's part of it.
 *
 * <p>A build that read only the files a change reaches has the operations of those files only: when
 * their digests are the remembered ones the document is still the project's and is kept; otherwise
 * the project is planned once more, whole, for its document. A change to {@code http.yaml}, the
 * definitions or the pom makes the build read every file anyway.
 */
final class ApiDocsOutput {
  /** The digests of the last document, next to the state file. */
  static final String DIGESTS = "openapi.digests";

  /** The resource directory, next to the state file. */
  static final String RESOURCES = "resources";

  private ApiDocsOutput() {}

  /** After a generation that planned {@code plan}, whole or ({@code partial}) not. */
  static void write(GenerationRequest request, CompilePlan plan, boolean partial)
      throws IOException {
    Optional<ApiDocument> document = plan.apiDocs();
    if (partial && document.isPresent() && present(request)) {
      Map<String, String> remembered = digests(request);
      boolean same =
          document.get().digests().entrySet().stream()
              .allMatch(e -> e.getValue().equals(remembered.get(e.getKey())));
      if (same) {
        return;
      }
    }
    if (partial || document.isEmpty()) {
      document = new HookcCompiler().plan(request.compile()).apiDocs();
    }
    if (document.isPresent()) {
      write(request, document.get());
    }
  }

  /** After a generation found up to date: writes the document again only when it is missing. */
  static void ensure(GenerationRequest request) throws IOException {
    if (!present(request)) {
      Optional<ApiDocument> document = new HookcCompiler().plan(request.compile()).apiDocs();
      if (document.isPresent()) {
        write(request, document.get());
      }
    }
  }

  private static boolean present(GenerationRequest request) {
    for (Path file : files(request, OpenApiWriter.JSON)) {
      if (!Files.isRegularFile(file)) {
        return false;
      }
    }
    return Files.isRegularFile(request.stateFile().resolveSibling(DIGESTS));
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

  private static void write(GenerationRequest request, ApiDocument document) throws IOException {
    for (Path file : files(request, OpenApiWriter.JSON)) {
      writeIfChanged(file, document.json());
    }
    for (Path file : files(request, OpenApiWriter.YAML)) {
      writeIfChanged(file, document.yaml());
    }
    StringBuilder digests = new StringBuilder();
    document
        .digests()
        .forEach((file, digest) -> digests.append(file).append('\t').append(digest).append('\n'));
    writeIfChanged(request.stateFile().resolveSibling(DIGESTS), digests.toString());
  }

  private static Map<String, String> digests(GenerationRequest request) throws IOException {
    Map<String, String> digests = new TreeMap<>();
    for (String line :
        Files.readAllLines(request.stateFile().resolveSibling(DIGESTS), StandardCharsets.UTF_8)) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        digests.put(line.substring(0, tab), line.substring(tab + 1));
      }
    }
    return digests;
  }

  /** Leaves an equal file alone, so that its time tells when the document last changed. */
  private static void writeIfChanged(Path file, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    try {
      if (Files.isRegularFile(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
        return;
      }
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new IOException("cannot write " + file, e);
    }
  }
}

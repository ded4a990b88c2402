package dev.hookc.compiler.emit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.compiler.bind.BoundEvent;
import dev.hookc.compiler.bind.BoundProject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The project's OpenAPI document as JSON and YAML text, and a digest of what each event file gives
 * it, by which a build that read only some files tells whether the document it kept is still the
 * project's.
 *
 * <p>The text is rendered on another core from the moment the document is made: nothing else in a
 * build needs it until the sources are written, and rendering the YAML of a large project took as
 * long as a tenth of a clean build's sequential work. {@link #json} and {@link #yaml} wait for it.
 */
public final class ApiDocument {
  private final CompletableFuture<Text> text;
  private final Map<String, String> digests;

  /** The JSON and YAML of one document. */
  private record Text(String json, String yaml) {}

  /**
   * A document of known text.
   *
   * @param json the document as JSON
   * @param yaml the same document as YAML
   * @param digests a digest of the operations of each event file, by project-relative file
   */
  public ApiDocument(String json, String yaml, Map<String, String> digests) {
    this(CompletableFuture.completedFuture(new Text(json, yaml)), digests);
  }

  private ApiDocument(CompletableFuture<Text> text, Map<String, String> digests) {
    this.text = text;
    this.digests = Collections.unmodifiableMap(new TreeMap<>(digests));
  }

  /** The document of {@code project}; its text is rendered on the common pool. */
  public static ApiDocument of(BoundProject project) {
    Map<String, StringBuilder> operations = new TreeMap<>();
    for (BoundEvent event : project.servedEvents()) {
      operations
          .computeIfAbsent(event.event().file(), f -> new StringBuilder())
          .append(event.event().method())
          .append(' ')
          .append(event.event().path())
          .append(' ')
          .append(OpenApiWriter.operation(event))
          .append('\n');
    }
    Map<String, String> digests = new TreeMap<>();
    operations.forEach((file, text) -> digests.put(file, sha256(text.toString())));
    // The bound project is immutable, so the text does not depend on when it is rendered.
    return new ApiDocument(
        CompletableFuture.supplyAsync(
            () -> {
              ObjectNode document = OpenApiWriter.document(project);
              return new Text(OpenApiWriter.json(document), OpenApiWriter.yaml(document));
            }),
        digests);
  }

  /** The document as JSON. */
  public String json() {
    return text().json();
  }

  /** The same document as YAML. */
  public String yaml() {
    return text().yaml();
  }

  /** A digest of the operations of each event file, by project-relative file. */
  public Map<String, String> digests() {
    return digests;
  }

  private Text text() {
    try {
      return text.join();
    } catch (CompletionException e) {
      // A bug in rendering: thrown as it would have been had the text been rendered here.
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}

package dev.hookc.compiler.emit;

import dev.hookc.compiler.bind.BoundEvent;
import dev.hookc.compiler.bind.BoundProject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The project's OpenAPI document as JSON and YAML text, and a digest of what each event file gives
 * it, by which a build that read only some files tells whether the document it kept is still the
 * project's.
 *
 * @param json the document as JSON
 * @param yaml the same document as YAML
 * @param digests a digest of the operations of each event file, by project-relative file
 */
public record ApiDocument(String json, String yaml, Map<String, String> digests) {

  public ApiDocument {
    digests = Collections.unmodifiableMap(new TreeMap<>(digests));
  }

  /** The document of {@code project}. */
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
    return new ApiDocument(OpenApiWriter.json(project), OpenApiWriter.yaml(project), digests);
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

package dev.hookc.compiler.emit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.compiler.bind.BoundProject;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The project's OpenAPI document as JSON and YAML text, and what each event file gives it (its
 * operations as JSON text), by which a build that read only some files assembles the whole
 * project's document from the parts it remembers of the others.
 *
 * <p>The text is rendered on another core from the moment the document is made: nothing else in a
 * build needs it until the sources are written, and rendering the YAML of a large project took as
 * long as a tenth of a clean build's sequential work. {@link #json} and {@link #yaml} wait for it.
 */
public final class ApiDocument {
  private final BoundProject project;
  private final CompletableFuture<Text> text;
  private final Map<String, String> parts;

  /** The JSON and YAML of one document. */
  private record Text(String json, String yaml) {}

  private ApiDocument(
      BoundProject project, Map<String, String> parts, CompletableFuture<Text> text) {
    this.project = project;
    this.parts = Collections.unmodifiableMap(new TreeMap<>(parts));
    this.text = text;
  }

  /** The document of {@code project}; its text is rendered on the common pool. */
  public static ApiDocument of(BoundProject project) {
    Map<String, String> parts = OpenApiWriter.parts(project);
    // The bound project is immutable, so the text does not depend on when it is rendered.
    return new ApiDocument(
        project,
        parts,
        CompletableFuture.supplyAsync(() -> text(OpenApiWriter.document(project, parts))));
  }

  /**
   * The document of a project of which only some event files were read: this document's parts
   * (those of the files read) and {@code kept}, the parts of the other event files as an earlier
   * {@link #parts} gave them. Everything else comes from this project, which read {@code http.yaml}
   * and the shared definitions. Rendered on this thread: nothing else is left to do.
   *
   * @throws IllegalArgumentException when a kept part is not a part's JSON text
   */
  public ApiDocument with(Map<String, String> kept) {
    Map<String, String> all = new TreeMap<>(kept);
    all.putAll(parts);
    ObjectNode document;
    try {
      document = OpenApiWriter.document(project, all);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not the parts of a document", e);
    }
    return new ApiDocument(project, all, CompletableFuture.completedFuture(text(document)));
  }

  private static Text text(ObjectNode document) {
    return new Text(OpenApiWriter.json(document), OpenApiWriter.yaml(document));
  }

  /** The document as JSON. */
  public String json() {
    return text().json();
  }

  /** The same document as YAML. */
  public String yaml() {
    return text().yaml();
  }

  /** The operations of each event file, by project-relative file, as JSON text. */
  public Map<String, String> parts() {
    return parts;
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
}

package dev.hookc.compiler.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.compiler.bind.BoundProject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The project's OpenAPI document as JSON and YAML text, and what each event file gives it (its
 * operations' JSON and YAML text, as they stand in the document), by which a build that read only
 * some files assembles the whole project's document from the parts it remembers of the others,
 * rendering only the operations of the files it read.
 *
 * <p>The text is rendered on another core from the moment the document is made: nothing else in a
 * build needs it until the sources are written, and rendering the YAML of a large project took as
 * long as a tenth of a clean build's sequential work. {@link #json} and {@link #yaml} wait for it.
 */
public final class ApiDocument {
  private final BoundProject project;
  private final CompletableFuture<Parts> parts;
  private final CompletableFuture<DocumentText.Text> text;

  /**
   * Each file's operations as text ({@code texts}, where they could be cut) and as a part ({@code
   * encoded}, {@link OperationText#UNCUT} where not); {@code cut} when every one could be.
   */
  private record Parts(
      Map<String, List<OperationText>> texts, Map<String, String> encoded, boolean cut) {}

  private ApiDocument(
      BoundProject project,
      CompletableFuture<Parts> parts,
      CompletableFuture<DocumentText.Text> text) {
    this.project = project;
    this.parts = parts;
    this.text = text;
  }

  /** The document of {@code project}; its text is rendered on the common pool. */
  public static ApiDocument of(BoundProject project) {
    // The bound project is immutable, so the text does not depend on when it is rendered.
    CompletableFuture<Parts> parts = CompletableFuture.supplyAsync(() -> parts(project));
    return new ApiDocument(
        project,
        parts,
        parts.thenApplyAsync(
            p ->
                (p.cut()
                        ? DocumentText.assemble(project, p.texts())
                        : Optional.<DocumentText.Text>empty())
                    .orElseGet(() -> whole(OpenApiWriter.document(project)))));
  }

  private static Parts parts(BoundProject project) {
    Map<String, List<OpenApiWriter.Operation>> operations = OpenApiWriter.operations(project);
    Function<JsonNode, String> yaml = YamlText.renderer();
    Map<String, List<OperationText>> texts = new TreeMap<>();
    Map<String, String> encoded = new TreeMap<>();
    operations.forEach(
        (file, list) -> {
          List<OperationText> cut = new ArrayList<>();
          for (OpenApiWriter.Operation operation : list) {
            OperationText.cut(operation, yaml).ifPresent(cut::add);
          }
          if (cut.size() == list.size()) {
            texts.put(file, cut);
            encoded.put(file, OperationText.encode(cut));
          } else {
            encoded.put(file, OperationText.UNCUT);
          }
        });
    return new Parts(texts, encoded, texts.size() == operations.size());
  }

  private static DocumentText.Text whole(ObjectNode document) {
    return new DocumentText.Text(OpenApiWriter.json(document), OpenApiWriter.yaml(document));
  }

  /**
   * The document of a project of which only some event files were read: this document's parts
   * (those of the files read) and {@code kept}, the parts of the other event files as an earlier
   * {@link #parts} gave them. Everything else comes from this project, which read {@code http.yaml}
   * and the shared definitions; only the files read have their operations rendered. Assembled on
   * this thread: nothing else is left to do.
   *
   * @throws IllegalArgumentException when a kept part is not a part's text, or a part cannot be
   *     assembled
   */
  public ApiDocument with(Map<String, String> kept) {
    // This document's own text is not needed.
    text.cancel(false);
    Parts fresh = join(parts);
    if (!fresh.cut()) {
      throw new IllegalArgumentException("an operation that cannot be assembled");
    }
    Map<String, List<OperationText>> texts = new TreeMap<>();
    kept.forEach((file, part) -> texts.put(file, OperationText.decode(part)));
    texts.putAll(fresh.texts());
    Map<String, String> encoded = new TreeMap<>(kept);
    encoded.putAll(fresh.encoded());
    DocumentText.Text assembled =
        DocumentText.assemble(project, texts)
            .orElseThrow(() -> new IllegalArgumentException("a document that cannot be assembled"));
    return new ApiDocument(
        project,
        CompletableFuture.completedFuture(new Parts(texts, encoded, true)),
        CompletableFuture.completedFuture(assembled));
  }

  /** The document as JSON. */
  public String json() {
    return join(text).json();
  }

  /** The same document as YAML. */
  public String yaml() {
    return join(text).yaml();
  }

  /** What each event file gives the document, by project-relative file, as one line of text. */
  public Map<String, String> parts() {
    return Collections.unmodifiableMap(join(parts).encoded());
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
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

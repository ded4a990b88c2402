package dev.hookc.compiler.cache;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one event or workflow file (or {@code http.yaml}) means beyond itself: the functions it
 * names and, as text, every fact that other files' checks and the project-wide classes read from
 * it. Two builds that give a file the same fact agree on everything outside that file's own
 * generated code.
 *
 * @param file the project-relative file
 * @param kind what the file holds
 * @param workflowId the id of the workflow it holds, when it is a workflow file
 * @param references every function name it uses ({@code fn} of events, tasks and hooks), in order
 * @param summary its events' routes, names, functions, hooks and shared definitions in use, or its
 *     workflow's calls and the at-least-once routes that run it with their delivery keys
 * @param routes its events' entries of {@code routes.json}, as compact JSON, in order
 */
public record FileFact(
    String file,
    Kind kind,
    Optional<String> workflowId,
    List<String> references,
    String summary,
    List<String> routes) {

  /** What a file holds. */
  public enum Kind {
    /** Events, from {@code src/events}. */
    EVENTS,
    /** A workflow, from {@code src/functions}. */
    WORKFLOW,
    /** {@code http.yaml}, whose default hooks name workflows for every event. */
    HTTP
  }

  public FileFact {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(workflowId, "workflowId");
    references = List.copyOf(references);
    Objects.requireNonNull(summary, "summary");
    routes = List.copyOf(routes);
  }

  /** The fact of a file that declares no route. */
  public FileFact(
      String file,
      Kind kind,
      Optional<String> workflowId,
      List<String> references,
      String summary) {
    this(file, kind, workflowId, references, summary, List.of());
  }
}

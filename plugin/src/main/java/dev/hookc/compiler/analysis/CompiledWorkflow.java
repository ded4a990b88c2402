package dev.hookc.compiler.analysis;

import java.util.List;
import java.util.Optional;

/**
 * A workflow whose expressions are compiled and typed: its tasks, and its own {@code on_error}.
 *
 * @param readsBodyAsJson whether a case of a switch on the event type reads {@code inputs.body}
 *     narrowed to the type's payload, as JSON: its inputs record then gives the body as JSON too
 */
public record CompiledWorkflow(
    List<CompiledTask> tasks,
    Optional<CompiledTask.CompiledOnError> onError,
    boolean readsBodyAsJson) {

  public CompiledWorkflow {
    tasks = List.copyOf(tasks);
  }
}

package dev.hookc.compiler.analysis;

import java.util.List;
import java.util.Optional;

/** A workflow whose expressions are compiled and typed: its tasks, and its own {@code on_error}. */
public record CompiledWorkflow(
    List<CompiledTask> tasks, Optional<CompiledTask.CompiledOnError> onError) {

  public CompiledWorkflow {
    tasks = List.copyOf(tasks);
  }
}

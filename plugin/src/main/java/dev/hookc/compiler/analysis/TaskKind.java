package dev.hookc.compiler.analysis;

import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.model.Task;
import java.util.Optional;

/** What a task does, decided by its {@code fn}: the shape of code emitted for it. */
public enum TaskKind {
  JAVA,
  WORKFLOW,
  TRANSFORM,
  RETURN,
  LOG,
  SEQUENTIAL,
  PARALLEL,
  IF,
  ELIF,
  ELSE,
  SWITCH,
  EACH_SEQUENTIAL,
  EACH_PARALLEL,
  /** {@code datasource.<jdbc>.<statement>} of a statement that returns rows. */
  QUERY,
  /** {@code datasource.<jdbc>.<statement>} of a statement that changes rows. */
  UPDATE,
  /** {@code datasource.<jdbc>.transaction}: its tasks in one transaction. */
  TRANSACTION,
  /** {@code datasource.<http>.<method>./<path>}. */
  HTTP,
  /** {@code datasource.<kafka>.publish}: a record produced to a topic. */
  PUBLISH;

  static TaskKind of(Task task, Optional<ResolvedFunction> function) {
    if (function.orElse(null) instanceof ResolvedFunction.JavaFunction) {
      return JAVA;
    }
    if (function.orElse(null) instanceof ResolvedFunction.WorkflowFunction) {
      return WORKFLOW;
    }
    if (function.orElse(null) instanceof ResolvedFunction.KafkaPublish) {
      return PUBLISH;
    }
    if (function.orElse(null) instanceof ResolvedFunction.DatasourceTask datasource) {
      return datasource.isTransaction() ? TRANSACTION : datasource.isStatement() ? UPDATE : HTTP;
    }
    switch (task.fnName()) {
      case "com.gs.transform":
        return TRANSFORM;
      case "com.gs.log":
        return LOG;
      case "com.gs.sequential":
        return SEQUENTIAL;
      case "com.gs.parallel":
        return PARALLEL;
      case "com.gs.if":
        return IF;
      case "com.gs.elif":
        return ELIF;
      case "com.gs.else":
        return ELSE;
      case "com.gs.switch":
        return SWITCH;
      case "com.gs.each_sequential":
        return EACH_SEQUENTIAL;
      case "com.gs.each_parallel":
        return EACH_PARALLEL;
      default:
        // No fn: a group of tasks, or (with args only) a return, as the Handle Callbacks guide
        // writes it. An unresolved fn was reported already; nothing is generated for it.
        return task.fn().isEmpty() && !task.tasks().isEmpty() ? SEQUENTIAL : RETURN;
    }
  }

  /** Whether the results of its child tasks stay readable after it (they all ran). */
  public boolean childrenVisibleAfter() {
    return this == SEQUENTIAL || this == PARALLEL || this == TRANSACTION;
  }

  /** Whether it runs its children once per item of its {@code value}. */
  public boolean isLoop() {
    return this == EACH_SEQUENTIAL || this == EACH_PARALLEL;
  }

  /** Whether it runs a jdbc datasource's statement. */
  public boolean isStatement() {
    return this == QUERY || this == UPDATE;
  }

  /** Whether it is the start or a continuation of an if/elif/else chain. */
  public boolean continuesChain() {
    return this == ELIF || this == ELSE;
  }
}

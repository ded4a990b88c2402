package dev.hookc.runtime.internal.workflow;

import dev.hookc.runtime.workflow.Status;

/** One attempt at a task: what a generated task method does, as a value that can be retried. */
@FunctionalInterface
public interface TaskBody {

  /** Runs the task once. */
  Status run() throws Exception;
}

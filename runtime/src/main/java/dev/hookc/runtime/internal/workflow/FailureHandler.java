package dev.hookc.runtime.internal.workflow;

import dev.hookc.runtime.workflow.Status;

/** A task's {@code on_error}: what its failed result, or the 500 of its exception, becomes. */
@FunctionalInterface
public interface FailureHandler {

  /**
   * Turns a task's failure into the status that replaces it.
   *
   * @param failed the failed status, {@link Status#crashed()} when the task threw
   * @return the status that replaces it
   */
  Status handle(Status failed) throws Exception;
}

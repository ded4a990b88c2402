package dev.hookc.runtime.workflow;

/** One attempt at a task: what a generated task method does, as a value that can be retried. */
@FunctionalInterface
public interface TaskBody {

  /** Runs the task once. */
  Status run() throws Exception;
}

package dev.hookc.runtime.internal.workflow;

/**
 * A task threw (a Java function, a built-in, a nested workflow or an expression) and no {@code
 * on_error} handled it: it ends every enclosing task and workflow, and the request, with a 500
 * problem that reveals nothing (a 503 {@code datasource-unavailable} when the cause is a datasource
 * that could not be reached or did not answer in time). Its message names the task that threw and
 * its place in the YAML; the cause is what it threw.
 *
 * <p>It is not logged where it is thrown: whoever ends with it logs it once (the server with the
 * request's id, the inbox with the delivery's, an {@code on_error} that handles it with the task
 * that handles it).
 */
public final class TaskCrash extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String task;

  /**
   * @param task the task's id and place in the YAML
   * @param cause what the task threw
   */
  public TaskCrash(String task, Throwable cause) {
    super("task " + task + " threw " + cause.getClass().getName(), cause);
    this.task = task;
  }

  /** The id and place in the YAML of the task that threw. */
  public String task() {
    return task;
  }
}

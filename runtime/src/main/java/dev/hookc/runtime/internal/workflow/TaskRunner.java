package dev.hookc.runtime.internal.workflow;

import dev.hookc.runtime.datasource.DatasourceException;
import dev.hookc.runtime.internal.datasource.DatasourceFailures;
import dev.hookc.runtime.telemetry.Observation;
import dev.hookc.runtime.telemetry.WorkContext;
import dev.hookc.runtime.workflow.Status;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Runs one task the way a workflow does: a failed attempt (a status with {@code success: false}, or
 * an exception) is retried as the task's {@link Retry} says; then its {@code on_error}, if any,
 * handles the failure. A failed status without {@code on_error} is the task's result and the
 * workflow goes on (Godspeed's rule); an exception without {@code on_error} is thrown on as a
 * {@link TaskCrash}, which ends the workflow and every one around it.
 */
public final class TaskRunner {
  private static final System.Logger LOG = System.getLogger("hookc.workflows");
  private static final TaskRunner SHARED =
      new TaskRunner(
          d -> Thread.sleep(d.toMillis()), () -> ThreadLocalRandom.current().nextDouble());

  /** Waits between attempts; tests pass one that records instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    /** Waits for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
  }

  private final Sleeper sleeper;
  private final DoubleSupplier random;

  /**
   * @param sleeper what waits between attempts
   * @param random uniform values in [0, 1) for random back-off
   */
  public TaskRunner(Sleeper sleeper, DoubleSupplier random) {
    this.sleeper = sleeper;
    this.random = random;
  }

  /** The runner generated workflows use: it really sleeps. */
  public static TaskRunner shared() {
    return SHARED;
  }

  /**
   * Runs {@code body} until it succeeds, returns, or has used up its attempts; a task without
   * {@code on_error}.
   *
   * @param task the task's id and place in the YAML, for the log
   * @return the last attempt's status
   * @throws TaskCrash when the last attempt threw
   */
  public Status run(String task, Retry retry, TaskBody body) throws Exception {
    return run(task, retry, body, null);
  }

  /**
   * Runs {@code body} like {@link #run(String, Retry, TaskBody)}, then gives a failure to {@code
   * onError}: a failed status as it is, an exception as {@link Status#crashed()} (logged here,
   * since it ends nothing).
   *
   * @param onError the task's {@code on_error}; null when it has none
   * @throws TaskCrash when the last attempt threw and there is no {@code onError}
   */
  public Status run(String task, Retry retry, TaskBody body, FailureHandler onError)
      throws Exception {
    TaskName name = TaskName.of(task);
    Observation observation = WorkContext.telemetry().task(name.workflow(), name.task());
    WorkContext.Scope scope = WorkContext.task(name.qualified());
    try {
      return run(task, retry, body, onError, observation);
    } finally {
      scope.close();
      observation.close();
    }
  }

  private Status run(
      String task, Retry retry, TaskBody body, FailureHandler onError, Observation observation)
      throws Exception {
    Attempt attempt = attempt(task, body);
    int retried = 0;
    while (retried + 1 < retry.maxAttempts() && attempt.failed()) {
      retried++;
      Duration delay = retry.delayBefore(retried, random);
      if (attempt.crash() != null) {
        LOG.log(
            Level.WARNING,
            "task " + task + " threw; retry " + retried + " in " + delay.toMillis() + "ms",
            attempt.crash().getCause());
      } else {
        LOG.log(
            Level.DEBUG, "task {0} failed; retry {1} in {2}ms", task, retried, delay.toMillis());
      }
      sleeper.sleep(delay);
      attempt = attempt(task, body);
    }
    if (retried > 0) {
      observation.attribute("retries", Integer.toString(retried));
    }
    if (attempt.failed()) {
      observation.failure(
          reason(attempt), attempt.crash() == null ? null : attempt.crash().getCause());
    }
    if (attempt.crash() != null) {
      if (onError == null) {
        throw attempt.crash();
      }
      if (attempt.crash().getCause() instanceof DatasourceException failure) {
        // An expected outcome that the workflow was written to handle (a duplicate row, a 404):
        // one line, no stack trace.
        LOG.log(
            Level.WARNING,
            "task {0}: {1}; its on_error handles it ({2})",
            task,
            failure.getMessage(),
            failure.kind().code());
      } else {
        LOG.log(
            Level.ERROR,
            attempt.crash().getMessage() + "; the on_error of " + task + " handles it",
            attempt.crash().getCause());
      }
      return onError.handle(
          attempt.crash().getCause() instanceof DatasourceException failure
              ? DatasourceFailures.status(failure)
              : Status.crashed());
    }
    Status status = attempt.status();
    return onError == null || status.success() || status.returned()
        ? status
        : onError.handle(status);
  }

  /** Why a failed attempt failed, in few words: a datasource failure's kind, else how. */
  private static String reason(Attempt attempt) {
    if (attempt.crash() == null) {
      return "status";
    }
    return attempt.crash().getCause() instanceof DatasourceException failure
        ? failure.kind().code()
        : "exception";
  }

  /** One attempt's outcome: a status, or the exception it ended with. */
  private record Attempt(Status status, TaskCrash crash) {
    boolean failed() {
      return crash != null || (!status.success() && !status.returned());
    }
  }

  private static Attempt attempt(String task, TaskBody body) {
    try {
      Status status = body.run();
      return new Attempt(status == null ? Status.ok(null) : status, null);
    } catch (dev.hookc.runtime.HttpProblem problem) {
      // A client mistake found while running (e.g. a nested workflow's input) stays a 4xx.
      throw problem;
    } catch (TaskCrash nested) {
      // A task inside this one threw (a child, a nested workflow's task): it keeps its own name.
      return new Attempt(null, nested);
    } catch (Exception | StackOverflowError e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return new Attempt(null, new TaskCrash(task, e));
    }
  }
}

package dev.hookc.runtime.workflow;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Runs one task the way a workflow does: an exception becomes a failed status (logged, never shown
 * to the client), and a failed attempt is retried as the task's {@link Retry} says.
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
   * Runs {@code body} until it succeeds, returns, or has used up its attempts.
   *
   * @param task the task's id and place in the YAML, for the log
   * @return the last attempt's status; a crashed attempt is {@link Status#crashed()}
   * @throws InterruptedException if interrupted while waiting to retry
   */
  public Status run(String task, Retry retry, TaskBody body) throws InterruptedException {
    Status status = attempt(task, body);
    for (int retried = 1; retried < retry.maxAttempts() && failed(status); retried++) {
      Duration delay = retry.delayBefore(retried, random);
      LOG.log(Level.DEBUG, "task {0} failed; retry {1} in {2}ms", task, retried, delay.toMillis());
      sleeper.sleep(delay);
      status = attempt(task, body);
    }
    return status;
  }

  private static boolean failed(Status status) {
    return !status.success() && !status.returned();
  }

  private static Status attempt(String task, TaskBody body) {
    try {
      Status status = body.run();
      return status == null ? Status.ok(null) : status;
    } catch (dev.hookc.runtime.HttpProblem problem) {
      // A client mistake found while running (e.g. a nested workflow's input) stays a 4xx.
      throw problem;
    } catch (Exception | StackOverflowError e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.log(Level.ERROR, "task " + task + " failed", e);
      return Status.crashed();
    }
  }
}

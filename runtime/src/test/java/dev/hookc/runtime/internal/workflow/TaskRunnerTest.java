package dev.hookc.runtime.internal.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookc.runtime.workflow.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TaskRunnerTest {
  private final List<Duration> waits = new ArrayList<>();
  private final TaskRunner runner = new TaskRunner(waits::add, () -> 0.5);

  @Test
  void givesOnErrorAnExceptionAsAFailed500StatusWithoutItsMessage() throws Exception {
    Status status =
        runner.run(
            "t",
            Retry.NONE,
            () -> {
              throw new IllegalStateException("password=hunter2");
            },
            failed -> failed);

    assertThat(status.success()).isFalse();
    assertThat(status.code()).isEqualTo(500);
    assertThat(status.data().toString()).doesNotContain("hunter2");
    assertThat(status.headers()).containsEntry("Content-Type", "application/problem+json");
  }

  @Test
  void retriesAFailedStatusAsOftenAsAllowed() throws Exception {
    AtomicInteger attempts = new AtomicInteger();

    Status status =
        runner.run(
            "t",
            Retry.constant(3, 100),
            () -> Status.of(java.util.Map.of("code", 503 + 0 * attempts.incrementAndGet())));

    assertThat(attempts).hasValue(3);
    assertThat(status.code()).isEqualTo(503);
    assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(100));
  }

  @Test
  void stopsRetryingOnceAnAttemptSucceeds() throws Exception {
    AtomicInteger attempts = new AtomicInteger();

    Status status =
        runner.run(
            "t",
            Retry.constant(5, 10),
            () -> {
              if (attempts.incrementAndGet() < 2) {
                throw new IllegalStateException("flaky");
              }
              return Status.ok("done");
            });

    assertThat(status.success()).isTrue();
    assertThat(attempts).hasValue(2);
    assertThat(waits).hasSize(1);
  }

  @Test
  void doublesExponentialWaitsUpToTheMaximum() throws Exception {
    runner.run("t", Retry.exponential(6, 100, 500), () -> Status.of(Map.of("success", false)));

    assertThat(waits)
        .containsExactly(
            Duration.ofMillis(100),
            Duration.ofMillis(200),
            Duration.ofMillis(400),
            Duration.ofMillis(500),
            Duration.ofMillis(500));
  }

  @Test
  void drawsRandomWaitsBetweenTheBounds() throws Exception {
    // The random source answers 0.5: halfway between 100 and 300 ms.
    runner.run("t", Retry.random(2, 100, 300), () -> Status.of(Map.of("success", false)));

    assertThat(waits).containsExactly(Duration.ofMillis(200));
  }

  @Test
  void neverRetriesAReturn() throws Exception {
    AtomicInteger attempts = new AtomicInteger();

    runner.run(
        "t",
        Retry.constant(3, 1),
        () -> {
          attempts.incrementAndGet();
          return Status.returning(java.util.Map.of("code", 400));
        });

    assertThat(attempts).hasValue(1);
  }

  @Test
  void throwsAnExceptionNoOnErrorHandlesAsACrashNamingTheTask() {
    IllegalStateException cause = new IllegalStateException("password=hunter2");

    assertThatThrownBy(
            () ->
                runner.run(
                    "charge (src/functions/pay.yaml:3:5)",
                    Retry.NONE,
                    () -> {
                      throw cause;
                    }))
        .isInstanceOf(TaskCrash.class)
        .hasCause(cause)
        .hasMessageContaining("charge (src/functions/pay.yaml:3:5)");
  }

  @Test
  void retriesAnExceptionBeforeItEndsTheWorkflow() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                runner.run(
                    "t",
                    Retry.constant(3, 5),
                    () -> {
                      attempts.incrementAndGet();
                      throw new IllegalStateException("down");
                    }))
        .isInstanceOf(TaskCrash.class);
    assertThat(attempts).hasValue(3);
    assertThat(waits).hasSize(2);
  }

  @Test
  void keepsTheNameOfTheInnermostTaskWhenACrashPassesThroughAnEnclosingOne() {
    TaskCrash inner = new TaskCrash("inner (a.yaml:2:5)", new IllegalStateException());

    assertThatThrownBy(
            () ->
                runner.run(
                    "outer (b.yaml:4:5)",
                    Retry.NONE,
                    () -> {
                      throw inner;
                    }))
        .isSameAs(inner);
  }

  @Test
  void leavesAFailedStatusWithoutOnErrorAsTheResult() throws Exception {
    Status status = runner.run("t", Retry.NONE, () -> Status.of(Map.of("success", false)));

    assertThat(status.success()).isFalse();
    assertThat(status.code()).isEqualTo(200);
  }

  @Test
  void givesOnErrorAFailedStatusAsItIs() throws Exception {
    Status declined = Status.of(Map.of("code", 409));

    Status status = runner.run("t", Retry.NONE, () -> declined, failed -> Status.ok(failed.code()));

    assertThat(status.data().asInt()).isEqualTo(409);
  }
}

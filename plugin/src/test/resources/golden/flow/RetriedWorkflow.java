package dev.hookc.test.flow.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.expr.Js;
import dev.hookc.runtime.internal.workflow.Retry;
import dev.hookc.runtime.internal.workflow.TaskRunner;
import dev.hookc.runtime.workflow.FunctionContext;
import dev.hookc.runtime.workflow.Status;
import dev.hookc.test.flow.functions.Flaky;
import dev.hookc.test.flow.functions.FlakyArgs;
import dev.hookc.test.flow.functions.FlakyFunction;
import javax.annotation.processing.Generated;

/**
 * Workflow {@code retried}, from {@code src/functions/retried.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class RetriedWorkflow {
  private final JsonNode config;

  private final FlakyFunction flaky;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public RetriedWorkflow(Wiring wiring) {
    this.config = wiring.config();
    this.flaky = wiring.function(FlakyFunction.class, () -> new Flaky());
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(RetriedInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    last = outputs.callFlaky = callFlaky(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code call_flaky}, calling {@code flaky} ({@code src/functions/retried.yaml:2:5}).
   */
  private Status callFlaky(RetriedInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "call_flaky (src/functions/retried.yaml:2:5)",
        Retry.exponential(3, 1L, 5L),
        () -> Status.of(
            flaky.apply(
                new FlakyArgs(Js.member(inputs.body(), "key"), Js.member(inputs.body(),
                    "failures")),
                context("flaky", inputs))));
  }

  private FunctionContext context(String function, RetriedInputs inputs) {
    return new FunctionContext(FunctionContext.loggerFor(function), config, inputs::toJson);
  }

  /**
   * The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.
   */
  static final class Outputs {
    private volatile Status callFlaky;

    /**
     * The result of task {@code call_flaky}.
     */
    Status callFlaky() {
      return callFlaky;
    }
  }
}

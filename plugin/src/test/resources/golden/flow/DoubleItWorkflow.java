package dev.hookc.test.flow.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.expr.Js;
import dev.hookc.runtime.internal.workflow.Retry;
import dev.hookc.runtime.internal.workflow.TaskRunner;
import dev.hookc.runtime.workflow.FunctionContext;
import dev.hookc.runtime.workflow.Status;
import javax.annotation.processing.Generated;

/**
 * Workflow {@code double_it}, from {@code src/functions/double_it.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class DoubleItWorkflow {
  private final JsonNode config;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public DoubleItWorkflow(Wiring wiring) {
    this.config = wiring.config();
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(DoubleItInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    last = outputs.done = done(inputs, outputs);
    if (last.returned()) {
      return last.asResult();
    }
    last = outputs.unreachableAfterReturn = unreachableAfterReturn(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code done}, calling {@code com.gs.return} ({@code src/functions/double_it.yaml:2:5}).
   */
  private Status done(DoubleItInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "done (src/functions/double_it.yaml:2:5)",
        Retry.NONE,
        () -> Status.returning(Js.times(Js.member(inputs.body(), "n"), 2L)));
  }

  /**
   * Task {@code unreachable_after_return}, calling {@code com.gs.transform} ({@code
   * src/functions/double_it.yaml:5:5}).
   */
  private Status unreachableAfterReturn(DoubleItInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "unreachable_after_return (src/functions/double_it.yaml:5:5)",
        Retry.NONE,
        () -> Status.of(0L));
  }

  private FunctionContext context(String function, DoubleItInputs inputs) {
    return new FunctionContext(FunctionContext.loggerFor(function), config, inputs::toJson);
  }

  /**
   * The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.
   */
  static final class Outputs {
    private volatile Status done;

    private volatile Status unreachableAfterReturn;

    /**
     * The result of task {@code done}.
     */
    Status done() {
      return done;
    }

    /**
     * The result of task {@code unreachable_after_return}.
     */
    Status unreachableAfterReturn() {
      return unreachableAfterReturn;
    }
  }
}

package dev.hookc.test.flow.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.expr.Js;
import dev.hookc.runtime.internal.workflow.Retry;
import dev.hookc.runtime.internal.workflow.TaskRunner;
import dev.hookc.runtime.workflow.FunctionContext;
import dev.hookc.runtime.workflow.Status;
import dev.hookc.test.flow.functions.Boom;
import dev.hookc.test.flow.functions.BoomArgs;
import dev.hookc.test.flow.functions.BoomFunction;
import javax.annotation.processing.Generated;

/**
 * Workflow {@code handled}, from {@code src/functions/handled.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class HandledWorkflow {
  private final JsonNode config;

  private final BoomFunction boom;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public HandledWorkflow(Wiring wiring) {
    this.config = wiring.config();
    this.boom = wiring.function(BoomFunction.class, () -> new Boom());
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(HandledInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    last = outputs.callBoom = callBoom(inputs, outputs);
    if (last.returned()) {
      return last.asResult();
    }
    last = outputs.never = never(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code call_boom}, calling {@code boom} ({@code src/functions/handled.yaml:2:5}).
   */
  private Status callBoom(HandledInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "call_boom (src/functions/handled.yaml:2:5)",
        Retry.NONE,
        () -> Status.of(boom.apply(new BoomArgs(), context("boom", inputs))),
        failed -> callBoomOnError(inputs, outputs, failed));
  }

  /**
   * The {@code on_error} of task {@code call_boom} ({@code src/functions/handled.yaml:5:7}): the
   * workflow ends.
   */
  private Status callBoomOnError(HandledInputs inputs, Outputs outputs, Status failed) throws
      Exception {
    return Status.handled(failed, Js.object("code", 502L, "data", Js.object("error",
        "upstream unavailable"))).asReturn();
  }

  /**
   * Task {@code never}, calling {@code com.gs.transform} ({@code src/functions/handled.yaml:9:5}).
   */
  private Status never(HandledInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "never (src/functions/handled.yaml:9:5)",
        Retry.NONE,
        () -> Status.of(Js.object("reached", true)));
  }

  private FunctionContext context(String function, HandledInputs inputs) {
    return new FunctionContext(FunctionContext.loggerFor(function), config, inputs::toJson);
  }

  /**
   * The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.
   */
  static final class Outputs {
    private volatile Status callBoom;

    private volatile Status never;

    /**
     * The result of task {@code call_boom}.
     */
    Status callBoom() {
      return callBoom;
    }

    /**
     * The result of task {@code never}.
     */
    Status never() {
      return never;
    }
  }
}

package dev.hookc.test.flow.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.expr.Js;
import dev.hookc.runtime.internal.workflow.Retry;
import dev.hookc.runtime.internal.workflow.TaskRunner;
import dev.hookc.runtime.workflow.FunctionContext;
import dev.hookc.runtime.workflow.Status;
import dev.hookc.test.flow.functions.Decline;
import dev.hookc.test.flow.functions.DeclineArgs;
import dev.hookc.test.flow.functions.DeclineFunction;
import javax.annotation.processing.Generated;

/**
 * Workflow {@code failure_continues}, from {@code src/functions/failure_continues.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class FailureContinuesWorkflow {
  private final JsonNode config;

  private final DeclineFunction decline;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public FailureContinuesWorkflow(Wiring wiring) {
    this.config = wiring.config();
    this.decline = wiring.function(DeclineFunction.class, () -> new Decline());
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(FailureContinuesInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    last = outputs.callDecline = callDecline(inputs, outputs);
    if (last.returned()) {
      return last.asResult();
    }
    last = outputs.after = after(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code call_decline}, calling {@code decline} ({@code
   * src/functions/failure_continues.yaml:2:5}).
   */
  private Status callDecline(FailureContinuesInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "call_decline (src/functions/failure_continues.yaml:2:5)",
        Retry.NONE,
        () -> Status.of(decline.apply(new DeclineArgs(), context("decline", inputs))));
  }

  /**
   * Task {@code after}, calling {@code com.gs.transform} ({@code
   * src/functions/failure_continues.yaml:4:5}).
   */
  private Status after(FailureContinuesInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "after (src/functions/failure_continues.yaml:4:5)",
        Retry.NONE,
        () -> Status.of(Js.object("previous_failed", !outputs.callDecline().success(),
            "previous_code", outputs.callDecline().codeNumber())));
  }

  private FunctionContext context(String function, FailureContinuesInputs inputs) {
    return new FunctionContext(FunctionContext.loggerFor(function), config, inputs::toJson);
  }

  /**
   * The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.
   */
  static final class Outputs {
    private volatile Status callDecline;

    private volatile Status after;

    /**
     * The result of task {@code call_decline}.
     */
    Status callDecline() {
      return callDecline;
    }

    /**
     * The result of task {@code after}.
     */
    Status after() {
      return after;
    }
  }
}

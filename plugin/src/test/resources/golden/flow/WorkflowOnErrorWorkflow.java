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
 * Workflow {@code workflow_on_error}, from {@code src/functions/workflow_on_error.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class WorkflowOnErrorWorkflow {
  private final JsonNode config;

  private final BoomFunction boom;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public WorkflowOnErrorWorkflow(Wiring wiring) {
    this.config = wiring.config();
    this.boom = wiring.function(BoomFunction.class, () -> new Boom());
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(WorkflowOnErrorInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    last = outputs.callBoom = callBoom(inputs, outputs);
    if (last.returned()) {
      return last.asResult();
    }
    last = outputs.after = after(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code call_boom}, calling {@code boom} ({@code
   * src/functions/workflow_on_error.yaml:8:5}).
   */
  private Status callBoom(WorkflowOnErrorInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "call_boom (src/functions/workflow_on_error.yaml:8:5)",
        Retry.NONE,
        () -> Status.of(boom.apply(new BoomArgs(), context("boom", inputs))),
        failed -> onError(inputs, outputs, failed));
  }

  /**
   * Task {@code after}, calling {@code com.gs.return} ({@code
   * src/functions/workflow_on_error.yaml:10:5}).
   */
  private Status after(WorkflowOnErrorInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "after (src/functions/workflow_on_error.yaml:10:5)",
        Retry.NONE,
        () -> Status.returning(Js.object("recovered", Js.member(outputs.callBoom().data(),
            "fallback"))),
        failed -> onError(inputs, outputs, failed));
  }

  /**
   * The {@code on_error} of the workflow ({@code src/functions/workflow_on_error.yaml:2:3}): the
   * workflow continues.
   */
  private Status onError(WorkflowOnErrorInputs inputs, Outputs outputs, Status failed) throws
      Exception {
    Status last = Status.ok(null);
    last = outputs.fallback = fallback(inputs, outputs);
    return last;
  }

  /**
   * Task {@code fallback}, calling {@code com.gs.transform} ({@code
   * src/functions/workflow_on_error.yaml:4:7}).
   */
  private Status fallback(WorkflowOnErrorInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "fallback (src/functions/workflow_on_error.yaml:4:7)",
        Retry.NONE,
        () -> Status.of(Js.object("fallback", true)));
  }

  private FunctionContext context(String function, WorkflowOnErrorInputs inputs) {
    return new FunctionContext(FunctionContext.loggerFor(function), config, inputs::toJson);
  }

  /**
   * The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.
   */
  static final class Outputs {
    private volatile Status callBoom;

    private volatile Status after;

    private volatile Status fallback;

    /**
     * The result of task {@code call_boom}.
     */
    Status callBoom() {
      return callBoom;
    }

    /**
     * The result of task {@code after}.
     */
    Status after() {
      return after;
    }

    /**
     * The result of task {@code fallback}.
     */
    Status fallback() {
      return fallback;
    }
  }
}

package dev.hookc.test.results.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.expr.Js;
import dev.hookc.runtime.internal.workflow.Retry;
import dev.hookc.runtime.internal.workflow.TaskRunner;
import dev.hookc.runtime.workflow.FunctionContext;
import dev.hookc.runtime.workflow.Status;
import dev.hookc.test.results.functions.Refuse;
import dev.hookc.test.results.functions.RefuseArgs;
import dev.hookc.test.results.functions.RefuseFunction;
import javax.annotation.processing.Generated;

/**
 * Workflow {@code refund}: A function throwing HttpProblem answers that problem, and nothing after
 * it runs, from {@code src/functions/refund.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class RefundWorkflow {
  private final JsonNode config;

  private final RefuseFunction refuse;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public RefundWorkflow(Wiring wiring) {
    this.config = wiring.config();
    this.refuse = wiring.function(RefuseFunction.class, () -> new Refuse());
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(RefundInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    last = outputs.refused = refused(inputs, outputs);
    if (last.returned()) {
      return last.asResult();
    }
    last = outputs.never = never(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code refused}, calling {@code refuse} ({@code src/functions/refund.yaml:3:5}).
   */
  private Status refused(RefundInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "refused (src/functions/refund.yaml:3:5)",
        Retry.NONE,
        () -> Status.of(refuse.apply(new RefuseArgs(), context("refuse", inputs))));
  }

  /**
   * Task {@code never}, calling {@code com.gs.return} ({@code src/functions/refund.yaml:5:5}).
   */
  private Status never(RefundInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "never (src/functions/refund.yaml:5:5)",
        Retry.NONE,
        () -> Status.returning(Js.object("ran", true)));
  }

  private FunctionContext context(String function, RefundInputs inputs) {
    return new FunctionContext(FunctionContext.loggerFor(function), config, inputs::toJson);
  }

  /**
   * The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.
   */
  static final class Outputs {
    private volatile Status refused;

    private volatile Status never;

    /**
     * The result of task {@code refused}.
     */
    Status refused() {
      return refused;
    }

    /**
     * The result of task {@code never}.
     */
    Status never() {
      return never;
    }
  }
}

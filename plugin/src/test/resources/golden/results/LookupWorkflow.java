package dev.hookc.test.results.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.expr.Js;
import dev.hookc.runtime.internal.workflow.Retry;
import dev.hookc.runtime.internal.workflow.TaskRunner;
import dev.hookc.runtime.workflow.FunctionContext;
import dev.hookc.runtime.workflow.Status;
import dev.hookc.test.results.functions.FindOrder;
import dev.hookc.test.results.functions.FindOrderArgs;
import dev.hookc.test.results.functions.FindOrderFunction;
import javax.annotation.processing.Generated;

/**
 * Workflow {@code lookup}: A function declared to return Status ends the workflow with
 * Status.error(...).andReturn(), from {@code src/functions/lookup.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class LookupWorkflow {
  private final JsonNode config;

  private final FindOrderFunction findOrder;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public LookupWorkflow(Wiring wiring) {
    this.config = wiring.config();
    this.findOrder = wiring.function(FindOrderFunction.class, () -> new FindOrder());
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(LookupInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    last = outputs.found = found(inputs, outputs);
    if (last.returned()) {
      return last.asResult();
    }
    last = outputs.answer = answer(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code found}, calling {@code findOrder} ({@code src/functions/lookup.yaml:3:5}).
   */
  private Status found(LookupInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "found (src/functions/lookup.yaml:3:5)",
        Retry.NONE,
        () -> Status.of(
            findOrder.apply(
                new FindOrderArgs(inputs.body().getId()),
                context("findOrder", inputs))));
  }

  /**
   * Task {@code answer}, calling {@code com.gs.return} ({@code src/functions/lookup.yaml:7:5}).
   */
  private Status answer(LookupInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "answer (src/functions/lookup.yaml:7:5)",
        Retry.NONE,
        () -> Status.returning(Js.object("order", outputs.found().data(), "after", "lookup")));
  }

  private FunctionContext context(String function, LookupInputs inputs) {
    return new FunctionContext(FunctionContext.loggerFor(function), config, inputs::toJson);
  }

  /**
   * The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.
   */
  static final class Outputs {
    private volatile Status found;

    private volatile Status answer;

    /**
     * The result of task {@code found}.
     */
    Status found() {
      return found;
    }

    /**
     * The result of task {@code answer}.
     */
    Status answer() {
      return answer;
    }
  }
}

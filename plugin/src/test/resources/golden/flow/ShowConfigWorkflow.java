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
 * Workflow {@code show_config}, from {@code src/functions/show_config.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class ShowConfigWorkflow {
  private final JsonNode config;

  private final DoubleItWorkflow doubleItWorkflow;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public ShowConfigWorkflow(Wiring wiring) {
    this.config = wiring.config();
    this.doubleItWorkflow = new DoubleItWorkflow(wiring);
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(ShowConfigInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    last = outputs.nested = nested(inputs, outputs);
    if (last.returned()) {
      return last.asResult();
    }
    last = outputs.answer = answer(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code nested}, calling {@code double_it} ({@code src/functions/show_config.yaml:2:5}).
   */
  private Status nested(ShowConfigInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "nested (src/functions/show_config.yaml:2:5)",
        Retry.NONE,
        () -> doubleItWorkflow.run(DoubleItInputs.fromJson(Status.toJson(Js.object("body",
            Js.object("n", Js.member(Js.member(config, "limits"), "max")))))).asResult());
  }

  /**
   * Task {@code answer}, calling {@code com.gs.return} ({@code
   * src/functions/show_config.yaml:7:5}).
   */
  private Status answer(ShowConfigInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "answer (src/functions/show_config.yaml:7:5)",
        Retry.NONE,
        () -> Status.returning(Js.object("greeting", Js.member(config, "greeting"), "doubled",
            outputs.nested().data())));
  }

  private FunctionContext context(String function, ShowConfigInputs inputs) {
    return new FunctionContext(FunctionContext.loggerFor(function), config, inputs::toJson);
  }

  /**
   * The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.
   */
  static final class Outputs {
    private volatile Status nested;

    private volatile Status answer;

    /**
     * The result of task {@code nested}.
     */
    Status nested() {
      return nested;
    }

    /**
     * The result of task {@code answer}.
     */
    Status answer() {
      return answer;
    }
  }
}

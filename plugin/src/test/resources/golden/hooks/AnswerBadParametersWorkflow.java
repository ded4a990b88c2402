package dev.hookc.test.hooks.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.expr.Js;
import dev.hookc.runtime.internal.workflow.Retry;
import dev.hookc.runtime.internal.workflow.TaskRunner;
import dev.hookc.runtime.workflow.FunctionContext;
import dev.hookc.runtime.workflow.Status;
import javax.annotation.processing.Generated;

/**
 * Workflow {@code answerBadParameters}: Answers a request with bad parameters in the project's own
 * shape, from {@code src/functions/answerBadParameters.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class AnswerBadParametersWorkflow {
  private final JsonNode config;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public AnswerBadParametersWorkflow(Wiring wiring) {
    this.config = wiring.config();
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(AnswerBadParametersInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    last = outputs.answer = answer(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code answer}, calling {@code com.gs.return} ({@code
   * src/functions/answerBadParameters.yaml:3:5}).
   */
  private Status answer(AnswerBadParametersInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "answer (src/functions/answerBadParameters.yaml:3:5)",
        Retry.NONE,
        () -> Status.returning(Js.object("code", 404L, "data", Js.object("message", "no item "
            + Js.string(Js.member(inputs.params(), "id")), "status",
            Js.asLong(Js.member(inputs.validationError(), "status")), "in",
            Js.member(Js.index(Js.member(inputs.validationError(), "errors"), 0L), "in"), "pointer",
            Js.member(Js.index(Js.member(inputs.validationError(), "errors"), 0L), "pointer")))));
  }

  private FunctionContext context(String function, AnswerBadParametersInputs inputs) {
    return new FunctionContext(FunctionContext.loggerFor(function), config, inputs::toJson);
  }

  /**
   * The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.
   */
  static final class Outputs {
    private volatile Status answer;

    /**
     * The result of task {@code answer}.
     */
    Status answer() {
      return answer;
    }
  }
}

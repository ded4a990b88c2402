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
 * Workflow {@code echo_raw}: Answers with the raw body and cookies its caller passed as args, from
 * {@code src/functions/echo_raw.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class EchoRawWorkflow {
  private final JsonNode config;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public EchoRawWorkflow(Wiring wiring) {
    this.config = wiring.config();
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(EchoRawInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    last = outputs.answer = answer(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code answer}, calling {@code com.gs.return} ({@code src/functions/echo_raw.yaml:3:5}).
   */
  private Status answer(EchoRawInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "answer (src/functions/echo_raw.yaml:3:5)",
        Retry.NONE,
        () -> Status.returning(Js.object("raw", inputs.rawBody(), "session",
            Js.asString(Js.member(inputs.cookies(), "session")))));
  }

  private FunctionContext context(String function, EchoRawInputs inputs) {
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

package dev.hookc.test.hooks.workflows.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.expr.Js;
import dev.hookc.runtime.internal.workflow.Retry;
import dev.hookc.runtime.internal.workflow.TaskRunner;
import dev.hookc.runtime.workflow.FunctionContext;
import dev.hookc.runtime.workflow.Status;
import javax.annotation.processing.Generated;

/**
 * Workflow {@code hooks.PostResponseResponseValidationError}: on_response_validation_error of
 * http.post./response, from {@code src/events/hooks.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class PostResponseResponseValidationErrorWorkflow {
  private final JsonNode config;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public PostResponseResponseValidationErrorWorkflow(Wiring wiring) {
    this.config = wiring.config();
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(PostResponseResponseValidationErrorInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    last = outputs.attachResponse = attachResponse(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code attach_response}, calling {@code com.gs.return} ({@code
   * src/events/hooks.yaml:75:7}).
   */
  private Status attachResponse(PostResponseResponseValidationErrorInputs inputs, Outputs outputs)
      throws Exception {
    return TaskRunner.shared().run(
        "attach_response (src/events/hooks.yaml:75:7)",
        Retry.NONE,
        () -> Status.returning(Js.object("code", 500L, "data", Js.object("message",
            "The API response does not match its schema.", "error",
            Js.member(inputs.validationError(), "errors"), "response", Js.member(inputs.response(),
            "data"), "code", Js.asLong(Js.member(inputs.response(), "code"))))));
  }

  private FunctionContext context(String function,
      PostResponseResponseValidationErrorInputs inputs) {
    return new FunctionContext(FunctionContext.loggerFor(function), config, inputs::toJson);
  }

  /**
   * The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.
   */
  static final class Outputs {
    private volatile Status attachResponse;

    /**
     * The result of task {@code attach_response}.
     */
    Status attachResponse() {
      return attachResponse;
    }
  }
}

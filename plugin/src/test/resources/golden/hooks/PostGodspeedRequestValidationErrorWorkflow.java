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
 * Workflow {@code hooks.PostGodspeedRequestValidationError}: on_request_validation_error of
 * http.post./godspeed, from {@code src/events/hooks.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class PostGodspeedRequestValidationErrorWorkflow {
  private final JsonNode config;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public PostGodspeedRequestValidationErrorWorkflow(Wiring wiring) {
    this.config = wiring.config();
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(PostGodspeedRequestValidationErrorInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    last = outputs.godspeedShape = godspeedShape(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code godspeed_shape}, calling {@code com.gs.return} ({@code
   * src/events/hooks.yaml:12:7}).
   */
  private Status godspeedShape(PostGodspeedRequestValidationErrorInputs inputs, Outputs outputs)
      throws Exception {
    return TaskRunner.shared().run(
        "godspeed_shape (src/events/hooks.yaml:12:7)",
        Retry.NONE,
        () -> Status.returning(Js.object("code", 400L, "data", Js.object("message",
            "The API cannot be executed due to a failure in request body schema validation.",
            "error", Js.member(inputs.validationError(), "errors"), "eventBody", inputs.body()))));
  }

  private FunctionContext context(String function,
      PostGodspeedRequestValidationErrorInputs inputs) {
    return new FunctionContext(FunctionContext.loggerFor(function), config, inputs::toJson);
  }

  /**
   * The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.
   */
  static final class Outputs {
    private volatile Status godspeedShape;

    /**
     * The result of task {@code godspeed_shape}.
     */
    Status godspeedShape() {
      return godspeedShape;
    }
  }
}

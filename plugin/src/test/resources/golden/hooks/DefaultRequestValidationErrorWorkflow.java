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
 * Workflow {@code hooks.DefaultRequestValidationError}: on_request_validation_error, the default in
 * http.yaml, from {@code src/eventsources/http.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class DefaultRequestValidationErrorWorkflow {
  private final JsonNode config;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public DefaultRequestValidationErrorWorkflow(Wiring wiring) {
    this.config = wiring.config();
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(DefaultRequestValidationErrorInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    last = outputs.projectShape = projectShape(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code project_shape}, calling {@code com.gs.return} ({@code
   * src/eventsources/http.yaml:3:5}).
   */
  private Status projectShape(DefaultRequestValidationErrorInputs inputs, Outputs outputs) throws
      Exception {
    return TaskRunner.shared().run(
        "project_shape (src/eventsources/http.yaml:3:5)",
        Retry.NONE,
        () -> Status.returning(Js.object("code", 422L, "data", Js.object("source", "http.yaml",
            "count", Js.asLong(Js.member(inputs.validationError(), "error_count")), "detail",
            Js.asString(Js.member(inputs.validationError(), "detail"))))));
  }

  private FunctionContext context(String function, DefaultRequestValidationErrorInputs inputs) {
    return new FunctionContext(FunctionContext.loggerFor(function), config, inputs::toJson);
  }

  /**
   * The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.
   */
  static final class Outputs {
    private volatile Status projectShape;

    /**
     * The result of task {@code project_shape}.
     */
    Status projectShape() {
      return projectShape;
    }
  }
}

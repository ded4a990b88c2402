package dev.hookc.test.flow.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.expr.Js;
import dev.hookc.runtime.internal.workflow.Retry;
import dev.hookc.runtime.internal.workflow.TaskLog;
import dev.hookc.runtime.internal.workflow.TaskRunner;
import dev.hookc.runtime.workflow.FunctionContext;
import dev.hookc.runtime.workflow.Status;
import javax.annotation.processing.Generated;

/**
 * Workflow {@code log_and_transform}: com.gs.log, then com.gs.transform, from {@code
 * src/functions/log_and_transform.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class LogAndTransformWorkflow {
  private static final System.Logger LOG = System.getLogger("hookc.workflows.log_and_transform");

  private final JsonNode config;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public LogAndTransformWorkflow(Wiring wiring) {
    this.config = wiring.config();
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(LogAndTransformInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    last = outputs.logRequest = logRequest(inputs, outputs);
    if (last.returned()) {
      return last.asResult();
    }
    last = outputs.greet = greet(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code log_request}, calling {@code com.gs.log} ({@code
   * src/functions/log_and_transform.yaml:3:5}).
   */
  private Status logRequest(LogAndTransformInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "log_request (src/functions/log_and_transform.yaml:3:5)",
        Retry.NONE,
        () -> TaskLog.log(LOG, "info", inputs.body()));
  }

  /**
   * Task {@code greet}, calling {@code com.gs.transform} ({@code
   * src/functions/log_and_transform.yaml:8:5}).
   */
  private Status greet(LogAndTransformInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "greet (src/functions/log_and_transform.yaml:8:5)",
        Retry.NONE,
        () -> Status.of(Js.object("greeting", "Hello " + Js.string(Js.member(inputs.body(),
            "name")))));
  }

  private FunctionContext context(String function, LogAndTransformInputs inputs) {
    return new FunctionContext(FunctionContext.loggerFor(function), config, inputs::toJson);
  }

  /**
   * The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.
   */
  static final class Outputs {
    private volatile Status logRequest;

    private volatile Status greet;

    /**
     * The result of task {@code log_request}.
     */
    Status logRequest() {
      return logRequest;
    }

    /**
     * The result of task {@code greet}.
     */
    Status greet() {
      return greet;
    }
  }
}

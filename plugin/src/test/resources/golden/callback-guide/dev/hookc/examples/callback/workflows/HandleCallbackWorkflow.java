package dev.hookc.examples.callback.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.examples.callback.functions.ProcessData;
import dev.hookc.examples.callback.functions.ProcessDataArgs;
import dev.hookc.examples.callback.functions.ProcessDataFunction;
import dev.hookc.examples.callback.functions.ValidateCallbackData;
import dev.hookc.examples.callback.functions.ValidateCallbackDataArgs;
import dev.hookc.examples.callback.functions.ValidateCallbackDataFunction;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.expr.Js;
import dev.hookc.runtime.internal.workflow.Retry;
import dev.hookc.runtime.internal.workflow.TaskRunner;
import dev.hookc.runtime.workflow.FunctionContext;
import dev.hookc.runtime.workflow.Status;
import javax.annotation.processing.Generated;

/**
 * Workflow {@code handleCallback}: Process callback data from external service, from {@code
 * src/functions/handleCallback.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class HandleCallbackWorkflow {
  private final JsonNode config;

  private final ProcessDataFunction processData;

  private final ValidateCallbackDataFunction validateCallbackData;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public HandleCallbackWorkflow(Wiring wiring) {
    this.config = wiring.config();
    this.processData = wiring.function(ProcessDataFunction.class, () -> new ProcessData());
    this.validateCallbackData =
        wiring.function(ValidateCallbackDataFunction.class, () -> new ValidateCallbackData());
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(HandleCallbackInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    last = outputs.validateCallback = validateCallback(inputs, outputs);
    if (last.returned()) {
      return last.asResult();
    }
    last = outputs.processData = processData(inputs, outputs);
    if (last.returned()) {
      return last.asResult();
    }
    last = outputs.respondSuccess = respondSuccess(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code validate_callback}, calling {@code validateCallbackData} ({@code
   * src/functions/handleCallback.yaml:4:5}).
   */
  private Status validateCallback(HandleCallbackInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "validate_callback (src/functions/handleCallback.yaml:4:5)",
        Retry.NONE,
        () -> Status.of(
            validateCallbackData.apply(
                new ValidateCallbackDataArgs(inputs.body().getData(), inputs.body().getStatus()),
                context("validateCallbackData", inputs))));
  }

  /**
   * Task {@code process_data}, calling {@code processData} ({@code
   * src/functions/handleCallback.yaml:10:5}).
   */
  private Status processData(HandleCallbackInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "process_data (src/functions/handleCallback.yaml:10:5)",
        Retry.NONE,
        () -> Status.ofData(
            processData.apply(
                new ProcessDataArgs(outputs.validateCallback().data()),
                context("processData", inputs))));
  }

  /**
   * Task {@code respond_success} ({@code src/functions/handleCallback.yaml:15:5}).
   */
  private Status respondSuccess(HandleCallbackInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "respond_success (src/functions/handleCallback.yaml:15:5)",
        Retry.NONE,
        () -> Status.returning(Js.object("statusCode", 200L, "body", Js.object("message",
            "Callback received and processed successfully"))));
  }

  private FunctionContext context(String function, HandleCallbackInputs inputs) {
    return new FunctionContext(FunctionContext.loggerFor(function), config, inputs::toJson);
  }

  /**
   * The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.
   */
  static final class Outputs {
    private volatile Status validateCallback;

    private volatile Status processData;

    private volatile Status respondSuccess;

    /**
     * The result of task {@code validate_callback}.
     */
    Status validateCallback() {
      return validateCallback;
    }

    /**
     * The result of task {@code process_data}.
     */
    Status processData() {
      return processData;
    }

    /**
     * The result of task {@code respond_success}.
     */
    Status respondSuccess() {
      return respondSuccess;
    }
  }
}

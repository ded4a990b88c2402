package dev.hookc.test.flow.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.workflow.Retry;
import dev.hookc.runtime.internal.workflow.TaskRunner;
import dev.hookc.runtime.workflow.FunctionContext;
import dev.hookc.runtime.workflow.Status;
import dev.hookc.test.flow.functions.Boom;
import dev.hookc.test.flow.functions.BoomArgs;
import dev.hookc.test.flow.functions.BoomFunction;
import javax.annotation.processing.Generated;

/**
 * Workflow {@code crash}, from {@code src/functions/crash.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class CrashWorkflow {
  private final JsonNode config;

  private final BoomFunction boom;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public CrashWorkflow(Wiring wiring) {
    this.config = wiring.config();
    this.boom = wiring.function(BoomFunction.class, () -> new Boom());
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(CrashInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    last = outputs.callBoom = callBoom(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code call_boom}, calling {@code boom} ({@code src/functions/crash.yaml:2:5}).
   */
  private Status callBoom(CrashInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "call_boom (src/functions/crash.yaml:2:5)",
        Retry.NONE,
        () -> Status.of(boom.apply(new BoomArgs(), context("boom", inputs))));
  }

  private FunctionContext context(String function, CrashInputs inputs) {
    return new FunctionContext(FunctionContext.loggerFor(function), config, inputs::toJson);
  }

  /**
   * The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.
   */
  static final class Outputs {
    private volatile Status callBoom;

    /**
     * The result of task {@code call_boom}.
     */
    Status callBoom() {
      return callBoom;
    }
  }
}

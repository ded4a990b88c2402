package dev.hookc.test.results.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.workflow.Retry;
import dev.hookc.runtime.internal.workflow.TaskRunner;
import dev.hookc.runtime.workflow.FunctionContext;
import dev.hookc.runtime.workflow.Status;
import dev.hookc.test.results.functions.StampRequest;
import dev.hookc.test.results.functions.StampRequestArgs;
import dev.hookc.test.results.functions.StampRequestFunction;
import javax.annotation.processing.Generated;

/**
 * Workflow {@code stamp}: A function made with what hookc injects into its constructor, from {@code
 * src/functions/stamp.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class StampWorkflow {
  private final JsonNode config;

  private final StampRequestFunction stampRequest;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public StampWorkflow(Wiring wiring) {
    this.config = wiring.config();
    this.stampRequest =
        wiring.function(
            StampRequestFunction.class,
            () -> new StampRequest(
                wiring.config(),
                wiring.clock(),
                FunctionContext.loggerFor("stampRequest"),
                wiring.httpClient()));
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(StampInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    last = outputs.stamped = stamped(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code stamped}, calling {@code stampRequest} ({@code src/functions/stamp.yaml:3:5}).
   */
  private Status stamped(StampInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "stamped (src/functions/stamp.yaml:3:5)",
        Retry.NONE,
        () -> Status.ofData(
            stampRequest.apply(
                new StampRequestArgs("first"),
                context("stampRequest", inputs))));
  }

  private FunctionContext context(String function, StampInputs inputs) {
    return new FunctionContext(FunctionContext.loggerFor(function), config, inputs::toJson);
  }

  /**
   * The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.
   */
  static final class Outputs {
    private volatile Status stamped;

    /**
     * The result of task {@code stamped}.
     */
    Status stamped() {
      return stamped;
    }
  }
}

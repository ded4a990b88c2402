package dev.hookc.test.results.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.workflow.Retry;
import dev.hookc.runtime.internal.workflow.TaskRunner;
import dev.hookc.runtime.workflow.FunctionContext;
import dev.hookc.runtime.workflow.Status;
import dev.hookc.test.results.functions.RateOf;
import dev.hookc.test.results.functions.RateOfArgs;
import dev.hookc.test.results.functions.RateOfFunction;
import javax.annotation.processing.Generated;

/**
 * Workflow {@code rates}: A function declared to return a Map answers its data, even with a 'code'
 * key, from {@code src/functions/rates.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class RatesWorkflow {
  private final JsonNode config;

  private final RateOfFunction rateOf;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public RatesWorkflow(Wiring wiring) {
    this.config = wiring.config();
    this.rateOf = wiring.function(RateOfFunction.class, () -> new RateOf());
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(RatesInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    last = outputs.rate = rate(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code rate}, calling {@code rateOf} ({@code src/functions/rates.yaml:3:5}).
   */
  private Status rate(RatesInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "rate (src/functions/rates.yaml:3:5)",
        Retry.NONE,
        () -> Status.ofData(rateOf.apply(new RateOfArgs("EUR"), context("rateOf", inputs))));
  }

  private FunctionContext context(String function, RatesInputs inputs) {
    return new FunctionContext(FunctionContext.loggerFor(function), config, inputs::toJson);
  }

  /**
   * The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.
   */
  static final class Outputs {
    private volatile Status rate;

    /**
     * The result of task {@code rate}.
     */
    Status rate() {
      return rate;
    }
  }
}

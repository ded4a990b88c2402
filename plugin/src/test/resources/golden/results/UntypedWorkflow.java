package dev.hookc.test.results.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.workflow.Retry;
import dev.hookc.runtime.internal.workflow.TaskRunner;
import dev.hookc.runtime.workflow.FunctionContext;
import dev.hookc.runtime.workflow.Status;
import dev.hookc.test.results.functions.GodspeedStyle;
import dev.hookc.test.results.functions.GodspeedStyleArgs;
import dev.hookc.test.results.functions.GodspeedStyleFunction;
import javax.annotation.processing.Generated;

/**
 * Workflow {@code untyped}: A function declared to return Object keeps Godspeed's status rules,
 * from {@code src/functions/untyped.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class UntypedWorkflow {
  private final JsonNode config;

  private final GodspeedStyleFunction godspeedStyle;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public UntypedWorkflow(Wiring wiring) {
    this.config = wiring.config();
    this.godspeedStyle = wiring.function(GodspeedStyleFunction.class, () -> new GodspeedStyle());
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(UntypedInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    last = outputs.answer = answer(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code answer}, calling {@code godspeedStyle} ({@code src/functions/untyped.yaml:3:5}).
   */
  private Status answer(UntypedInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "answer (src/functions/untyped.yaml:3:5)",
        Retry.NONE,
        () -> Status.of(
            godspeedStyle.apply(
                new GodspeedStyleArgs(201L),
                context("godspeedStyle", inputs))));
  }

  private FunctionContext context(String function, UntypedInputs inputs) {
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

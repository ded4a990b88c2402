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
 * Workflow {@code sequential}, from {@code src/functions/sequential.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class SequentialWorkflow {
  private final JsonNode config;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public SequentialWorkflow(Wiring wiring) {
    this.config = wiring.config();
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(SequentialInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    last = outputs.steps = steps(inputs, outputs);
    if (last.returned()) {
      return last.asResult();
    }
    last = outputs.answer = answer(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code steps}, calling {@code com.gs.sequential} ({@code
   * src/functions/sequential.yaml:2:5}).
   */
  private Status steps(SequentialInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run("steps (src/functions/sequential.yaml:2:5)", Retry.NONE, () -> {
      Status last = Status.ok(null);
      last = outputs.first = first(inputs, outputs);
      if (last.returned()) {
        return last;
      }
      last = outputs.second = second(inputs, outputs);
      return last;
    });
  }

  /**
   * Task {@code first}, calling {@code com.gs.transform} ({@code
   * src/functions/sequential.yaml:5:9}).
   */
  private Status first(SequentialInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "first (src/functions/sequential.yaml:5:9)",
        Retry.NONE,
        () -> Status.of(Js.plus(Js.member(inputs.body(), "n"), 1L)));
  }

  /**
   * Task {@code second}, calling {@code com.gs.transform} ({@code
   * src/functions/sequential.yaml:8:9}).
   */
  private Status second(SequentialInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "second (src/functions/sequential.yaml:8:9)",
        Retry.NONE,
        () -> Status.of(Js.times(outputs.first().data(), 10L)));
  }

  /**
   * Task {@code answer}, calling {@code com.gs.return} ({@code
   * src/functions/sequential.yaml:11:5}).
   */
  private Status answer(SequentialInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "answer (src/functions/sequential.yaml:11:5)",
        Retry.NONE,
        () -> Status.returning(Js.object("last", outputs.steps().data(), "first",
            outputs.first().data())));
  }

  private FunctionContext context(String function, SequentialInputs inputs) {
    return new FunctionContext(FunctionContext.loggerFor(function), config, inputs::toJson);
  }

  /**
   * The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.
   */
  static final class Outputs {
    private volatile Status steps;

    private volatile Status first;

    private volatile Status second;

    private volatile Status answer;

    /**
     * The result of task {@code steps}.
     */
    Status steps() {
      return steps;
    }

    /**
     * The result of task {@code first}.
     */
    Status first() {
      return first;
    }

    /**
     * The result of task {@code second}.
     */
    Status second() {
      return second;
    }

    /**
     * The result of task {@code answer}.
     */
    Status answer() {
      return answer;
    }
  }
}

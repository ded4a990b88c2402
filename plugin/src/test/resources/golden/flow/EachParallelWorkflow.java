package dev.hookc.test.flow.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.expr.Js;
import dev.hookc.runtime.internal.workflow.Branches;
import dev.hookc.runtime.internal.workflow.Loops;
import dev.hookc.runtime.internal.workflow.Retry;
import dev.hookc.runtime.internal.workflow.TaskBody;
import dev.hookc.runtime.internal.workflow.TaskRunner;
import dev.hookc.runtime.workflow.FunctionContext;
import dev.hookc.runtime.workflow.Status;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Workflow {@code each_parallel}, from {@code src/functions/each_parallel.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class EachParallelWorkflow {
  private final JsonNode config;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public EachParallelWorkflow(Wiring wiring) {
    this.config = wiring.config();
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(EachParallelInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    last = outputs.doubled = doubled(inputs, outputs);
    if (last.returned()) {
      return last.asResult();
    }
    last = outputs.answer = answer(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code doubled}, calling {@code com.gs.each_parallel} ({@code
   * src/functions/each_parallel.yaml:2:5}).
   */
  private Status doubled(EachParallelInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "doubled (src/functions/each_parallel.yaml:2:5)",
        Retry.NONE,
        () -> {
          List<TaskBody> branches = new ArrayList<>();
          for (JsonNode item : Loops.items(Js.member(inputs.body(), "numbers"))) {
            // Each item gets its own copy of the results, so items never see each other's.
            Outputs own = outputs.copy();
            branches.add(() -> doubledItem(inputs, own, item));
          }
          return Status.branches(Branches.shared().all(branches));
        });
  }

  /**
   * The tasks of {@code doubled} for one item, {@code task_value}.
   */
  private Status doubledItem(EachParallelInputs inputs, Outputs outputs, JsonNode taskValue) throws
      Exception {
    Status last = Status.ok(null);
    last = outputs.double_ = double_(inputs, outputs, taskValue);
    if (last.returned()) {
      return last;
    }
    last = outputs.described = described(inputs, outputs, taskValue);
    return last;
  }

  /**
   * Task {@code double}, calling {@code com.gs.transform} ({@code
   * src/functions/each_parallel.yaml:6:9}).
   */
  private Status double_(EachParallelInputs inputs, Outputs outputs, JsonNode taskValue) throws
      Exception {
    return TaskRunner.shared().run(
        "double (src/functions/each_parallel.yaml:6:9)",
        Retry.NONE,
        () -> Status.of(Js.times(taskValue, 2L)));
  }

  /**
   * Task {@code described}, calling {@code com.gs.transform} ({@code
   * src/functions/each_parallel.yaml:9:9}).
   */
  private Status described(EachParallelInputs inputs, Outputs outputs, JsonNode taskValue) throws
      Exception {
    return TaskRunner.shared().run(
        "described (src/functions/each_parallel.yaml:9:9)",
        Retry.NONE,
        () -> Status.of((Js.string(outputs.double_().data()) + " from ") + Js.string(taskValue)));
  }

  /**
   * Task {@code answer}, calling {@code com.gs.return} ({@code
   * src/functions/each_parallel.yaml:12:5}).
   */
  private Status answer(EachParallelInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "answer (src/functions/each_parallel.yaml:12:5)",
        Retry.NONE,
        () -> Status.returning(outputs.doubled().data()));
  }

  private FunctionContext context(String function, EachParallelInputs inputs) {
    return new FunctionContext(FunctionContext.loggerFor(function), config, inputs::toJson);
  }

  /**
   * The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.
   * Each loop item works on its own {@link #copy()}.
   */
  static final class Outputs {
    private volatile Status doubled;

    private volatile Status double_;

    private volatile Status described;

    private volatile Status answer;

    /**
     * The result of task {@code doubled}.
     */
    Status doubled() {
      return doubled;
    }

    /**
     * The result of task {@code double}.
     */
    Status double_() {
      return double_;
    }

    /**
     * The result of task {@code described}.
     */
    Status described() {
      return described;
    }

    /**
     * The result of task {@code answer}.
     */
    Status answer() {
      return answer;
    }

    /**
     * A copy holding the same results, for one loop item.
     */
    Outputs copy() {
      Outputs copy = new Outputs();
      copy.doubled = doubled;
      copy.double_ = double_;
      copy.described = described;
      copy.answer = answer;
      return copy;
    }
  }
}

package dev.hookc.test.flow.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.expr.JsMethods;
import dev.hookc.runtime.internal.workflow.Loops;
import dev.hookc.runtime.internal.workflow.Retry;
import dev.hookc.runtime.internal.workflow.TaskRunner;
import dev.hookc.runtime.workflow.FunctionContext;
import dev.hookc.runtime.workflow.Status;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Workflow {@code each_sequential}, from {@code src/functions/each_sequential.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class EachSequentialWorkflow {
  private final JsonNode config;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public EachSequentialWorkflow(Wiring wiring) {
    this.config = wiring.config();
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(EachSequentialInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    last = outputs.shout = shout(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code shout}, calling {@code com.gs.each_sequential} ({@code
   * src/functions/each_sequential.yaml:2:5}).
   */
  private Status shout(EachSequentialInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "shout (src/functions/each_sequential.yaml:2:5)",
        Retry.NONE,
        () -> {
          List<Status> results = new ArrayList<>();
          for (String item : Loops.items(inputs.body().getItems())) {
            Status result = shoutItem(inputs, outputs.copy(), item);
            results.add(result);
            if (result.returned()) {
              break;
            }
          }
          return Status.branches(results);
        });
  }

  /**
   * The tasks of {@code shout} for one item, {@code task_value}.
   */
  private Status shoutItem(EachSequentialInputs inputs, Outputs outputs, String taskValue) throws
      Exception {
    Status last = Status.ok(null);
    last = outputs.upper = upper(inputs, outputs, taskValue);
    return last;
  }

  /**
   * Task {@code upper}, calling {@code com.gs.transform} ({@code
   * src/functions/each_sequential.yaml:6:9}).
   */
  private Status upper(EachSequentialInputs inputs, Outputs outputs, String taskValue) throws
      Exception {
    return TaskRunner.shared().run(
        "upper (src/functions/each_sequential.yaml:6:9)",
        Retry.NONE,
        () -> Status.of(JsMethods.toUpperCase(taskValue)));
  }

  private FunctionContext context(String function, EachSequentialInputs inputs) {
    return new FunctionContext(FunctionContext.loggerFor(function), config, inputs::toJson);
  }

  /**
   * The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.
   * Each loop item works on its own {@link #copy()}.
   */
  static final class Outputs {
    private volatile Status shout;

    private volatile Status upper;

    /**
     * The result of task {@code shout}.
     */
    Status shout() {
      return shout;
    }

    /**
     * The result of task {@code upper}.
     */
    Status upper() {
      return upper;
    }

    /**
     * A copy holding the same results, for one loop item.
     */
    Outputs copy() {
      Outputs copy = new Outputs();
      copy.shout = shout;
      copy.upper = upper;
      return copy;
    }
  }
}

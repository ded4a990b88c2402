package dev.hookc.test.flow.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.expr.Js;
import dev.hookc.runtime.internal.workflow.Branches;
import dev.hookc.runtime.internal.workflow.Retry;
import dev.hookc.runtime.internal.workflow.TaskBody;
import dev.hookc.runtime.internal.workflow.TaskRunner;
import dev.hookc.runtime.workflow.FunctionContext;
import dev.hookc.runtime.workflow.Status;
import dev.hookc.test.flow.functions.Meet;
import dev.hookc.test.flow.functions.MeetArgs;
import dev.hookc.test.flow.functions.MeetFunction;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Workflow {@code parallel}, from {@code src/functions/parallel.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class ParallelWorkflow {
  private final JsonNode config;

  private final MeetFunction meet;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public ParallelWorkflow(Wiring wiring) {
    this.config = wiring.config();
    this.meet = wiring.function(MeetFunction.class, () -> new Meet());
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(ParallelInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    last = outputs.both = both(inputs, outputs);
    if (last.returned()) {
      return last.asResult();
    }
    last = outputs.answer = answer(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code both}, calling {@code com.gs.parallel} ({@code src/functions/parallel.yaml:2:5}).
   */
  private Status both(ParallelInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run("both (src/functions/parallel.yaml:2:5)", Retry.NONE, () -> {
      return Status.branches(Branches.shared().all(List.<TaskBody>of(
            () -> outputs.left = left(inputs, outputs),
            () -> outputs.right = right(inputs, outputs))));
    });
  }

  /**
   * Task {@code left}, calling {@code meet} ({@code src/functions/parallel.yaml:5:9}).
   */
  private Status left(ParallelInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "left (src/functions/parallel.yaml:5:9)",
        Retry.NONE,
        () -> Status.of(meet.apply(new MeetArgs("left"), context("meet", inputs))));
  }

  /**
   * Task {@code right}, calling {@code meet} ({@code src/functions/parallel.yaml:9:9}).
   */
  private Status right(ParallelInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "right (src/functions/parallel.yaml:9:9)",
        Retry.NONE,
        () -> Status.of(meet.apply(new MeetArgs("right"), context("meet", inputs))));
  }

  /**
   * Task {@code answer}, calling {@code com.gs.return} ({@code src/functions/parallel.yaml:13:5}).
   */
  private Status answer(ParallelInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "answer (src/functions/parallel.yaml:13:5)",
        Retry.NONE,
        () -> Status.returning(Js.object("left", outputs.left().data(), "right",
            outputs.right().data(), "results", Js.member(outputs.both().data(), "length"))));
  }

  private FunctionContext context(String function, ParallelInputs inputs) {
    return new FunctionContext(FunctionContext.loggerFor(function), config, inputs::toJson);
  }

  /**
   * The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.
   */
  static final class Outputs {
    private volatile Status both;

    private volatile Status left;

    private volatile Status right;

    private volatile Status answer;

    /**
     * The result of task {@code both}.
     */
    Status both() {
      return both;
    }

    /**
     * The result of task {@code left}.
     */
    Status left() {
      return left;
    }

    /**
     * The result of task {@code right}.
     */
    Status right() {
      return right;
    }

    /**
     * The result of task {@code answer}.
     */
    Status answer() {
      return answer;
    }
  }
}

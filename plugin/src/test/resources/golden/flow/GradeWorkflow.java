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
 * Workflow {@code grade}, from {@code src/functions/grade.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class GradeWorkflow {
  private final JsonNode config;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public GradeWorkflow(Wiring wiring) {
    this.config = wiring.config();
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(GradeInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    // src/functions/grade.yaml:2:5
    if (Js.ge(Js.member(inputs.body(), "amount"), 100L)) {
      last = gold(inputs, outputs);
    } else if (Js.ge(Js.member(inputs.body(), "amount"), 10L)) {
      last = outputs.silver = silver(inputs, outputs);
    } else {
      last = outputs.bronze = bronze(inputs, outputs);
    }
    outputs.gold = last;
    if (last.returned()) {
      return last.asResult();
    }
    last = outputs.answer = answer(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code gold}, calling {@code com.gs.if} ({@code src/functions/grade.yaml:2:5}).
   */
  private Status gold(GradeInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run("gold (src/functions/grade.yaml:2:5)", Retry.NONE, () -> {
      Status last = Status.ok(null);
      last = outputs.goldTier = goldTier(inputs, outputs);
      return last;
    });
  }

  /**
   * Task {@code gold_tier}, calling {@code com.gs.transform} ({@code
   * src/functions/grade.yaml:6:9}).
   */
  private Status goldTier(GradeInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "gold_tier (src/functions/grade.yaml:6:9)",
        Retry.NONE,
        () -> Status.of(Js.object("tier", "gold")));
  }

  /**
   * Task {@code silver}, calling {@code com.gs.elif} ({@code src/functions/grade.yaml:9:5}).
   */
  private Status silver(GradeInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run("silver (src/functions/grade.yaml:9:5)", Retry.NONE, () -> {
      Status last = Status.ok(null);
      last = outputs.silverTier = silverTier(inputs, outputs);
      return last;
    });
  }

  /**
   * Task {@code silver_tier}, calling {@code com.gs.transform} ({@code
   * src/functions/grade.yaml:13:9}).
   */
  private Status silverTier(GradeInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "silver_tier (src/functions/grade.yaml:13:9)",
        Retry.NONE,
        () -> Status.of(Js.object("tier", "silver")));
  }

  /**
   * Task {@code bronze}, calling {@code com.gs.else} ({@code src/functions/grade.yaml:16:5}).
   */
  private Status bronze(GradeInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run("bronze (src/functions/grade.yaml:16:5)", Retry.NONE, () -> {
      Status last = Status.ok(null);
      last = outputs.bronzeTier = bronzeTier(inputs, outputs);
      return last;
    });
  }

  /**
   * Task {@code bronze_tier}, calling {@code com.gs.transform} ({@code
   * src/functions/grade.yaml:19:9}).
   */
  private Status bronzeTier(GradeInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "bronze_tier (src/functions/grade.yaml:19:9)",
        Retry.NONE,
        () -> Status.of(Js.object("tier", "bronze")));
  }

  /**
   * Task {@code answer}, calling {@code com.gs.return} ({@code src/functions/grade.yaml:22:5}).
   */
  private Status answer(GradeInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "answer (src/functions/grade.yaml:22:5)",
        Retry.NONE,
        () -> Status.returning(Js.object("tier", Js.member(outputs.gold().data(), "tier"))));
  }

  private FunctionContext context(String function, GradeInputs inputs) {
    return new FunctionContext(FunctionContext.loggerFor(function), config, inputs::toJson);
  }

  /**
   * The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.
   */
  static final class Outputs {
    private volatile Status gold;

    private volatile Status goldTier;

    private volatile Status silver;

    private volatile Status silverTier;

    private volatile Status bronze;

    private volatile Status bronzeTier;

    private volatile Status answer;

    /**
     * The result of task {@code gold}.
     */
    Status gold() {
      return gold;
    }

    /**
     * The result of task {@code gold_tier}.
     */
    Status goldTier() {
      return goldTier;
    }

    /**
     * The result of task {@code silver}.
     */
    Status silver() {
      return silver;
    }

    /**
     * The result of task {@code silver_tier}.
     */
    Status silverTier() {
      return silverTier;
    }

    /**
     * The result of task {@code bronze}.
     */
    Status bronze() {
      return bronze;
    }

    /**
     * The result of task {@code bronze_tier}.
     */
    Status bronzeTier() {
      return bronzeTier;
    }

    /**
     * The result of task {@code answer}.
     */
    Status answer() {
      return answer;
    }
  }
}

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
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Workflow {@code read_parts}: Reads every part of its inputs from two parallel branches and passes
 * them all to a workflow, from {@code src/functions/read_parts.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class ReadPartsWorkflow {
  private final JsonNode config;

  private final EchoPartsWorkflow echoPartsWorkflow;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public ReadPartsWorkflow(Wiring wiring) {
    this.config = wiring.config();
    this.echoPartsWorkflow = new EchoPartsWorkflow(wiring);
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(ReadPartsInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    last = outputs.both = both(inputs, outputs);
    if (last.returned()) {
      return last.asResult();
    }
    last = outputs.nested = nested(inputs, outputs);
    if (last.returned()) {
      return last.asResult();
    }
    last = outputs.answer = answer(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code both}, calling {@code com.gs.parallel} ({@code src/functions/read_parts.yaml:3:5}).
   */
  private Status both(ReadPartsInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run("both (src/functions/read_parts.yaml:3:5)", Retry.NONE, () -> {
      return Status.branches(Branches.shared().all(List.<TaskBody>of(
            () -> outputs.left = left(inputs, outputs),
            () -> outputs.right = right(inputs, outputs))));
    });
  }

  /**
   * Task {@code left}, calling {@code com.gs.transform} ({@code
   * src/functions/read_parts.yaml:6:9}).
   */
  private Status left(ReadPartsInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "left (src/functions/read_parts.yaml:6:9)",
        Retry.NONE,
        () -> Status.of(Js.object("tag", Js.member(inputs.headers(), "x-tag"), "y",
            Js.member(inputs.query(), "y"), "limit", Js.asLong(Js.member(inputs.query(), "limit")),
            "id", Js.asLong(Js.member(inputs.params(), "id")), "c",
            Js.asString(Js.member(inputs.cookies(), "c")), "user", inputs.user(), "raw",
            inputs.rawBody())));
  }

  /**
   * Task {@code right}, calling {@code com.gs.transform} ({@code
   * src/functions/read_parts.yaml:16:9}).
   */
  private Status right(ReadPartsInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "right (src/functions/read_parts.yaml:16:9)",
        Retry.NONE,
        () -> Status.of(Js.object("tag", Js.member(inputs.headers(), "x-tag"), "y",
            Js.member(inputs.query(), "y"), "limit", Js.asLong(Js.member(inputs.query(), "limit")),
            "id", Js.asLong(Js.member(inputs.params(), "id")), "c",
            Js.asString(Js.member(inputs.cookies(), "c")), "user", inputs.user(), "raw",
            inputs.rawBody())));
  }

  /**
   * Task {@code nested}, calling {@code echo_parts} ({@code src/functions/read_parts.yaml:26:5}).
   */
  private Status nested(ReadPartsInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "nested (src/functions/read_parts.yaml:26:5)",
        Retry.NONE,
        () -> echoPartsWorkflow.run(EchoPartsInputs.fromJson(Status.toJson(inputs))).asResult());
  }

  /**
   * Task {@code answer}, calling {@code com.gs.return} ({@code
   * src/functions/read_parts.yaml:29:5}).
   */
  private Status answer(ReadPartsInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "answer (src/functions/read_parts.yaml:29:5)",
        Retry.NONE,
        () -> Status.returning(Js.object("left", outputs.left().data(), "right",
            outputs.right().data(), "all", inputs, "nested", outputs.nested().data())));
  }

  private FunctionContext context(String function, ReadPartsInputs inputs) {
    return new FunctionContext(FunctionContext.loggerFor(function), config, inputs::toJson);
  }

  /**
   * The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.
   */
  static final class Outputs {
    private volatile Status both;

    private volatile Status left;

    private volatile Status right;

    private volatile Status nested;

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
     * The result of task {@code nested}.
     */
    Status nested() {
      return nested;
    }

    /**
     * The result of task {@code answer}.
     */
    Status answer() {
      return answer;
    }
  }
}

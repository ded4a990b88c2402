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
 * Workflow {@code switch_kind}, from {@code src/functions/switch_kind.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class SwitchKindWorkflow {
  private final JsonNode config;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public SwitchKindWorkflow(Wiring wiring) {
    this.config = wiring.config();
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(SwitchKindInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    last = outputs.byKind = byKind(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code by_kind}, calling {@code com.gs.switch} ({@code
   * src/functions/switch_kind.yaml:2:5}).
   */
  private Status byKind(SwitchKindInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "by_kind (src/functions/switch_kind.yaml:2:5)",
        Retry.NONE,
        () -> {
          String key = Js.string(Js.member(inputs.body(), "kind"));
          if (key.equals("refund")) {
            Status last = Status.ok(null);
            last = outputs.refund = refund(inputs, outputs);
            return last;
          } else if (key.equals("charge")) {
            Status last = Status.ok(null);
            last = outputs.charge = charge(inputs, outputs);
            if (last.returned()) {
              return last;
            }
            last = outputs.charged = charged(inputs, outputs);
            return last;
          } else {
            Status last = Status.ok(null);
            last = outputs.unknownKind = unknownKind(inputs, outputs);
            return last;
          }
        });
  }

  /**
   * Task {@code refund}, calling {@code com.gs.transform} ({@code
   * src/functions/switch_kind.yaml:7:9}).
   */
  private Status refund(SwitchKindInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "refund (src/functions/switch_kind.yaml:7:9)",
        Retry.NONE,
        () -> Status.of(Js.object("action", "refund")));
  }

  /**
   * Task {@code charge}, calling {@code com.gs.transform} ({@code
   * src/functions/switch_kind.yaml:11:11}).
   */
  private Status charge(SwitchKindInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "charge (src/functions/switch_kind.yaml:11:11)",
        Retry.NONE,
        () -> Status.of(Js.object("action", "charge")));
  }

  /**
   * Task {@code charged}, calling {@code com.gs.return} ({@code
   * src/functions/switch_kind.yaml:14:11}).
   */
  private Status charged(SwitchKindInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "charged (src/functions/switch_kind.yaml:14:11)",
        Retry.NONE,
        () -> Status.returning(Js.object("action", Js.member(outputs.charge().data(), "action"),
            "amount", Js.member(inputs.body(), "amount"))));
  }

  /**
   * Task {@code unknown_kind}, calling {@code com.gs.return} ({@code
   * src/functions/switch_kind.yaml:20:7}).
   */
  private Status unknownKind(SwitchKindInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "unknown_kind (src/functions/switch_kind.yaml:20:7)",
        Retry.NONE,
        () -> Status.returning(Js.object("code", 422L, "data", Js.object("error", "unknown kind "
            + Js.string(Js.member(inputs.body(), "kind"))))));
  }

  private FunctionContext context(String function, SwitchKindInputs inputs) {
    return new FunctionContext(FunctionContext.loggerFor(function), config, inputs::toJson);
  }

  /**
   * The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.
   */
  static final class Outputs {
    private volatile Status byKind;

    private volatile Status refund;

    private volatile Status charge;

    private volatile Status charged;

    private volatile Status unknownKind;

    /**
     * The result of task {@code by_kind}.
     */
    Status byKind() {
      return byKind;
    }

    /**
     * The result of task {@code refund}.
     */
    Status refund() {
      return refund;
    }

    /**
     * The result of task {@code charge}.
     */
    Status charge() {
      return charge;
    }

    /**
     * The result of task {@code charged}.
     */
    Status charged() {
      return charged;
    }

    /**
     * The result of task {@code unknown_kind}.
     */
    Status unknownKind() {
      return unknownKind;
    }
  }
}

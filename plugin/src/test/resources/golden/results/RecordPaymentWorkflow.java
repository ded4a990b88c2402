package dev.hookc.test.results.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.expr.Js;
import dev.hookc.runtime.internal.expr.JsMethods;
import dev.hookc.runtime.internal.workflow.Retry;
import dev.hookc.runtime.internal.workflow.TaskRunner;
import dev.hookc.runtime.workflow.FunctionContext;
import dev.hookc.runtime.workflow.Status;
import dev.hookc.test.results.functions.RecordPayment;
import dev.hookc.test.results.functions.RecordPaymentArgs;
import dev.hookc.test.results.functions.RecordPaymentFunction;
import java.math.BigDecimal;
import javax.annotation.processing.Generated;

/**
 * Workflow {@code record_payment}: A function returning a record; expressions read its components,
 * typed, from {@code src/functions/record_payment.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class RecordPaymentWorkflow {
  private final JsonNode config;

  private final RecordPaymentFunction recordPayment;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public RecordPaymentWorkflow(Wiring wiring) {
    this.config = wiring.config();
    this.recordPayment = wiring.function(RecordPaymentFunction.class, () -> new RecordPayment());
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(RecordPaymentInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    last = outputs.recorded = recorded(inputs, outputs);
    if (last.returned()) {
      return last.asResult();
    }
    last = outputs.answer = answer(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code recorded}, calling {@code recordPayment} ({@code
   * src/functions/record_payment.yaml:3:5}).
   */
  private Status recorded(RecordPaymentInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "recorded (src/functions/record_payment.yaml:3:5)",
        Retry.NONE,
        () -> Status.ofData(
            recordPayment.apply(
                new RecordPaymentArgs(inputs.body().getId(), inputs.body().getAmount()),
                context("recordPayment", inputs))));
  }

  /**
   * Task {@code answer}, calling {@code com.gs.return} ({@code
   * src/functions/record_payment.yaml:8:5}).
   */
  private Status answer(RecordPaymentInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "answer (src/functions/record_payment.yaml:8:5)",
        Retry.NONE,
        () -> Status.returning(Js.object("id", Js.asString(Js.member(outputs.recorded().data(),
            "transactionId")), "doubled",
            Js.multiply(Js.asDecimal(Js.member(Js.member(outputs.recorded().data(), "money"),
            "amount")), BigDecimal.valueOf(2L)), "currency",
            JsMethods.toLowerCase(Js.asString(Js.member(Js.member(outputs.recorded().data(),
            "money"), "currency"))), "created", Js.asBoolean(Js.member(outputs.recorded().data(),
            "created")))));
  }

  private FunctionContext context(String function, RecordPaymentInputs inputs) {
    return new FunctionContext(FunctionContext.loggerFor(function), config, inputs::toJson);
  }

  /**
   * The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.
   */
  static final class Outputs {
    private volatile Status recorded;

    private volatile Status answer;

    /**
     * The result of task {@code recorded}.
     */
    Status recorded() {
      return recorded;
    }

    /**
     * The result of task {@code answer}.
     */
    Status answer() {
      return answer;
    }
  }
}

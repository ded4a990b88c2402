package dev.hookc.test.datasources.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.datasource.HttpDatasource;
import dev.hookc.runtime.datasource.JdbcDatasource;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.datasource.HttpTasks;
import dev.hookc.runtime.internal.datasource.JdbcTasks;
import dev.hookc.runtime.internal.datasource.TaskArgs;
import dev.hookc.runtime.internal.expr.Js;
import dev.hookc.runtime.internal.workflow.Retry;
import dev.hookc.runtime.internal.workflow.TaskRunner;
import dev.hookc.runtime.workflow.FunctionContext;
import dev.hookc.runtime.workflow.Status;
import java.time.Duration;
import javax.annotation.processing.Generated;

/**
 * Workflow {@code record_payment}: Records a payment and its order in one transaction, then
 * confirms it with Stripe, from {@code src/functions/record_payment.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class RecordPaymentWorkflow {
  private final JsonNode config;

  private final JdbcDatasource dbDatasource;

  private final HttpDatasource stripeDatasource;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public RecordPaymentWorkflow(Wiring wiring) {
    this.config = wiring.config();
    this.dbDatasource = wiring.jdbc("db");
    this.stripeDatasource = wiring.http("stripe");
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(RecordPaymentInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    last = outputs.record = record(inputs, outputs);
    if (last.returned()) {
      return last.asResult();
    }
    last = outputs.find = find(inputs, outputs);
    if (last.returned()) {
      return last.asResult();
    }
    last = outputs.confirm = confirm(inputs, outputs);
    if (last.returned()) {
      return last.asResult();
    }
    last = outputs.answer = answer(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code record}, calling {@code datasource.db.transaction} ({@code
   * src/functions/record_payment.yaml:3:5}).
   */
  private Status record(RecordPaymentInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "record (src/functions/record_payment.yaml:3:5)",
        Retry.NONE,
        () -> {
          return dbDatasource.inTransaction(
              () -> {
                Status last = Status.ok(null);
                last = outputs.insert = insert(inputs, outputs);
                if (last.returned()) {
                  return last;
                }
                last = outputs.mark = mark(inputs, outputs);
                return last;
              });
        });
  }

  /**
   * Task {@code insert}, calling {@code datasource.db.recordPayment} ({@code
   * src/functions/record_payment.yaml:6:9}).
   */
  private Status insert(RecordPaymentInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "insert (src/functions/record_payment.yaml:6:9)",
        Retry.NONE,
        () -> JdbcTasks.update(
            dbDatasource,
            "recordPayment",
            TaskArgs.statement(
                "id",
                inputs.body().getId(),
                "status",
                "received",
                "amount",
                inputs.body().getAmount(),
                "currency",
                inputs.body().getCurrency())),
        failed -> insertOnError(inputs, outputs, failed));
  }

  /**
   * The {@code on_error} of task {@code insert} ({@code src/functions/record_payment.yaml:14:11}):
   * the workflow continues.
   */
  private Status insertOnError(RecordPaymentInputs inputs, Outputs outputs, Status failed) throws
      Exception {
    return failed;
  }

  /**
   * Task {@code mark}, calling {@code datasource.db.markPaid} ({@code
   * src/functions/record_payment.yaml:15:9}).
   */
  private Status mark(RecordPaymentInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "mark (src/functions/record_payment.yaml:15:9)",
        Retry.NONE,
        () -> JdbcTasks.update(
            dbDatasource,
            "markPaid",
            TaskArgs.statement(
                "id",
                inputs.body().getId())));
  }

  /**
   * Task {@code find}, calling {@code datasource.db.findPayment} ({@code
   * src/functions/record_payment.yaml:18:5}).
   */
  private Status find(RecordPaymentInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "find (src/functions/record_payment.yaml:18:5)",
        Retry.NONE,
        () -> JdbcTasks.query(
            dbDatasource,
            "findPayment",
            TaskArgs.statement(
                "id",
                inputs.body().getId())));
  }

  /**
   * Task {@code confirm}, calling {@code datasource.stripe.post./v1/payment_intents/{id}/confirm}
   * ({@code src/functions/record_payment.yaml:21:5}).
   */
  private Status confirm(RecordPaymentInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "confirm (src/functions/record_payment.yaml:21:5)",
        Retry.NONE,
        () -> HttpTasks.call(
            stripeDatasource,
            TaskArgs.http(
                "POST",
                "/v1/payment_intents/{id}/confirm",
                Js.object("id", inputs.body().getId()),
                Js.object("expand", "latest_charge"),
                Js.object("Idempotency-Key", inputs.body().getId()),
                Js.object("amount", Js.asDecimal(Js.member(Js.at(outputs.find().rows(), 0L),
                    "amount"))),
                Duration.ofSeconds(5))));
  }

  /**
   * Task {@code answer}, calling {@code com.gs.return} ({@code
   * src/functions/record_payment.yaml:30:5}).
   */
  private Status answer(RecordPaymentInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "answer (src/functions/record_payment.yaml:30:5)",
        Retry.NONE,
        () -> Status.returning(Js.object("status",
            Js.asString(Js.member(Js.at(outputs.find().rows(), 0L), "status")), "changed",
            Js.asLong(Js.member(outputs.mark().data(), "count")), "confirmed",
            outputs.confirm().codeNumber())));
  }

  private FunctionContext context(String function, RecordPaymentInputs inputs) {
    return new FunctionContext(FunctionContext.loggerFor(function), config, inputs::toJson);
  }

  /**
   * The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.
   */
  static final class Outputs {
    private volatile Status record;

    private volatile Status insert;

    private volatile Status mark;

    private volatile Status find;

    private volatile Status confirm;

    private volatile Status answer;

    /**
     * The result of task {@code record}.
     */
    Status record() {
      return record;
    }

    /**
     * The result of task {@code insert}.
     */
    Status insert() {
      return insert;
    }

    /**
     * The result of task {@code mark}.
     */
    Status mark() {
      return mark;
    }

    /**
     * The result of task {@code find}.
     */
    Status find() {
      return find;
    }

    /**
     * The result of task {@code confirm}.
     */
    Status confirm() {
      return confirm;
    }

    /**
     * The result of task {@code answer}.
     */
    Status answer() {
      return answer;
    }
  }
}

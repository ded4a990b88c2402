package dev.hookc.examples.payment.functions;

import dev.hookc.examples.payment.PaymentStore;
import dev.hookc.runtime.workflow.FunctionContext;
import javax.sql.DataSource;

/**
 * Records the payment's latest state. A repeated callback for the same transaction updates its row
 * instead of adding one, because gateways deliver the same callback more than once.
 */
public final class RecordTransaction implements RecordTransactionFunction {
  private final PaymentStore payments;

  /**
   * What was recorded: the task's data, read as {@code outputs.record_transaction.data.created}.
   */
  public record Recorded(String transactionId, boolean created) {}

  /** Made by hookc with the application's database. */
  public RecordTransaction(DataSource database) {
    this.payments = new PaymentStore(database);
  }

  @Override
  public Recorded apply(RecordTransactionArgs args, FunctionContext context) throws Exception {
    boolean created =
        payments.upsert(
            args.transactionId(), args.orderId(), args.status(), args.amount(), args.currency());
    return new Recorded(args.transactionId(), created);
  }
}

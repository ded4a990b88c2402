package dev.hookc.examples.payment.functions;

import dev.hookc.examples.payment.PaymentStore;
import dev.hookc.runtime.workflow.FunctionContext;

/**
 * Records the payment's latest state. A repeated callback for the same transaction updates its row
 * instead of adding one, because gateways deliver the same callback more than once.
 */
public final class RecordTransaction implements RecordTransactionFunction {

  /**
   * What was recorded: the task's data, read as {@code outputs.record_transaction.data.created}.
   */
  public record Recorded(String transactionId, boolean created) {}

  @Override
  public Recorded apply(RecordTransactionArgs args, FunctionContext context) throws Exception {
    boolean created =
        PaymentStore.shared()
            .upsert(
                args.transactionId(),
                args.orderId(),
                args.status(),
                args.amount(),
                args.currency());
    return new Recorded(args.transactionId(), created);
  }
}

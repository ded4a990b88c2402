package dev.hookc.examples.payment.functions;

import dev.hookc.examples.payment.PaymentStore;
import dev.hookc.runtime.workflow.FunctionContext;
import java.util.Map;

/**
 * Records the payment's latest state. A repeated callback for the same transaction updates its row
 * instead of adding one, because gateways deliver the same callback more than once.
 */
public final class RecordTransaction implements RecordTransactionFunction {

  @Override
  public Object apply(RecordTransactionArgs args, FunctionContext context) throws Exception {
    boolean created =
        PaymentStore.shared()
            .upsert(
                args.transactionId(),
                args.orderId(),
                args.status(),
                args.amount(),
                args.currency());
    return Map.of("transaction_id", args.transactionId(), "created", created);
  }
}

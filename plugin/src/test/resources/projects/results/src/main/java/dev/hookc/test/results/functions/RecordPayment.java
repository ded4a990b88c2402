package dev.hookc.test.results.functions;

import dev.hookc.runtime.workflow.FunctionContext;

/** Returns a record: the workflow reads its components with their types. */
public final class RecordPayment implements RecordPaymentFunction {

  /** A recorded payment. */
  public record Payment(String transactionId, boolean created, Money money) {}

  @Override
  public Payment apply(RecordPaymentArgs args, FunctionContext context) {
    return new Payment(args.id(), true, new Money(args.amount(), "EUR"));
  }
}

package dev.hookc.examples.payment.functions;

import dev.hookc.runtime.workflow.FunctionContext;
import dev.hookc.runtime.workflow.Status;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Business checks the schema cannot express: a successful payment must have a positive amount. A
 * failure ends the workflow with a 422 that says why.
 */
public final class ValidatePayment implements ValidatePaymentFunction {

  @Override
  public Object apply(ValidatePaymentArgs args, FunctionContext context) {
    if (args.status().equals("success") && args.amount().compareTo(BigDecimal.ZERO) <= 0) {
      String message = "a successful payment must have a positive amount";
      return new Status(
          false,
          422,
          message,
          Status.toJson(Map.of("message", message, "transaction_id", args.transactionId())),
          Map.of(),
          true);
    }
    return Map.of("transaction_id", args.transactionId(), "valid", true);
  }
}

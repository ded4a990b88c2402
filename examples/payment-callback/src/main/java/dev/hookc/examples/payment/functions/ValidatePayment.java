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
  public Status apply(ValidatePaymentArgs args, FunctionContext context) {
    if (args.status().equals("success") && args.amount().compareTo(BigDecimal.ZERO) <= 0) {
      String message = "a successful payment must have a positive amount";
      return Status.error(422, Map.of("message", message, "transaction_id", args.transactionId()))
          .withMessage(message)
          .andReturn();
    }
    return Status.ok(Map.of("transaction_id", args.transactionId(), "valid", true));
  }
}

package dev.hookc.examples.payment.functions;

import dev.hookc.runtime.workflow.FunctionContext;
import dev.hookc.runtime.workflow.Status;
import java.lang.System.Logger.Level;

/** Writes one log line per payment callback, for the audit trail. */
public final class LogTransaction implements LogTransactionFunction {

  @Override
  public Status apply(LogTransactionArgs args, FunctionContext context) {
    context
        .logger()
        .log(Level.INFO, () -> "payment " + args.transactionId() + " reported as " + args.status());
    return Status.ok(null);
  }
}

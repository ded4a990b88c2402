package dev.hookc.test.results.functions;

import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.workflow.FunctionContext;
import dev.hookc.runtime.workflow.Status;

/** Refuses every refund with a problem of its own. */
public final class Refuse implements RefuseFunction {

  @Override
  public Status apply(RefuseArgs args, FunctionContext context) {
    throw new HttpProblem(409, "Conflict", "the payment is already refunded")
        .withHeader("Retry-After", "60");
  }
}

package dev.hookc.test.flow.functions;

import dev.hookc.runtime.workflow.FunctionContext;


/** Always fails, with a message that must never reach a client. */
public final class Boom implements BoomFunction {

  @Override
  public Object apply(BoomArgs args, FunctionContext context) {
    throw new IllegalStateException("secret connection string jdbc:h2:mem:internal");
  }
}

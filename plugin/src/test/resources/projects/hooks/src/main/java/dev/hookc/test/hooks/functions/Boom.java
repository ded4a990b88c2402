package dev.hookc.test.hooks.functions;

import dev.hookc.runtime.workflow.FunctionContext;


/** Always fails, as a broken validation-error hook would. */
public final class Boom implements BoomFunction {

  @Override
  public Object apply(BoomArgs args, FunctionContext context) {
    throw new IllegalStateException("the hook is broken");
  }
}

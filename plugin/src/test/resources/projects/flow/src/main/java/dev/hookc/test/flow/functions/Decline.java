package dev.hookc.test.flow.functions;

import dev.hookc.runtime.workflow.FunctionContext;

import java.util.Map;

/** Answers a failed status, as a function that does not throw reports a failure. */
public final class Decline implements DeclineFunction {

  @Override
  public Object apply(DeclineArgs args, FunctionContext context) {
    return Map.of("success", false, "code", 500);
  }
}

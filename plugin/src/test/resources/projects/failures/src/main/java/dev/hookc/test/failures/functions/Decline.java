package dev.hookc.test.failures.functions;

import dev.hookc.runtime.workflow.FunctionContext;

import java.util.Map;

/** Answers a failed status without throwing: Godspeed's {@code success: false}. */
public final class Decline implements DeclineFunction {

  @Override
  public Object apply(DeclineArgs args, FunctionContext context) {
    return Map.of("success", false, "code", 500, "data", Map.of("reason", "declined"));
  }
}

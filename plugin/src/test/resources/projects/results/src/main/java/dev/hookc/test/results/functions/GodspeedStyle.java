package dev.hookc.test.results.functions;

import dev.hookc.runtime.workflow.FunctionContext;
import java.util.Map;

/** Declared to return Object: an object with 'code' is a status, as in Godspeed. */
public final class GodspeedStyle implements GodspeedStyleFunction {

  @Override
  public Object apply(GodspeedStyleArgs args, FunctionContext context) {
    return Map.of("code", args.code(), "data", Map.of("style", "godspeed"));
  }
}

package dev.hookc.test.results.functions;

import dev.hookc.runtime.workflow.FunctionContext;
import java.util.Map;

/** Data whose keys look like a status's: declared as a Map, it is data all the same. */
public final class RateOf implements RateOfFunction {

  @Override
  public Map<String, Object> apply(RateOfArgs args, FunctionContext context) {
    return Map.of("code", args.currency(), "amount", 5);
  }
}

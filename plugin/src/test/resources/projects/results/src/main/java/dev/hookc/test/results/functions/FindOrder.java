package dev.hookc.test.results.functions;

import dev.hookc.runtime.workflow.FunctionContext;
import dev.hookc.runtime.workflow.Status;
import java.util.Map;

/** Finds order "o-1" only; any other id ends the workflow with a 404. */
public final class FindOrder implements FindOrderFunction {

  @Override
  public Status apply(FindOrderArgs args, FunctionContext context) {
    if (!args.id().equals("o-1")) {
      return Status.error(404, Map.of("message", "no order " + args.id()))
          .withHeader("X-Order", args.id())
          .andReturn();
    }
    return Status.ok(Map.of("id", args.id(), "total", 12));
  }
}

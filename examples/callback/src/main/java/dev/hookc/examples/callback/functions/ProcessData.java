package dev.hookc.examples.callback.functions;

import dev.hookc.runtime.Json;
import dev.hookc.runtime.workflow.FunctionContext;
import java.lang.System.Logger.Level;

/** Processes a validated callback's data; here, it logs what arrived. */
public final class ProcessData implements ProcessDataFunction {

  @Override
  public Object apply(ProcessDataArgs args, FunctionContext context) {
    // Json.text renders the tree as toString() would, without Jackson's per-call serializer set-up.
    context.logger().log(Level.INFO, () -> "processing callback data " + Json.text(args.data()));
    return args.data();
  }
}

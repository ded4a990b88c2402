package dev.hookc.examples.callback.functions;

import dev.hookc.runtime.workflow.FunctionContext;
import java.lang.System.Logger.Level;

/** Processes a validated callback's data; here, it logs what arrived. */
public final class ProcessData implements ProcessDataFunction {

  @Override
  public Object apply(ProcessDataArgs args, FunctionContext context) {
    context.logger().log(Level.INFO, () -> "processing callback data " + args.data());
    return args.data();
  }
}

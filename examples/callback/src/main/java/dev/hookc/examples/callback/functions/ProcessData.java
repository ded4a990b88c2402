package dev.hookc.examples.callback.functions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.workflow.FunctionContext;
import java.lang.System.Logger.Level;

/**
 * Processes a validated callback's data; here, it logs what arrived. Declared to return the data as
 * JSON, it is the task's data whatever keys the callback sent, {@code code} included.
 */
public final class ProcessData implements ProcessDataFunction {

  @Override
  public JsonNode apply(ProcessDataArgs args, FunctionContext context) {
    // Json.text renders the tree as toString() would, without Jackson's per-call serializer set-up.
    context.logger().log(Level.INFO, () -> "processing callback data " + Json.text(args.data()));
    return args.data();
  }
}

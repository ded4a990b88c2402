package dev.hookc.examples.callback.functions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.workflow.FunctionContext;
import java.lang.System.Logger.Level;

/**
 * Processes a validated callback's data; here, it logs that it did. Declared to return the data as
 * JSON, it is the task's data whatever keys the callback sent, {@code code} included.
 *
 * <p>The log line names the data's {@code id} and size, not the data: a callback carries what its
 * sender puts in it (customer details, amounts, tokens), and a line per callback at INFO would copy
 * all of it into the log store. {@code HOOKC_LOG_BODIES=true} logs request bodies for debugging
 * (docs/operations.md, "Logs").
 */
public final class ProcessData implements ProcessDataFunction {

  @Override
  public JsonNode apply(ProcessDataArgs args, FunctionContext context) {
    JsonNode data = args.data();
    context
        .logger()
        .log(
            Level.INFO,
            () ->
                "processed callback data id="
                    + id(data.get("id"))
                    + " ("
                    + data.size()
                    + " fields)");
    return data;
  }

  /** The id as a short token: the sender chose it, so it may not break or flood the line. */
  private static String id(JsonNode id) {
    if (id == null || id.isNull() || id.isContainerNode()) {
      return "-";
    }
    String text = id.asText();
    StringBuilder kept = new StringBuilder(Math.min(text.length(), 64));
    for (int i = 0; i < text.length() && kept.length() < 64; i++) {
      char c = text.charAt(i);
      kept.append(Character.isLetterOrDigit(c) || "-_.:".indexOf(c) >= 0 ? c : '?');
    }
    return kept.toString();
  }
}

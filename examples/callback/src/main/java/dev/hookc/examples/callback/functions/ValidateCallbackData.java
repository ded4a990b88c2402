package dev.hookc.examples.callback.functions;

import dev.hookc.runtime.workflow.FunctionContext;
import dev.hookc.runtime.workflow.Status;
import java.util.Map;
import java.util.Set;

/**
 * Checks that a callback reports a status this service knows; an unknown one is answered with a 400
 * that says which statuses are accepted.
 */
public final class ValidateCallbackData implements ValidateCallbackDataFunction {
  static final Set<String> KNOWN_STATUSES = Set.of("ok", "success", "failed", "pending");

  @Override
  public Status apply(ValidateCallbackDataArgs args, FunctionContext context) {
    if (!KNOWN_STATUSES.contains(args.status())) {
      String message = "unknown callback status '" + args.status() + "'";
      return Status.error(
              400,
              Map.of("message", message, "accepted", KNOWN_STATUSES.stream().sorted().toList()))
          .withMessage(message)
          .andReturn();
    }
    return Status.ok(args.data());
  }
}

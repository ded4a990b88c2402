package dev.hookc.examples.callback.functions;

import dev.hookc.runtime.workflow.FunctionContext;
import dev.hookc.runtime.workflow.Status;
import java.util.Set;

/**
 * Checks that a callback reports a status this service knows; an unknown one is answered with a 400
 * that says which statuses are accepted.
 */
public final class ValidateCallbackData implements ValidateCallbackDataFunction {
  static final Set<String> KNOWN_STATUSES = Set.of("ok", "success", "failed", "pending");

  @Override
  public Object apply(ValidateCallbackDataArgs args, FunctionContext context) {
    if (!KNOWN_STATUSES.contains(args.status())) {
      return new Status(
          false,
          400,
          "unknown callback status '" + args.status() + "'",
          Status.toJson(
              java.util.Map.of(
                  "message",
                  "unknown callback status '" + args.status() + "'",
                  "accepted",
                  KNOWN_STATUSES.stream().sorted().toList())),
          java.util.Map.of(),
          true);
    }
    return Status.ok(args.data());
  }
}

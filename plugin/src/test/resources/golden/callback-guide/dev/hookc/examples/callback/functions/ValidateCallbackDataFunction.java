package dev.hookc.examples.callback.functions;

import dev.hookc.runtime.workflow.FunctionContext;
import javax.annotation.processing.Generated;

/**
 * Java function {@code validateCallbackData}: implement it in class {@code
 * dev.hookc.examples.callback.functions.ValidateCallbackData}
 * (src/main/java/dev/hookc/examples/callback/functions/ValidateCallbackData.java).
 *
 * <p>The return type your {@code apply} declares decides how the task reads
 * its result: {@code Status} is the status itself; any other type but
 * {@code Object} is the data of a 200, whatever its keys; {@code Object} keeps
 * Godspeed's rules, where an object with {@code success} or {@code code} is
 * a status.
 */
@FunctionalInterface
@Generated("dev.hookc.compiler")
public interface ValidateCallbackDataFunction {
  Object apply(ValidateCallbackDataArgs args, FunctionContext context) throws Exception;
}

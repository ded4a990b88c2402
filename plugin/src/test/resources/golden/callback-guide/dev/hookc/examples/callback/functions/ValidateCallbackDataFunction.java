package dev.hookc.examples.callback.functions;

import dev.hookc.runtime.workflow.FunctionContext;
import javax.annotation.processing.Generated;

/**
 * Java function {@code validateCallbackData}: implement it in class {@code
 * dev.hookc.examples.callback.functions.ValidateCallbackData}
 * (src/main/java/dev/hookc/examples/callback/functions/ValidateCallbackData.java).
 *
 * <p>What it returns becomes the task's result by Godspeed's status rules: a
 * {@code Status}, or an object with {@code success} or {@code code}, is a status;
 * anything else is the data of a successful 200.
 */
@FunctionalInterface
@Generated("dev.hookc.compiler")
public interface ValidateCallbackDataFunction {
  Object apply(ValidateCallbackDataArgs args, FunctionContext context) throws Exception;
}

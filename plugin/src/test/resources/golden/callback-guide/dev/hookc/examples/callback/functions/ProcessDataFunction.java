package dev.hookc.examples.callback.functions;

import dev.hookc.runtime.workflow.FunctionContext;
import javax.annotation.processing.Generated;

/**
 * Java function {@code processData}: implement it in class {@code
 * dev.hookc.examples.callback.functions.ProcessData}
 * (src/main/java/dev/hookc/examples/callback/functions/ProcessData.java).
 *
 * <p>What it returns becomes the task's result by Godspeed's status rules: a
 * {@code Status}, or an object with {@code success} or {@code code}, is a status;
 * anything else is the data of a successful 200.
 */
@FunctionalInterface
@Generated("dev.hookc.compiler")
public interface ProcessDataFunction {
  Object apply(ProcessDataArgs args, FunctionContext context) throws Exception;
}

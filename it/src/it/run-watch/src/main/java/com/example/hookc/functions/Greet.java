package com.example.hookc.functions;

import dev.hookc.runtime.workflow.FunctionContext;

/** Greets by name. */
public final class Greet implements GreetFunction {
  @Override
  public Object apply(GreetArgs args, FunctionContext context) {
    return "hello " + args.name();
  }
}

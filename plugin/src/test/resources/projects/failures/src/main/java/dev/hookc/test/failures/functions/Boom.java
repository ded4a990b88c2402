package dev.hookc.test.failures.functions;

import dev.hookc.runtime.workflow.FunctionContext;

import java.util.concurrent.atomic.AtomicInteger;

/** Always throws, with a message that must never reach a client; counts its calls. */
public final class Boom implements BoomFunction {
  private static final AtomicInteger CALLS = new AtomicInteger();

  @Override
  public Object apply(BoomArgs args, FunctionContext context) {
    CALLS.incrementAndGet();
    throw new IllegalStateException("secret connection string jdbc:h2:mem:internal");
  }

  /** How often it was called. */
  public static int calls() {
    return CALLS.get();
  }
}

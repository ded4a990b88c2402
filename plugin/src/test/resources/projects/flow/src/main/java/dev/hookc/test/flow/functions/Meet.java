package dev.hookc.test.flow.functions;

import dev.hookc.runtime.workflow.FunctionContext;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/**
 * Waits until a second call arrives: two calls complete only when they run at the same time, so
 * a parallel task that ran its branches one after the other would fail.
 */
public final class Meet implements MeetFunction {
  private static final CyclicBarrier BOTH = new CyclicBarrier(2);

  @Override
  public Object apply(MeetArgs args, FunctionContext context) throws Exception {
    BOTH.await(10, TimeUnit.SECONDS);
    return "met " + args.name();
  }
}

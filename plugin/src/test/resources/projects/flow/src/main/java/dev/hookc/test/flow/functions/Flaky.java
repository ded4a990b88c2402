package dev.hookc.test.flow.functions;

import dev.hookc.runtime.workflow.FunctionContext;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Fails the first {@code failures} calls made with one {@code key}, then succeeds. */
public final class Flaky implements FlakyFunction {
  private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

  @Override
  public Object apply(FlakyArgs args, FunctionContext context) {
    int call = CALLS.computeIfAbsent(args.key().asText(), k -> new AtomicInteger()).incrementAndGet();
    if (call <= args.failures().asInt()) {
      throw new IllegalStateException("attempt " + call + " fails");
    }
    return Map.of("attempts", call);
  }
}

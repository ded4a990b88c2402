package dev.hookc.test.failures.functions;

import dev.hookc.runtime.workflow.FunctionContext;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Records that it ran with a {@code key}, so a test can tell whether a task ran. */
public final class Mark implements MarkFunction {
  private static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();

  @Override
  public Object apply(MarkArgs args, FunctionContext context) {
    RUNS.computeIfAbsent(args.key(), k -> new AtomicInteger()).incrementAndGet();
    return Map.of("marked", args.key());
  }

  /** How often it ran with {@code key}. */
  public static int runs(String key) {
    AtomicInteger runs = RUNS.get(key);
    return runs == null ? 0 : runs.get();
  }
}

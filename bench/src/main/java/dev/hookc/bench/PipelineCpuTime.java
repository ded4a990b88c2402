package dev.hookc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The {@link PipelineBenchmark} contenders timed by the CPU time of the measuring thread rather
 * than by the wall clock, interleaved round by round: on a machine shared with other work, a thread
 * that waits for a core accrues no CPU time, so these figures move far less with the load than
 * JMH's. It is a complement to JMH (no blackhole, a plain loop), for ratios.
 *
 * <p>Usage: {@code java -cp ... dev.hookc.bench.PipelineCpuTime [rounds]}; the first four rounds
 * are warm-up, the table shows the median and the minimum of the others.
 */
public final class PipelineCpuTime {
  private static final int WARM_UP_ROUNDS = 4;

  private PipelineCpuTime() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 14;
    PipelineBenchmark b = new PipelineBenchmark();
    b.setUp();
    Map<String, Callable<Object>> contenders = new LinkedHashMap<>();
    contenders.put("callbackHookc", b::callbackHookc);
    contenders.put("callbackJackson", b::callbackJackson);
    contenders.put("callbackNetworknt", b::callbackNetworknt);
    contenders.put("callbackHookcValidate", b::callbackHookcValidate);
    contenders.put("callbackNetworkntValidate", b::callbackNetworkntValidate);
    contenders.put("paymentHookc", b::paymentHookc);
    contenders.put("paymentHookcParse", b::paymentHookcParse);
    contenders.put("paymentHookcValidate", b::paymentHookcValidate);
    contenders.put("paymentHookcBind", b::paymentHookcBind);
    contenders.put("paymentJackson", b::paymentJackson);
    contenders.put("paymentNetworknt", b::paymentNetworknt);
    contenders.put("paymentNetworkntValidate", b::paymentNetworkntValidate);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, List<Double>> nanos = new LinkedHashMap<>();
    int produced = 0;
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, Callable<Object>> contender : contenders.entrySet()) {
        int calls = contender.getKey().startsWith("paymentNetworknt") ? 2_000 : 10_000;
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < calls; i++) {
          // Counting results keeps the JIT from dropping the calls.
          produced += contender.getValue().call() == null ? 0 : 1;
        }
        long used = threads.getCurrentThreadCpuTime() - start;
        if (round >= WARM_UP_ROUNDS) {
          nanos
              .computeIfAbsent(contender.getKey(), k -> new ArrayList<>())
              .add(used / (double) calls);
        }
      }
    }
    System.out.printf("%-26s %14s %14s%n", "Benchmark", "median ns CPU", "min ns CPU");
    nanos.forEach(
        (name, values) -> {
          Collections.sort(values);
          System.out.printf(
              "%-26s %,14.0f %,14.0f%n", name, values.get(values.size() / 2), values.get(0));
        });
    System.out.println("(" + produced + " results)");
  }
}

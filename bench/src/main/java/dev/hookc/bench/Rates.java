package dev.hookc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;

/** How the throughput benchmarks turn a growing count into a rate, and what they print with it. */
final class Rates {
  private Rates() {}

  /** Counts after {@code warmup} seconds for {@code duration} seconds: the rate per second. */
  static double window(LongSupplier counter, int warmup, int duration) throws InterruptedException {
    Thread.sleep(warmup * 1000L);
    long c0 = counter.getAsLong();
    long t0 = System.nanoTime();
    Thread.sleep(duration * 1000L);
    long c1 = counter.getAsLong();
    long t1 = System.nanoTime();
    return (c1 - c0) * 1e9 / (t1 - t0);
  }

  /** The load average over 1, 5 and 15 minutes, as {@code /proc/loadavg} has it. */
  static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ", -1);
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "?";
    }
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}

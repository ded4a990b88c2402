package dev.hookc.plugin;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The CPU time the build's JVM spent since a start, on every thread (generation runs on every core,
 * and the JIT compiler works alongside). Logged next to the wall time because on a busy machine the
 * wall time mostly measures the other processes.
 */
final class CpuTime {
  private final long start;

  private CpuTime(long start) {
    this.start = start;
  }

  static CpuTime start() {
    return new CpuTime(processCpuNanos());
  }

  /** {@code ", N ms CPU"} since the start, or nothing where the JVM does not tell. */
  String since() {
    long now = processCpuNanos();
    return start < 0 || now < 0 ? "" : ", " + (now - start) / 1_000_000 + " ms CPU";
  }

  private static long processCpuNanos() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime()
        : -1;
  }
}

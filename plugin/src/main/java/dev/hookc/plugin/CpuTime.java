package dev.hookc.plugin;

import java.time.Duration;

/**
 * The CPU time the build's JVM spent since a start, on every thread (generation runs on every core,
 * and the JIT compiler works alongside). Logged next to the wall time because on a busy machine the
 * wall time mostly measures the other processes.
 *
 * <p>Read from the process's own accounting ({@code ProcessHandle}, in clock ticks) rather than the
 * management beans: loading those took longer than an unchanged project's whole up-to-date check.
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
    return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
  }
}

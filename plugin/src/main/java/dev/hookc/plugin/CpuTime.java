package dev.hookc.plugin;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * The CPU time the build's JVM spent since a start, on every thread (generation runs on every core,
 * and the JIT compiler works alongside). Logged at debug level next to the wall time because on a
 * busy machine the wall time mostly measures the other processes; not at info, because it is the
 * whole Maven process's figure, which under {@code -T} includes the other modules' builds.
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

  /** The milliseconds of CPU time since the start; empty where the JVM does not tell. */
  OptionalLong since() {
    long now = processCpuNanos();
    return start < 0 || now < 0 ? OptionalLong.empty() : OptionalLong.of((now - start) / 1_000_000);
  }

  private static long processCpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
  }
}

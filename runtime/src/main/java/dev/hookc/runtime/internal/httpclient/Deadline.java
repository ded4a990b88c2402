package dev.hookc.runtime.internal.httpclient;

import java.time.Duration;
import java.util.function.LongSupplier;

/** The instant by which a call must be done, on a monotonic clock of nanoseconds. */
record Deadline(long at, LongSupplier nanoTime) {

  static Deadline after(Duration timeout, LongSupplier nanoTime) {
    return new Deadline(nanoTime.getAsLong() + timeout.toNanos(), nanoTime);
  }

  /** The time left, zero once passed. */
  Duration left() {
    return Duration.ofNanos(Math.max(0, at - nanoTime.getAsLong()));
  }

  boolean passed() {
    return at - nanoTime.getAsLong() <= 0;
  }
}

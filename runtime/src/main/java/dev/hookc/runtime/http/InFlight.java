package dev.hookc.runtime.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The admitted requests not yet answered in full, so that stopping can wait for them, and whether
 * the server is stopping, so that no more are admitted.
 */
final class InFlight {

  private final AtomicInteger count = new AtomicInteger();
  private final Object monitor = new Object();
  private volatile boolean stopping;

  boolean stopping() {
    return stopping;
  }

  void begin() {
    count.incrementAndGet();
  }

  /** Counts {@code exchange} as answered, once, if it was admitted. Selector thread only. */
  void settle(Exchange exchange) {
    if (exchange.settle() && count.decrementAndGet() == 0 && stopping) {
      synchronized (monitor) {
        monitor.notifyAll();
      }
    }
  }

  /**
   * Admits no more requests and waits up to {@code grace} for the admitted ones.
   *
   * @return whether they were all answered in time
   */
  boolean drain(Duration grace) {
    stopping = true;
    long deadline = System.nanoTime() + Math.max(0, grace.toNanos());
    synchronized (monitor) {
      while (count.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          monitor.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }
}

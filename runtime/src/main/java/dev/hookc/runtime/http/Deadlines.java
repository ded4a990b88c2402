package dev.hookc.runtime.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The time limits of a connection, in the nanoseconds of {@link System#nanoTime()}. */
final class Deadlines {

  /** How long a connection that answered and shut its output waits for the client to close. */
  private static final long LINGER = TimeUnit.SECONDS.toNanos(2);

  private final Duration head;
  private final long idle;
  private final long minBodyRate;
  private final long bodyGrace;
  private final long response;

  Deadlines(TransportSettings settings) {
    this.head = settings.requestHeadTimeout();
    this.idle = settings.idleTimeout().toNanos();
    this.minBodyRate = settings.minBodyBytesPerSecond();
    this.bodyGrace = settings.bodyRateGrace().toNanos();
    this.response = settings.responseTimeout().toNanos();
  }

  /**
   * How often to check: a few times per shortest limit, at least once a second, at most every 10
   * ms.
   */
  long checkEvery() {
    long shortest = Math.min(Math.min(head.toNanos(), idle), response);
    if (bodyGrace > 0) {
      shortest = Math.min(shortest, bodyGrace);
    }
    return Math.max(
        TimeUnit.MILLISECONDS.toNanos(10), Math.min(shortest / 10, TimeUnit.SECONDS.toNanos(1)));
  }

  /** Whether a connection waited too long for a request; a new one gets as long as for a head. */
  boolean idleExpired(long elapsed, boolean used) {
    return elapsed > (used ? idle : head.toNanos());
  }

  /** The refusal of a head that took too long from its first byte, or null if in time. */
  Rejection headExpired(long elapsed) {
    if (elapsed <= head.toNanos()) {
      return null;
    }
    long millis = head.toMillis();
    String limit = millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    return Rejection.timeout("the request head did not arrive within " + limit);
  }

  /** The refusal of a body arriving too slowly on average once the grace is over, or null. */
  Rejection bodyTooSlow(long elapsed, long received) {
    if (minBodyRate == 0 || elapsed <= bodyGrace || received >= minBodyRate * (elapsed / 1e9)) {
      return null;
    }
    return Rejection.timeout(
        "the request body arrived slower than " + minBodyRate + " bytes per second");
  }

  boolean responseExpired(long elapsed) {
    return elapsed > response;
  }

  boolean lingerExpired(long elapsed) {
    return elapsed > LINGER;
  }
}

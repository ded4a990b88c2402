package dev.hookc.compiler.delivery;

import dev.hookc.compiler.model.AsyncDelivery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * When an async route's inbox runs a failing delivery again: the bound of each delay (the runtime's
 * {@code RetryPolicy} waits a random time between half of it and all of it) and their sum, the
 * longest time from the first attempt to the last.
 */
record InboxSchedule(int maxAttempts, List<Duration> delays, Duration horizon) {

  /**
   * How long the inbox keeps a processed delivery, and so its key, after it was received, unless
   * {@code store.retention} says otherwise: the runtime's {@code Inbox.RETENTION}. A delivery still
   * pending or dead-lettered is kept until it is done (or an operator purges it), whatever its age.
   */
  static final Duration RETENTION = Duration.ofDays(7);

  InboxSchedule {
    delays = List.copyOf(delays);
  }

  static InboxSchedule of(AsyncDelivery async) {
    List<Duration> delays = new ArrayList<>();
    Duration total = Duration.ZERO;
    for (int attempt = 1; attempt < async.maxAttempts(); attempt++) {
      // As RetryPolicy.delayAfter: backoff × 2^(attempt−1), capped at max_backoff.
      Duration bound =
          attempt > 40 ? async.maxBackoff() : async.backoff().multipliedBy(1L << (attempt - 1));
      if (bound.compareTo(async.maxBackoff()) > 0 || bound.isNegative()) {
        bound = async.maxBackoff();
      }
      delays.add(bound);
      total = total.plus(bound);
    }
    return new InboxSchedule(async.maxAttempts(), delays, total);
  }
}

package dev.hookc.compiler.model;

import java.time.Duration;
import java.util.Optional;

/**
 * An event's {@code delivery: async}: the delivery is stored before it is acknowledged, and workers
 * run the workflow from the store, retrying failures.
 *
 * @param acceptStatus the status of the acknowledgement: the event's lowest declared 2xx, else 202
 * @param maxAttempts how many times a delivery is run before it is dead-lettered
 * @param backoff the first retry's delay bound, doubled per attempt
 * @param maxBackoff the largest delay bound
 * @param forward where the inbox forwards each delivery ({@code forward: {kafka: ...}}), if it does
 */
public record AsyncDelivery(
    int acceptStatus,
    int maxAttempts,
    Duration backoff,
    Duration maxBackoff,
    Optional<KafkaForward> forward) {

  public AsyncDelivery(int acceptStatus, int maxAttempts, Duration backoff, Duration maxBackoff) {
    this(acceptStatus, maxAttempts, backoff, maxBackoff, Optional.empty());
  }

  /** This delivery forwarding with {@code forward}. */
  public AsyncDelivery withForward(KafkaForward forward) {
    return new AsyncDelivery(acceptStatus, maxAttempts, backoff, maxBackoff, Optional.of(forward));
  }

  /** Whether the workflow runs on the inbox's deliveries (not when they are only forwarded). */
  public boolean runs() {
    return forward.map(KafkaForward::run).orElse(true);
  }
}

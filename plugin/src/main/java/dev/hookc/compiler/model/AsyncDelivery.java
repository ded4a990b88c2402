package dev.hookc.compiler.model;

import java.time.Duration;

/**
 * An event's {@code delivery: async}: the delivery is stored before it is acknowledged, and workers
 * run the workflow from the store, retrying failures.
 *
 * @param acceptStatus the status of the acknowledgement: the event's lowest declared 2xx, else 202
 * @param maxAttempts how many times a delivery is run before it is dead-lettered
 * @param backoff the first retry's delay bound, doubled per attempt
 * @param maxBackoff the largest delay bound
 */
public record AsyncDelivery(
    int acceptStatus, int maxAttempts, Duration backoff, Duration maxBackoff) {}

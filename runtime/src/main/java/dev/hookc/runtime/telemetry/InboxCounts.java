package dev.hookc.runtime.telemetry;

/**
 * A route's inbox at one moment.
 *
 * @param pending deliveries waiting for (or in) an attempt
 * @param done deliveries whose workflow finished, kept until the retention ends
 * @param dead dead-lettered deliveries
 * @param oldestPendingAgeMillis how long the oldest pending delivery has waited since it was
 *     received, 0 when none is pending
 */
public record InboxCounts(long pending, long done, long dead, long oldestPendingAgeMillis) {}

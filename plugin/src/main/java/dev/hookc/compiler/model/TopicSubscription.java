package dev.hookc.compiler.model;

import dev.hookc.compiler.yaml.YamlScalar;
import java.time.Duration;

/**
 * What makes an event a Kafka consumer ({@code kafka.stripe-events.billing}): the event source it
 * reads from, the topic, the consumer group, where records it cannot process go, and how often its
 * workflow runs on a record before that.
 *
 * @param source the event source's name, {@code src/eventsources/<source>.yaml}
 * @param topic the topic it reads
 * @param group the consumer group it reads as
 * @param deadLetter the dead-letter topic: {@code dead_letter}, else {@code <topic>.dlq}
 * @param maxAttempts how many times the workflow runs on a record before it is dead-lettered
 * @param backoff the first retry's delay bound, doubled per attempt
 * @param maxBackoff the largest delay bound
 * @param keyNode the event's key
 */
public record TopicSubscription(
    String source,
    String topic,
    String group,
    String deadLetter,
    int maxAttempts,
    Duration backoff,
    Duration maxBackoff,
    YamlScalar keyNode) {

  /** The event's name in logs and telemetry: {@code kafka.stripe-events.billing}. */
  public String event() {
    return source + "." + topic + "." + group;
  }
}

package dev.hookc.runtime.source;

import dev.hookc.runtime.store.RetryPolicy;
import java.util.Objects;

/**
 * An event that reads a topic as a consumer group: {@code kafka.stripe-events.billing} in {@code
 * src/events}.
 *
 * @param event the event's key, which names it in logs and telemetry
 * @param source the event source it reads from ({@code kafka}: {@code src/eventsources/kafka.yaml})
 * @param topic the topic it reads
 * @param group the consumer group it reads as
 * @param deadLetter the topic that takes the records it cannot process
 * @param retry how often, and how far apart, the workflow runs on a record before the record is
 *     dead-lettered
 */
public record Subscription(
    String event, String source, String topic, String group, String deadLetter, RetryPolicy retry) {

  public Subscription {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(deadLetter, "deadLetter");
    Objects.requireNonNull(retry, "retry");
    if (deadLetter.equals(topic)) {
      throw new IllegalArgumentException("the dead-letter topic is the topic itself: " + topic);
    }
  }
}

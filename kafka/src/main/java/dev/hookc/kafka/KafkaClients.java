package dev.hookc.kafka;

import dev.hookc.runtime.health.Health;
import dev.hookc.runtime.kafka.KafkaModule;
import dev.hookc.runtime.kafka.KafkaPublisher;
import dev.hookc.runtime.kafka.KafkaSettings;

/**
 * hookc's Kafka module: publishers on Apache Kafka's own producer. Found by the runtime with {@link
 * java.util.ServiceLoader}; a project adds {@code dev.hookc:hookc-kafka} to its dependencies and
 * writes nothing else in Java.
 */
public final class KafkaClients implements KafkaModule {

  /** The module, as {@link java.util.ServiceLoader} makes it. */
  public KafkaClients() {}

  @Override
  public KafkaPublisher publisher(KafkaSettings settings, Health health) {
    return ProducerPublisher.open(settings, health);
  }
}

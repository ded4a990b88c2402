package dev.hookc.runtime.kafka;

import dev.hookc.runtime.health.Health;

/**
 * The module that talks to Kafka (hookc-kafka), found with {@link java.util.ServiceLoader} ({@code
 * META-INF/services/dev.hookc.runtime.kafka.KafkaModule}) when an application with kafka event
 * sources is built. The runtime itself has no Kafka client.
 */
public interface KafkaModule {

  /**
   * A publisher of records to the brokers of {@code settings}, producing with {@code acks=all} and
   * idempotence on; one per event source and application, shared by its routes.
   *
   * @param health where the publisher reports itself as component {@code kafka-producer.<source>}
   *     once the brokers refused it for good (its credentials, its right to write idempotently),
   *     and again when it sends after that
   * @throws IllegalArgumentException with a message naming the setting, for a setting the clients
   *     refuse
   */
  KafkaPublisher publisher(KafkaSettings settings, Health health);
}

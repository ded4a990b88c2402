package dev.hookc.runtime.kafka;

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
   * @throws IllegalArgumentException with a message naming the setting, for a setting the clients
   *     refuse
   */
  KafkaPublisher publisher(KafkaSettings settings);
}

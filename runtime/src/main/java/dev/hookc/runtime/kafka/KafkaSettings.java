package dev.hookc.runtime.kafka;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A kafka event source's (or kafka datasource's) settings, resolved when the application was built.
 *
 * @param name the source's name, as events, {@code kafka.source} and publish tasks write it
 * @param bootstrapServers the brokers to start from, {@code host:port} each
 * @param clientId the clients' {@code client.id}, when given
 * @param properties further Kafka client properties ({@code security.protocol}, {@code sasl.*},
 *     ...), as written
 * @param datasource whether {@code src/datasources} declares it rather than {@code
 *     src/eventsources}
 */
public record KafkaSettings(
    String name,
    List<String> bootstrapServers,
    Optional<String> clientId,
    Map<String, String> properties,
    boolean datasource) {

  public KafkaSettings {
    Objects.requireNonNull(name, "name");
    bootstrapServers = List.copyOf(bootstrapServers);
    if (bootstrapServers.isEmpty()) {
      throw new IllegalArgumentException("no bootstrap servers for " + label(datasource, name));
    }
    Objects.requireNonNull(clientId, "clientId");
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /** The settings of a kafka event source of {@code src/eventsources}. */
  public KafkaSettings(
      String name,
      List<String> bootstrapServers,
      Optional<String> clientId,
      Map<String, String> properties) {
    this(name, bootstrapServers, clientId, properties, false);
  }

  /** {@code kafka event source <name>} or {@code kafka datasource <name>}, as it was declared. */
  public String label() {
    return label(datasource, name);
  }

  static String label(boolean datasource, String name) {
    return (datasource ? "kafka datasource " : "kafka event source ") + name;
  }

  /**
   * The properties every client of this source starts from: {@code bootstrap.servers}, {@code
   * client.id} when given, then {@link #properties()}, which may override either.
   */
  public Map<String, Object> clientProperties() {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("bootstrap.servers", String.join(",", bootstrapServers));
    clientId.ifPresent(id -> all.put("client.id", id));
    all.putAll(properties);
    return all;
  }

  /** Names no secret: the properties are not shown, as {@code sasl.jaas.config} holds one. */
  @Override
  public String toString() {
    return "KafkaSettings[" + label() + " " + String.join(",", bootstrapServers) + "]";
  }
}

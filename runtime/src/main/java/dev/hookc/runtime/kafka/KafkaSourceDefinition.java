package dev.hookc.runtime.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.internal.datasource.Setting;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A {@code type: kafka} event source as {@code src/eventsources/<name>.yaml} writes it, or a {@code
 * type: kafka} datasource of {@code src/datasources} (the same keys, for publish tasks only), each
 * value a literal or read from the configuration or the environment when the application is built.
 *
 * @param name the source's name (the file's)
 * @param brokers the bootstrap servers; each value may hold several, separated by commas
 * @param clientId the clients' {@code client.id}, when given
 * @param properties further client properties, passed as written
 * @param datasource whether {@code src/datasources} declares it, so that messages name it as the
 *     project does
 */
public record KafkaSourceDefinition(
    String name,
    List<Setting> brokers,
    Optional<Setting> clientId,
    Map<String, Setting> properties,
    boolean datasource) {

  public KafkaSourceDefinition {
    Objects.requireNonNull(name, "name");
    brokers = List.copyOf(brokers);
    if (brokers.isEmpty()) {
      throw new IllegalArgumentException("no brokers for " + KafkaSettings.label(datasource, name));
    }
    Objects.requireNonNull(clientId, "clientId");
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /** A kafka event source of {@code src/eventsources}. */
  public KafkaSourceDefinition(
      String name,
      List<Setting> brokers,
      Optional<Setting> clientId,
      Map<String, Setting> properties) {
    this(name, brokers, clientId, properties, false);
  }

  /** A {@code type: kafka} datasource of {@code src/datasources}. */
  public static KafkaSourceDefinition datasource(
      String name,
      List<Setting> brokers,
      Optional<Setting> clientId,
      Map<String, Setting> properties) {
    return new KafkaSourceDefinition(name, brokers, clientId, properties, true);
  }

  /** {@code kafka event source <name>} or {@code kafka datasource <name>}, as it was declared. */
  public String label() {
    return KafkaSettings.label(datasource, name);
  }

  /**
   * Its settings resolved from {@code config} and {@code environment}; every value that is not set
   * is added to {@code problems} (naming the YAML's expression, never a literal) and the result is
   * then empty.
   */
  public Optional<KafkaSettings> resolve(
      JsonNode config, UnaryOperator<String> environment, List<String> problems) {
    int before = problems.size();
    List<String> servers = new ArrayList<>();
    for (Setting broker : brokers) {
      String value = value(broker, "brokers", config, environment, problems);
      if (value == null) {
        continue;
      }
      for (String server : value.split(",", -1)) {
        String trimmed = server.trim();
        if (trimmed.isEmpty()) {
          problems.add(label() + ": 'brokers' (" + broker.source() + ") names no broker");
        } else {
          servers.add(trimmed);
        }
      }
    }
    Optional<String> client =
        clientId.map(c -> value(c, "client_id", config, environment, problems));
    Map<String, String> resolved = new LinkedHashMap<>();
    properties.forEach(
        (key, setting) -> {
          String value = value(setting, key, config, environment, problems);
          if (value != null) {
            resolved.put(key, value);
          }
        });
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new KafkaSettings(name, servers, client, resolved, datasource));
  }

  private String value(
      Setting setting,
      String key,
      JsonNode config,
      UnaryOperator<String> environment,
      List<String> problems) {
    String value = setting.resolve(config, environment);
    if (value == null || value.isBlank()) {
      problems.add(label() + ": '" + key + "' reads " + setting.source() + ", which is not set");
      return null;
    }
    return value;
  }
}

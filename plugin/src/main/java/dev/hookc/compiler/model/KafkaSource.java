package dev.hookc.compiler.model;

import dev.hookc.compiler.diag.Location;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code type: kafka} event source of {@code src/eventsources}, or datasource of {@code
 * src/datasources} (where Godspeed keeps its producers): one YAML file, whose name is the source's,
 * telling the Kafka clients where the brokers are and how to reach them.
 *
 * @param name its name: the file's name without {@code .yaml}, as events and {@code kafka.source}
 *     write it
 * @param file the project-relative YAML file it was read from
 * @param brokers the bootstrap servers, each a setting that may itself hold several, separated by
 *     commas ({@code brokers}, or {@code bootstrap_servers})
 * @param clientId the clients' {@code client.id} ({@code client_id}, or Godspeed's {@code
 *     clientId}), when given
 * @param properties further Kafka client properties, passed to the clients as written, by name
 * @param location where its {@code type: kafka} is written, for errors about the source as a whole
 */
public record KafkaSource(
    String name,
    String file,
    List<DatasourceSetting> brokers,
    Optional<DatasourceSetting> clientId,
    Map<String, DatasourceSetting> properties,
    Location location) {

  public KafkaSource {
    brokers = List.copyOf(brokers);
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /** Whether it was declared in {@code src/datasources}, for publish tasks only. */
  public boolean isDatasource() {
    return file.startsWith("src/datasources/");
  }
}

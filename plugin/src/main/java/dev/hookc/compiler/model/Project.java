package dev.hookc.compiler.model;

import dev.hookc.compiler.yaml.YamlNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything read from a project's YAML: events (each complete with its guard, contract and hooks),
 * workflows, shared schema definitions, the defaults of {@code http.yaml} and the configuration.
 *
 * @param events the events, in file and line order
 * @param workflows the workflows, by id order
 * @param definitions shared JSON Schemas from {@code src/definitions}, by name
 * @param unreadableWorkflows ids of workflow files that could not be read (already reported), so
 *     that references to them are not reported a second time as unknown
 * @param http what {@code src/eventsources/http.yaml} sets for every route
 * @param config the project's {@code config} directory
 * @param javaSources what was read of the Java functions' sources
 * @param datasources the datasources of {@code src/datasources}, by name
 * @param kafkaSources the {@code type: kafka} event sources of {@code src/eventsources}, by name
 * @param kafkaDatasources the {@code type: kafka} datasources of {@code src/datasources}, by name:
 *     Kafka settings that publish tasks name, as Godspeed keeps its producers there
 */
public record Project(
    List<Event> events,
    List<Workflow> workflows,
    Map<String, YamlNode> definitions,
    java.util.Set<String> unreadableWorkflows,
    HttpDefaults http,
    ConfigFiles config,
    JavaSources javaSources,
    Map<String, Datasource> datasources,
    Map<String, KafkaSource> kafkaSources,
    Map<String, KafkaSource> kafkaDatasources) {

  public Project {
    events = List.copyOf(events);
    workflows = List.copyOf(workflows);
    definitions = Map.copyOf(definitions);
    unreadableWorkflows = java.util.Set.copyOf(unreadableWorkflows);
    datasources = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(datasources));
    kafkaSources =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kafkaSources));
    kafkaDatasources =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kafkaDatasources));
  }

  /**
   * The Kafka settings a {@code datasource.<name>.publish} task may name: the kafka event sources,
   * then the kafka datasources whose name no event source has (a name in both is an error).
   */
  public Map<String, KafkaSource> publishSources() {
    Map<String, KafkaSource> all = new java.util.LinkedHashMap<>(kafkaSources);
    kafkaDatasources.forEach(all::putIfAbsent);
    return java.util.Collections.unmodifiableMap(all);
  }

  /** Every project-relative file of the datasources: their YAML and migrations. */
  public java.util.Set<String> datasourceFiles() {
    java.util.Set<String> files = new java.util.TreeSet<>();
    datasources.values().forEach(d -> files.addAll(d.files()));
    return files;
  }

  /** The workflow with an id, if any. */
  public Optional<Workflow> workflow(String id) {
    return workflows.stream().filter(w -> w.id().equals(id)).findFirst();
  }
}

package dev.hookc.compiler.bind;

import dev.hookc.compiler.analysis.ConfigJson;
import dev.hookc.compiler.analysis.ValidationHooks;
import dev.hookc.compiler.model.Datasource;
import dev.hookc.compiler.model.Guards;
import dev.hookc.compiler.model.HttpSettings;
import dev.hookc.compiler.model.KafkaSource;
import dev.hookc.compiler.naming.Names;
import dev.hookc.compiler.schema.SchemaDefinitions;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A checked project bound for generation: every decision the emitters need, made once. Emitters
 * only read it.
 *
 * @param names how generated types are named
 * @param events every event, in file and line order
 * @param workflows every workflow, inline hooks included, in the order they are emitted
 * @param hooks the workflows that answer validation errors, and which events they answer for
 * @param guards what stands before each route's controller, and the store they share
 * @param settings the server settings from {@code http.yaml}
 * @param config the project's configuration
 * @param javaFunctions the contract of each Java function the workflows call, by name, in name
 *     order
 * @param definitions the project's shared definitions, as read
 * @param usedDefinitions the shared definitions that some validator calls, by name
 * @param datasources the datasources of {@code src/datasources}, by name
 * @param statements the typed statements class of each jdbc datasource, in name order
 * @param apiDocs what the OpenAPI document says besides the events, and where it is served
 * @param kafkaSources the kafka event sources of {@code src/eventsources}, in name order, then the
 *     kafka datasources of {@code src/datasources}
 */
public record BoundProject(
    Names names,
    List<BoundEvent> events,
    List<BoundWorkflow> workflows,
    ValidationHooks hooks,
    Guards guards,
    HttpSettings settings,
    ConfigJson config,
    Map<String, BoundJavaFunction> javaFunctions,
    SchemaDefinitions definitions,
    Set<String> usedDefinitions,
    List<Datasource> datasources,
    List<BoundStatements> statements,
    BoundApiDocs apiDocs,
    List<KafkaSource> kafkaSources) {

  public BoundProject {
    events = List.copyOf(events);
    workflows = List.copyOf(workflows);
    javaFunctions = Collections.unmodifiableMap(new TreeMap<>(javaFunctions));
    usedDefinitions = Set.copyOf(usedDefinitions);
    datasources = List.copyOf(datasources);
    statements = List.copyOf(statements);
    kafkaSources = List.copyOf(kafkaSources);
  }

  /**
   * The events that are served: those whose {@code fn} names a YAML workflow, which have a
   * controller, and those handed to Kafka.
   */
  public List<BoundEvent> servedEvents() {
    return events.stream()
        .filter(e -> e.workflow().isPresent() || e.event().guard().kafka().isPresent())
        .toList();
  }
}

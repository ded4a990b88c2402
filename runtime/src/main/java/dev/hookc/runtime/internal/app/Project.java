package dev.hookc.runtime.internal.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.internal.datasource.DatasourceDefinition;
import dev.hookc.runtime.kafka.KafkaSourceDefinition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A project as its {@link Assembly} describes it.
 *
 * @param configuration loads the configuration from an environment
 * @param routes makes the routes
 * @param defaultPort the port when neither the builder nor {@code PORT} gives one
 * @param server the project's transport settings
 * @param functions the contracts of its Java functions
 * @param secrets the secret references of each route that has some
 * @param adminToken the admin token's reference, when the admin endpoints are on
 * @param needsStore whether the routes keep idempotency records or inboxes
 * @param storeUrl the store's URL from {@code http.yaml}
 * @param dataDirectory the embedded store's directory from {@code http.yaml}
 * @param datasources its datasources, in declaration order
 * @param storeOn the jdbc datasource the store is on, from {@code http.yaml}
 * @param name the application's name, for telemetry ({@code service.name})
 * @param telemetrySettings the telemetry settings of {@code http.yaml}, by dotted name
 * @param kafkaSources its {@code type: kafka} event sources, in declaration order
 * @param subscriptions the events that read topics of the kafka event sources
 */
record Project(
    Function<Map<String, String>, JsonNode> configuration,
    Assembly.Routes routes,
    int defaultPort,
    List<Consumer<HookcServer.Builder>> server,
    Set<Class<?>> functions,
    Map<String, List<String>> secrets,
    Optional<String> adminToken,
    boolean needsStore,
    Optional<String> storeUrl,
    Optional<String> dataDirectory,
    List<DatasourceDefinition> datasources,
    Optional<String> storeOn,
    String name,
    Map<String, String> telemetrySettings,
    List<KafkaSourceDefinition> kafkaSources,
    List<EventSources.Subscribed> subscriptions) {

  Project {
    telemetrySettings = Map.copyOf(telemetrySettings);
    subscriptions = List.copyOf(subscriptions);
    // Copies that keep the declared order, in which problems are then reported.
    server = List.copyOf(server);
    functions = Collections.unmodifiableSet(new LinkedHashSet<>(functions));
    secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
    datasources = List.copyOf(datasources);
    kafkaSources = List.copyOf(kafkaSources);
  }
}

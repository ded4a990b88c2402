package dev.hookc.runtime.internal.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.health.Health;
import dev.hookc.runtime.kafka.KafkaModule;
import dev.hookc.runtime.kafka.KafkaPublisher;
import dev.hookc.runtime.kafka.KafkaSettings;
import dev.hookc.runtime.kafka.KafkaSourceDefinition;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;

/**
 * The application's kafka event sources: resolved when it is built, together with the module that
 * serves them (hookc-kafka, by {@link ServiceLoader}), and a publisher per source opened on first
 * use, which the application's resources then own.
 */
final class KafkaSources {
  private final Map<String, KafkaSettings> settings;
  private final Optional<KafkaModule> module;
  private final Map<String, KafkaPublisher> publishers = new HashMap<>(); // guarded by this

  private KafkaSources(Map<String, KafkaSettings> settings, Optional<KafkaModule> module) {
    this.settings = settings;
    this.module = module;
  }

  /**
   * Resolves each of {@code definitions}, adding every problem to {@code problems}: a value not
   * set, or sources without hookc-kafka on the class path.
   */
  static KafkaSources plan(
      List<KafkaSourceDefinition> definitions,
      JsonNode config,
      UnaryOperator<String> environment,
      List<String> problems) {
    if (definitions.isEmpty()) {
      return new KafkaSources(Map.of(), Optional.empty());
    }
    Map<String, KafkaSettings> resolved = new LinkedHashMap<>();
    for (KafkaSourceDefinition definition : definitions) {
      definition
          .resolve(config, environment, problems)
          .ifPresent(s -> resolved.put(definition.name(), s));
    }
    Optional<KafkaModule> module = module();
    if (module.isEmpty()) {
      problems.add(
          "the project has "
              + String.join(", ", definitions.stream().map(KafkaSourceDefinition::label).toList())
              + " but hookc-kafka is not on the class path: add the dependency"
              + " dev.hookc:hookc-kafka");
    }
    return new KafkaSources(Collections.unmodifiableMap(resolved), module);
  }

  private static Optional<KafkaModule> module() {
    Iterator<KafkaModule> found =
        ServiceLoader.load(KafkaModule.class, KafkaModule.class.getClassLoader()).iterator();
    return found.hasNext() ? Optional.of(found.next()) : Optional.empty();
  }

  /**
   * The resolved settings of source {@code name}.
   *
   * @throws IllegalArgumentException when the project has no kafka event source or datasource of
   *     that name
   */
  KafkaSettings settings(String name) {
    KafkaSettings found = settings.get(name);
    if (found == null) {
      throw new IllegalArgumentException("no kafka event source or datasource named " + name);
    }
    return found;
  }

  /**
   * Source {@code name}'s publisher, opened on the first call and then owned by {@code owner}; it
   * reports to {@code health} when the brokers refuse it.
   */
  synchronized KafkaPublisher publisher(String name, Resources owner, Health health) {
    KafkaPublisher publisher = publishers.get(name);
    if (publisher == null) {
      KafkaSettings source = settings(name);
      publisher = owner.own(module.orElseThrow().publisher(source, health));
      publishers.put(name, publisher);
    }
    return publisher;
  }
}

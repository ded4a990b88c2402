package dev.hookc.compiler.kafka;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.KafkaHandoff;
import dev.hookc.compiler.model.KafkaSource;
import dev.hookc.compiler.model.Project;
import dev.hookc.compiler.model.RouteGuard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks Kafka across a project: each {@code delivery: kafka} event names a kafka event source
 * there is, its key on {@code inputs.delivery.id} has delivery ids to read, and a project that uses
 * Kafka has hookc-kafka among its dependencies.
 */
public final class KafkaChecker {
  private final Diagnostics diagnostics;

  public KafkaChecker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * Checks {@code project}.
   *
   * @param kafkaModule whether {@code dev.hookc:hookc-kafka} is among the project's dependencies
   */
  public void check(Project project, boolean kafkaModule) {
    Map<String, KafkaSource> sources = project.kafkaSources();
    List<Location> uses = new ArrayList<>();
    sources.values().forEach(s -> uses.add(s.location()));
    // A publish task names one of these, so its project is reported at the first of them.
    project.kafkaDatasources().values().forEach(s -> uses.add(s.location()));
    for (Event event : project.events()) {
      Optional<KafkaHandoff> kafka = event.guard().kafka();
      if (kafka.isEmpty()) {
        continue;
      }
      uses.add(kafka.get().location());
      source(kafka.get(), sources);
      key(event.guard(), kafka.get());
    }
    if (!kafkaModule && !uses.isEmpty()) {
      diagnostics.report(
          KafkaCode.MODULE_MISSING,
          uses.stream().sorted().findFirst().orElseThrow(),
          "the project uses Kafka, but dev.hookc:hookc-kafka is not among its dependencies",
          "add the dependency dev.hookc:hookc-kafka, at the plugin's version, to the pom");
    }
  }

  private void source(KafkaHandoff kafka, Map<String, KafkaSource> sources) {
    if (kafka.source().isPresent()) {
      String name = kafka.source().get();
      if (!sources.containsKey(name)) {
        diagnostics.report(
            KafkaCode.HANDOFF_SOURCE,
            kafka.sourceLocation(),
            "'" + name + "' is not a kafka event source of src/eventsources",
            sources.isEmpty()
                ? "add src/eventsources/" + name + ".yaml with 'type: kafka' and 'brokers'"
                : Suggestions.keyHint(name, sources.keySet()));
      }
    } else if (sources.isEmpty()) {
      diagnostics.report(
          KafkaCode.HANDOFF_SOURCE,
          kafka.location(),
          "'delivery: kafka' needs a kafka event source, and src/eventsources has none",
          "add src/eventsources/kafka.yaml with 'type: kafka' and 'brokers'");
    } else if (sources.size() > 1) {
      diagnostics.report(
          KafkaCode.HANDOFF_SOURCE,
          kafka.sourceLocation(),
          "the project has several kafka event sources ("
              + String.join(", ", sources.keySet())
              + "): say which with 'source'");
    }
  }

  private void key(RouteGuard guard, KafkaHandoff kafka) {
    kafka
        .key()
        .filter(k -> k.source().equals("delivery"))
        .ifPresent(
            key ->
                guard
                    .whyNoDelivery()
                    .ifPresent(
                        why ->
                            diagnostics.report(
                                KafkaCode.HANDOFF_KEY,
                                key.location(),
                                "the record key reads inputs.delivery, which this route's requests"
                                    + " do not carry: "
                                    + why,
                                RouteGuard.DELIVERY_HINT + ", or key on the body")));
  }
}

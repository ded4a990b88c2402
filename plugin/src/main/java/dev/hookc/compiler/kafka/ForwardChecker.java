package dev.hookc.compiler.kafka;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.model.AsyncDelivery;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.KafkaForward;
import dev.hookc.compiler.model.Project;
import java.util.Optional;

/**
 * Checks each async event's {@code forward} against the project: the kafka event source it names
 * exists, or the project has exactly one when it names none.
 */
public final class ForwardChecker {
  private final Diagnostics diagnostics;

  public ForwardChecker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Reports every forward of {@code project} whose source cannot be found. */
  public void check(Project project) {
    for (Event event : project.events()) {
      Optional<KafkaForward> forward = event.guard().async().flatMap(AsyncDelivery::forward);
      if (forward.isEmpty()) {
        continue;
      }
      KafkaForward f = forward.get();
      var sources = project.kafkaSources().keySet();
      if (f.source().isPresent()) {
        if (!sources.contains(f.source().get())) {
          diagnostics.report(
              ForwardCode.SOURCE,
              f.sourceLocation(),
              "no kafka event source named '" + f.source().get() + "'",
              sources.isEmpty()
                  ? "add src/eventsources/" + f.source().get() + ".yaml with 'type: kafka'"
                  : Suggestions.keyHint(f.source().get(), sources));
        }
      } else if (sources.size() != 1) {
        diagnostics.report(
            ForwardCode.SOURCE,
            f.location(),
            sources.isEmpty()
                ? "'forward' sends to Kafka, but the project has no kafka event source"
                : "the project has several kafka event sources; 'forward.kafka' names none",
            sources.isEmpty()
                ? "add src/eventsources/kafka.yaml with 'type: kafka' and 'brokers'"
                : "add 'source: <name>' with one of " + String.join(", ", sources));
      }
    }
  }
}

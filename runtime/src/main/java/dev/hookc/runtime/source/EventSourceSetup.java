package dev.hookc.runtime.source;

import dev.hookc.runtime.health.Health;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an {@link EventSourceProvider} starts for one event source of an application.
 *
 * @param application the application's name ({@code service.name}), a default client id
 * @param name the event source's name ({@code kafka} for {@code src/eventsources/kafka.yaml})
 * @param settings its settings as the client library names them ({@code bootstrap.servers}, {@code
 *     client.id}, {@code security.protocol}, ...), resolved from configuration and environment
 * @param processors one per event that reads from it, which run the event's workflow on a record
 * @param health where each of its consumers reports whether it runs, named after its event ({@link
 *     Subscription#event()}), for the application's health route
 */
public record EventSourceSetup(
    String application,
    String name,
    Map<String, String> settings,
    List<RecordProcessor> processors,
    Health health) {

  public EventSourceSetup {
    settings = Map.copyOf(settings);
    Objects.requireNonNull(health, "health");
    processors = List.copyOf(processors);
  }
}

package dev.hookc.runtime.source;

import java.util.List;
import java.util.Map;

/**
 * What an {@link EventSourceProvider} starts for one event source of an application.
 *
 * @param application the application's name ({@code service.name}), a default client id
 * @param name the event source's name ({@code kafka} for {@code src/eventsources/kafka.yaml})
 * @param settings its settings as the client library names them ({@code bootstrap.servers}, {@code
 *     client.id}, {@code security.protocol}, ...), resolved from configuration and environment
 * @param processors one per event that reads from it, which run the event's workflow on a record
 */
public record EventSourceSetup(
    String application,
    String name,
    Map<String, String> settings,
    List<RecordProcessor> processors) {

  public EventSourceSetup {
    settings = Map.copyOf(settings);
    processors = List.copyOf(processors);
  }
}

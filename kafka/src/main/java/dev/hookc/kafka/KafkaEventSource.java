package dev.hookc.kafka;

import dev.hookc.runtime.log.ShutdownSequence;
import dev.hookc.runtime.source.EventSource;
import dev.hookc.runtime.source.EventSourceProvider;
import dev.hookc.runtime.source.EventSourceSetup;
import dev.hookc.runtime.source.RecordProcessor;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code type: kafka} event source's consumers: one {@link TopicConsumer} per event that reads
 * from it, and one producer for their dead letters. Each consumer reports whether it runs to the
 * application's health route, as its event ({@code kafka.payments.billing}).
 */
public final class KafkaEventSource implements EventSource {
  private final List<AutoCloseable> open;

  private KafkaEventSource(List<AutoCloseable> open) {
    this.open = List.copyOf(open);
  }

  /** Found by the runtime with {@link java.util.ServiceLoader}: starts the Kafka consumers. */
  public static final class Provider implements EventSourceProvider {
    @Override
    public String type() {
      return "kafka";
    }

    @Override
    public EventSource start(EventSourceSetup setup) {
      String clientId = setup.settings().getOrDefault("client.id", setup.application());
      List<AutoCloseable> open = new ArrayList<>();
      DeadLetters deadLetters =
          new DeadLetters(setup.settings(), clientId, setup.name(), setup.health());
      open.add(deadLetters);
      try {
        for (RecordProcessor processor : setup.processors()) {
          open.add(
              new TopicConsumer(processor, setup.settings(), clientId, deadLetters, setup.health())
                  .start());
        }
      } catch (RuntimeException e) {
        ShutdownSequence.closeInReverse(open);
        throw e;
      }
      return new KafkaEventSource(open);
    }
  }

  /** Stops the consumers (each finishing or abandoning its record), then the dead letters. */
  @Override
  public void close() {
    ShutdownSequence.closeInReverse(open);
  }
}

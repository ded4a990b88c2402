package dev.hookc.runtime.kafka;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Sends records to the brokers of one kafka event source or datasource; thread-safe. */
public interface KafkaPublisher extends AutoCloseable {

  /**
   * Sends {@code record}: the future completes with the record's place once every in-sync replica
   * has it ({@code acks=all}), or fails with why it was not written. A send after {@link
   * #close(Duration)} fails at once.
   */
  CompletableFuture<RecordPlace> send(OutgoingRecord record);

  /**
   * Tells the publisher that a route sending to {@code topic} was made, when the application
   * starts: it may ask the brokers about the topic meanwhile, so that credentials they refuse show
   * on the health route before the first delivery does. Does nothing by default.
   */
  default void expect(String topic) {}

  /**
   * Stops taking sends, waits up to {@code grace} for those in flight to settle, then fails the
   * rest and closes the connections.
   */
  void close(Duration grace);

  /** Closes with a grace of 30 s. */
  @Override
  default void close() {
    close(Duration.ofSeconds(30));
  }

  /** Where a confirmed record was written. */
  record RecordPlace(String topic, int partition, long offset) {}

  /**
   * Why a send failed when the record itself is larger than the producer or the broker take ({@code
   * max.request.size}, the topic's {@code max.message.bytes}): sending it again cannot succeed.
   */
  final class RecordTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RecordTooLargeException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}

package dev.hookc.kafka;

import dev.hookc.runtime.health.Health;
import dev.hookc.runtime.kafka.KafkaPublisher;
import dev.hookc.runtime.kafka.KafkaSettings;
import dev.hookc.runtime.kafka.OutgoingRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A {@link KafkaPublisher} on one {@link KafkaProducer} at a time: every record is confirmed by all
 * in-sync replicas ({@code acks=all}) and written once per send even when the producer retries
 * ({@code enable.idempotence=true}); the source's own properties cannot turn either off. A producer
 * the broker refused for good is made again ({@link RenewingProducer}).
 */
final class ProducerPublisher implements KafkaPublisher {
  /**
   * Defaults that a source's {@code properties} may change: how long a send may block for metadata
   * or buffer space, and how long the producer keeps trying, so that a stop settles in bounded
   * time.
   */
  static final Map<String, Object> DEFAULTS =
      Map.of(
          ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000,
          ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
          ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
          ProducerConfig.LINGER_MS_CONFIG, 2);

  /** What hookc's promise rests on: never weakened by a source's properties. */
  static final Map<String, Object> REQUIRED =
      Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);

  private final RenewingProducer<String, byte[]> producers;
  private volatile boolean closed;

  private ProducerPublisher(RenewingProducer<String, byte[]> producers) {
    this.producers = producers;
  }

  /**
   * The publisher of {@code settings}' source; while its brokers refuse it, it is component {@code
   * kafka-producer.<source>} of {@code health}.
   */
  static ProducerPublisher open(KafkaSettings settings, Health health) {
    Map<String, Object> config = new LinkedHashMap<>(DEFAULTS);
    config.putAll(settings.clientProperties());
    config.putAll(REQUIRED);
    try {
      return new ProducerPublisher(
          new RenewingProducer<>(
              settings.label(),
              new RenewingProducer.Component(health, "kafka-producer." + settings.name()),
              () ->
                  new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())));
    } catch (KafkaException e) {
      throw new IllegalArgumentException(settings.label() + ": " + rootMessage(e), e);
    }
  }

  @Override
  public CompletableFuture<RecordPlace> send(OutgoingRecord record) {
    CompletableFuture<RecordPlace> confirmed = new CompletableFuture<>();
    if (closed) {
      confirmed.completeExceptionally(new IllegalStateException("the publisher is closed"));
      return confirmed;
    }
    List<Header> headers = new ArrayList<>(record.headers().size());
    for (Map.Entry<String, String> header : record.headers()) {
      headers.add(
          new RecordHeader(header.getKey(), header.getValue().getBytes(StandardCharsets.UTF_8)));
    }
    ProducerRecord<String, byte[]> outgoing =
        new ProducerRecord<>(record.topic(), null, record.key(), record.value(), headers);
    KafkaProducer<String, byte[]> producer = producers.producer();
    try {
      // The callback settles 'confirmed'; the producer's own future says the same.
      var unused =
          producer.send(
              outgoing,
              (metadata, error) -> {
                if (error == null) {
                  producers.sent(producer);
                  confirmed.complete(
                      new RecordPlace(metadata.topic(), metadata.partition(), metadata.offset()));
                } else {
                  producers.failed(producer, error, record.topic());
                  confirmed.completeExceptionally(translated(error));
                }
              });
    } catch (KafkaException | IllegalStateException e) {
      // Thrown before the record is queued: too large for the producer, the producer closed, or
      // its metadata refused (credentials).
      producers.failed(producer, e, record.topic());
      confirmed.completeExceptionally(translated(e));
    }
    return confirmed;
  }

  @Override
  public void expect(String topic) {
    producers.probe(topic);
  }

  private static Throwable translated(Throwable error) {
    if (error instanceof org.apache.kafka.common.errors.RecordTooLargeException) {
      return new KafkaPublisher.RecordTooLargeException(error.getMessage(), error);
    }
    return error;
  }

  @Override
  public void close(Duration grace) {
    closed = true;
    // Waits up to the grace for the sends in flight; the rest fail, and their routes answer 503.
    producers.close(grace);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? e.getMessage() : root.getMessage();
  }
}

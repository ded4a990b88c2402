package dev.hookc.kafka;

import dev.hookc.runtime.health.Health;
import dev.hookc.runtime.source.RecordOutcome;
import dev.hookc.runtime.source.Subscription;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends the records an event source's consumers cannot process to their dead-letter topics, as they
 * were read (key, value, headers) with why in {@code hookc-dead-letter-*} headers; a record counts
 * as dead-lettered only once the broker acknowledged it ({@code acks=all}). A producer the broker
 * refused for good is made again ({@link RenewingProducer}), so that dead letters flow once the
 * consumers' user is provisioned.
 */
final class DeadLetters implements AutoCloseable {
  static final String REASON = "hookc-dead-letter-reason";
  static final String DETAIL = "hookc-dead-letter-detail";
  static final String ATTEMPTS = "hookc-dead-letter-attempts";
  static final String EVENT = "hookc-dead-letter-event";
  static final String TOPIC = "hookc-source-topic";
  static final String PARTITION = "hookc-source-partition";
  static final String OFFSET = "hookc-source-offset";
  private static final Duration ACK = Duration.ofSeconds(30);
  private static final System.Logger LOG = System.getLogger(DeadLetters.class.getName());

  private final RenewingProducer<byte[], byte[]> producers;

  /**
   * The dead-letter producer of event source {@code source}; while its brokers refuse it, it is
   * component {@code kafka-producer.<source>.dead-letters} of {@code health}.
   */
  DeadLetters(Map<String, String> settings, String clientId, String source, Health health) {
    Map<String, Object> config = new LinkedHashMap<>(settings);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-dead-letters");
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(ACK.toMillis()));
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    config.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    this.producers =
        new RenewingProducer<>(
            clientId + "'s dead letters",
            new RenewingProducer.Component(health, "kafka-producer." + source + ".dead-letters"),
            () ->
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()));
  }

  /** Sends {@code record} to the subscription's dead-letter topic; whether the broker has it. */
  boolean send(
      Subscription subscription,
      ConsumerRecord<byte[], byte[]> record,
      RecordOutcome.DeadLettered outcome) {
    ProducerRecord<byte[], byte[]> letter =
        new ProducerRecord<>(subscription.deadLetter(), null, record.key(), record.value());
    for (Header header : record.headers()) {
      letter.headers().add(header);
    }
    put(letter, REASON, outcome.reason());
    put(letter, DETAIL, outcome.detail());
    put(letter, ATTEMPTS, Integer.toString(outcome.attempts()));
    put(letter, EVENT, subscription.event());
    put(letter, TOPIC, record.topic());
    put(letter, PARTITION, Integer.toString(record.partition()));
    put(letter, OFFSET, Long.toString(record.offset()));
    KafkaProducer<byte[], byte[]> producer = producers.producer();
    try {
      producer.send(letter).get(ACK.toMillis() + 5_000, TimeUnit.MILLISECONDS);
      producers.sent(producer);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      producers.failed(producer, e, subscription.deadLetter());
      LOG.log(
          Level.ERROR,
          "record "
              + record.topic()
              + "-"
              + record.partition()
              + "-"
              + record.offset()
              + " could not be dead-lettered to "
              + subscription.deadLetter()
              + "; it will be read again",
          e);
      return false;
    }
  }

  private static void put(ProducerRecord<byte[], byte[]> letter, String name, String value) {
    letter.headers().remove(name);
    letter.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    producers.close(Duration.ofSeconds(5));
  }
}

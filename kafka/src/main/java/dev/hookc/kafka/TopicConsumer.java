package dev.hookc.kafka;

import dev.hookc.runtime.source.RecordOutcome;
import dev.hookc.runtime.source.RecordProcessor;
import dev.hookc.runtime.source.SourceRecord;
import dev.hookc.runtime.source.Subscription;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * One event's consumer: a thread that polls its topic as its group, runs the workflow on each
 * record in order, dead-letters what cannot be processed, and commits a record's offset only once
 * it is finished (processed, or dead-lettered with the broker's acknowledgement). At least once: a
 * record whose workflow ran but whose offset was not committed yet (a crash, a lost partition) is
 * processed again by the group.
 *
 * <p>Records are processed on the polling thread, so a rebalance (which runs inside {@code poll})
 * only happens between records: the revoked partitions' finished offsets are committed then. On
 * close the record in flight is given {@link #GRACE} to finish, then interrupted and abandoned;
 * unfinished records are never committed.
 */
final class TopicConsumer implements AutoCloseable {
  static final Duration GRACE = Duration.ofSeconds(10);
  private static final System.Logger LOG = System.getLogger(TopicConsumer.class.getName());
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration RETRY_DEAD_LETTER = Duration.ofSeconds(1);

  private final RecordProcessor processor;
  private final Subscription subscription;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final DeadLetters deadLetters;
  private final Thread thread;
  private final CountDownLatch done = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Map<TopicPartition, OffsetAndMetadata> finished = new HashMap<>();
  private volatile boolean closing;

  /**
   * @param settings the event source's client settings, the group and deserializers added here
   */
  TopicConsumer(
      RecordProcessor processor,
      Map<String, String> settings,
      String clientId,
      DeadLetters deadLetters) {
    this.processor = processor;
    this.subscription = processor.subscription();
    this.deadLetters = deadLetters;
    Map<String, Object> config = new LinkedHashMap<>();
    // Defaults a project may override in its properties: start a new group from the beginning, so
    // that nothing produced before the first deployment is skipped; few records per poll, so that
    // a stopping instance leaves little processed but uncommitted.
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "50");
    config.putAll(settings);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-" + subscription.group());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, subscription.group());
    // Offsets are hookc's to commit, once a record is finished.
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    this.consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.thread =
        new Thread(this::run, "hookc-kafka-" + subscription.topic() + "-" + subscription.group());
  }

  /** Subscribes and starts polling. */
  TopicConsumer start() {
    consumer.subscribe(List.of(subscription.topic()), new Rebalance());
    thread.start();
    LOG.log(
        Level.INFO,
        "{0} consuming topic {1} as group {2}; dead letters to {3}",
        subscription.event(),
        subscription.topic(),
        subscription.group(),
        subscription.deadLetter());
    return this;
  }

  private void run() {
    try {
      while (!closing) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        Map<TopicPartition, Long> next = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
          next.put(partition, records.records(partition).get(0).offset());
        }
        for (ConsumerRecord<byte[], byte[]> record : records) {
          if (closing) {
            break;
          }
          if (!finish(record)) {
            // Read again from the first unfinished record of every partition of the batch, after a
            // pause, so that a dead-letter topic that refuses records is not hammered.
            next.forEach(consumer::seek);
            if (!closing) {
              stopped.await(RETRY_DEAD_LETTER.toMillis(), TimeUnit.MILLISECONDS);
            }
            break;
          }
          next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        }
        commit();
      }
    } catch (WakeupException | InterruptedException e) {
      // close() woke the poll, or interrupted the pause: stop.
    } catch (RuntimeException | Error e) {
      LOG.log(Level.ERROR, subscription.event() + " stopped consuming after a failure", e);
    } finally {
      // An abandoned record left the thread interrupted; the finished ones are still committed.
      Thread.interrupted();
      try {
        commit();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, subscription.event() + " could not commit on close", e);
      }
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
      done.countDown();
    }
  }

  /**
   * Processes {@code record} and notes its offset as finished; false when it was not finished (the
   * application stops, or its dead letter was not acknowledged), so the rest of the batch waits.
   */
  private boolean finish(ConsumerRecord<byte[], byte[]> record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    RecordOutcome outcome = processor.process(source(record), () -> closing);
    if (outcome instanceof RecordOutcome.Abandoned) {
      return false;
    }
    if (outcome instanceof RecordOutcome.DeadLettered dead
        && !deadLetters.send(subscription, record, dead)) {
      // Not in the dead-letter topic, so not finished: it is read and processed again.
      return false;
    }
    finished.put(partition, new OffsetAndMetadata(record.offset() + 1));
    return true;
  }

  private static SourceRecord source(ConsumerRecord<byte[], byte[]> record) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header header : record.headers()) {
      headers.put(
          header.key(),
          header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
    }
    return new SourceRecord(
        record.topic(), record.partition(), record.offset(), record.key(), record.value(), headers);
  }

  /** Commits the offsets of the finished records, if any. */
  private void commit() {
    if (finished.isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = Map.copyOf(finished);
    try {
      try {
        consumer.commitSync(offsets);
      } catch (WakeupException e) {
        // close() woke the consumer during the commit; a wake-up is one-shot, so this one goes.
        consumer.commitSync(offsets);
      }
    } catch (org.apache.kafka.clients.consumer.CommitFailedException e) {
      // The group moved the partitions on (this instance was too slow): their records will be
      // processed again by the new owner, at least once.
      LOG.log(Level.WARNING, subscription.event() + " lost its partitions before committing", e);
    } finally {
      finished.clear();
    }
  }

  /** Commits what finished before partitions are taken away; forgets what was lost. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      commit();
      LOG.log(Level.INFO, "{0} gives up partitions {1}", subscription.event(), partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      LOG.log(Level.INFO, "{0} reads partitions {1}", subscription.event(), partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      // Another consumer may own them already: committing now would be refused or wrong.
      finished.keySet().removeAll(partitions);
      LOG.log(Level.WARNING, "{0} lost partitions {1}", subscription.event(), partitions);
    }
  }

  /**
   * Stops: the record in flight has {@link #GRACE} to finish, then is interrupted and abandoned;
   * what finished is committed and the consumer leaves its group.
   */
  @Override
  public void close() {
    closing = true;
    stopped.countDown();
    consumer.wakeup();
    try {
      if (!done.await(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        thread.interrupt();
        if (!done.await(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
          LOG.log(Level.WARNING, "{0} did not stop within {1}", subscription.event(), GRACE);
        }
      }
    } catch (InterruptedException e) {
      thread.interrupt();
      Thread.currentThread().interrupt();
    }
  }
}

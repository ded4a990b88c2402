package dev.hookc.kafka;

import dev.hookc.runtime.health.ComponentHealth;
import dev.hookc.runtime.health.Health;
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
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
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
 *
 * <p>A failure that escapes the loop (an error thrown by the workflow, a commit that timed out
 * because the broker is gone, an authorization the broker refuses) does not end consuming: what
 * finished is committed, the consumer is closed (leaving its group, so that its partitions are read
 * from their committed offsets) and, after a {@link RestartBackoff}, made again. Meanwhile the
 * event's component in the application's {@link Health} is down, with the reason and the number of
 * restarts; it is up again once the new consumer's first poll returned.
 */
final class TopicConsumer implements AutoCloseable {
  static final Duration GRACE = Duration.ofSeconds(10);
  private static final System.Logger LOG = System.getLogger(TopicConsumer.class.getName());
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration RETRY_DEAD_LETTER = Duration.ofSeconds(1);
  private static final Duration CLOSE = Duration.ofSeconds(5);

  private final RecordProcessor processor;
  private final Subscription subscription;
  private final Map<String, Object> config;
  private final DeadLetters deadLetters;
  private final Health health;
  private final RestartBackoff backoff = new RestartBackoff();
  // Replaced by the consumer thread on a restart; read by close() to wake it.
  private volatile KafkaConsumer<byte[], byte[]> consumer;
  private long restarts; // the consumer thread's: how many consumers it made after the first
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
      DeadLetters deadLetters,
      Health health) {
    this.processor = processor;
    this.subscription = processor.subscription();
    this.deadLetters = deadLetters;
    this.health = health;
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
    this.config = Map.copyOf(config);
    // Made here, so that settings the client refuses fail the application's start.
    this.consumer = consumer();
    this.thread =
        new Thread(this::run, "hookc-kafka-" + subscription.topic() + "-" + subscription.group());
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    KafkaConsumer<byte[], byte[]> made =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    made.subscribe(List.of(subscription.topic()), new Rebalance());
    return made;
  }

  /** Subscribes and starts polling. */
  TopicConsumer start() {
    health.report(subscription.event(), ComponentHealth.up(0));
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
        long started = System.nanoTime();
        try {
          if (consumer == null) {
            restarts++;
            consumer = consumer();
          }
          consume();
        } catch (WakeupException
            | InterruptedException
            | org.apache.kafka.common.errors.InterruptException e) {
          if (closing) {
            // close() woke the poll, or interrupted the pause: stop.
            break;
          }
          restartAfter(e, started);
        } catch (RuntimeException | Error e) {
          if (closing) {
            LOG.log(Level.WARNING, subscription.event() + " failed while stopping", e);
            break;
          }
          restartAfter(e, started);
        }
      }
    } catch (InterruptedException e) {
      // close() interrupted the wait before a restart: stop.
    } finally {
      // An abandoned record left the thread interrupted; the finished ones are still committed.
      Thread.interrupted();
      closeConsumer(null);
      health.remove(subscription.event());
      done.countDown();
    }
  }

  /** Polls and processes until the application stops; what fails escapes. */
  private void consume() throws InterruptedException {
    boolean up = restarts == 0;
    while (!closing) {
      ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
      // A restarted consumer is up once it is back in its group (a poll also returns while the
      // broker is unreachable); the first one is up from the start, so that a starting application
      // is healthy while it joins.
      if (!up && consumer.groupMetadata().generationId() >= 0) {
        up = true;
        health.report(subscription.event(), ComponentHealth.up(restarts));
      }
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
  }

  /**
   * Reports the failure, closes the consumer (committing what finished) and waits out the backoff;
   * the loop then makes a new consumer, which joins the group again and reads from the committed
   * offsets.
   */
  private void restartAfter(Throwable failure, long started) throws InterruptedException {
    backoff.ran(Duration.ofNanos(System.nanoTime() - started));
    boolean fatal = fatal(failure);
    Duration wait = backoff.next(fatal);
    String reason = failure.getClass().getName() + ": " + failure.getMessage();
    health.report(subscription.event(), ComponentHealth.down(reason, restarts));
    LOG.log(
        Level.ERROR,
        subscription.event()
            + " stopped consuming after a failure"
            + (fatal
                ? " that retrying may not cure (check the settings and the broker's ACLs)"
                : "")
            + "; its unfinished records stay uncommitted and it restarts in "
            + wait.toMillis()
            + " ms (restart "
            + (restarts + 1)
            + "): "
            + reason,
        failure);
    // An abandoned record's interrupt is not a stop (close() sets closing before it interrupts).
    Thread.interrupted();
    // Bounded: the failure may be a broker that is gone.
    closeConsumer(CLOSE);
    stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Commits what finished (within {@code timeout}, or the client's {@code default.api.timeout.ms}
   * when null) and closes the consumer, which leaves its group; failures are logged.
   */
  private void closeConsumer(Duration timeout) {
    KafkaConsumer<byte[], byte[]> current = consumer;
    if (current == null) {
      return;
    }
    try {
      commit(timeout);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, subscription.event() + " could not commit on close", e);
    }
    try {
      current.close(CloseOptions.timeout(CLOSE));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, subscription.event() + " could not close its consumer", e);
    }
    consumer = null;
  }

  private static boolean fatal(Throwable failure) {
    return failure instanceof AuthenticationException
        || failure instanceof AuthorizationException
        || failure instanceof ConfigException;
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
    commit(null);
  }

  /**
   * Commits the offsets of the finished records, if any, within {@code timeout} (null: the client's
   * default). Whatever happens, they are forgotten: a failed commit leaves them to be read again,
   * at least once.
   */
  private void commit(Duration timeout) {
    if (finished.isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = Map.copyOf(finished);
    try {
      try {
        commitSync(offsets, timeout);
      } catch (WakeupException e) {
        // close() woke the consumer during the commit; a wake-up is one-shot, so this one goes.
        commitSync(offsets, timeout);
      }
    } catch (org.apache.kafka.clients.consumer.CommitFailedException e) {
      // The group moved the partitions on (this instance was too slow): their records will be
      // processed again by the new owner, at least once.
      LOG.log(Level.WARNING, subscription.event() + " lost its partitions before committing", e);
    } finally {
      finished.clear();
    }
  }

  private void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets, Duration timeout) {
    if (timeout == null) {
      consumer.commitSync(offsets);
    } else {
      consumer.commitSync(offsets, timeout);
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
    KafkaConsumer<byte[], byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
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

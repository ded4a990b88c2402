package dev.hookc.kafka;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;

/**
 * A {@link KafkaProducer} that is made again after a failure it cannot leave by itself.
 *
 * <p>An idempotent producer whose broker refused its credentials, or its right to write
 * idempotently, keeps that error for good: every later send fails with it, even once the user
 * exists or the password is right (an operator provisioning the user after the deployment, a
 * rotated secret, a token endpoint that was away). A route handing deliveries off would answer 503
 * until the process restarts. So a send that failed so marks the producer, and the next send at
 * least {@link #RENEW_AFTER} after the producer was made gets a new one; the old one is closed on a
 * thread of its own, failing what it still held (its routes answered 503 for those already).
 */
final class RenewingProducer<K, V> implements AutoCloseable {
  /** At most one new producer per this long, the {@code Retry-After} a refused hand-off answers. */
  static final Duration RENEW_AFTER = Duration.ofSeconds(5);

  private static final System.Logger LOG = System.getLogger(RenewingProducer.class.getName());

  private final String label;
  private final Supplier<KafkaProducer<K, V>> factory;
  private volatile KafkaProducer<K, V> current;
  private volatile Throwable unusable;
  private long madeAt;
  private boolean closed;

  /** Makes the first producer now: a setting the client refuses fails here, at start-up. */
  RenewingProducer(String label, Supplier<KafkaProducer<K, V>> factory) {
    this.label = label;
    this.factory = factory;
    this.current = factory.get();
    this.madeAt = System.nanoTime();
  }

  /** The producer to send with: a new one when the last is unusable and old enough. */
  KafkaProducer<K, V> producer() {
    if (unusable == null) {
      return current;
    }
    synchronized (this) {
      Throwable why = unusable;
      if (why == null || closed || System.nanoTime() - madeAt < RENEW_AFTER.toNanos()) {
        return current;
      }
      KafkaProducer<K, V> renewed;
      try {
        renewed = factory.get();
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, label + ": could not make a new producer", e);
        madeAt = System.nanoTime();
        return current;
      }
      KafkaProducer<K, V> old = current;
      current = renewed;
      unusable = null;
      madeAt = System.nanoTime();
      LOG.log(
          Level.WARNING,
          label
              + ": made a new producer; the last one was refused for good ("
              + why.getClass().getName()
              + ": "
              + why.getMessage()
              + ")");
      closeQuietly(old);
      return renewed;
    }
  }

  /** Notes that a send of {@code producer} failed with {@code failure}. */
  void failed(KafkaProducer<K, V> producer, Throwable failure) {
    Throwable refusal = refusal(failure);
    if (refusal != null && producer == current) {
      unusable = refusal;
    }
  }

  /**
   * The refusal the producer keeps for good in {@code failure} or what it wraps (a producer in an
   * error state says "Cannot perform send because at least one previous ... request has failed",
   * caused by it); null if there is none. A topic it may not write to is not one: other topics
   * still work.
   */
  static Throwable refusal(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof AuthenticationException
          || t instanceof ClusterAuthorizationException
          || t instanceof TransactionalIdAuthorizationException) {
        return t;
      }
    }
    return null;
  }

  /** Closes the producer, waiting up to {@code grace} for what it has in flight. */
  void close(Duration grace) {
    KafkaProducer<K, V> last;
    synchronized (this) {
      closed = true;
      last = current;
    }
    last.close(grace);
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(5));
  }

  private void closeQuietly(KafkaProducer<K, V> old) {
    Thread closer =
        new Thread(
            () -> {
              try {
                old.close(Duration.ZERO);
              } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, label + ": closing the refused producer failed", e);
              }
            },
            "hookc-kafka-producer-close");
    closer.setDaemon(true);
    closer.start();
  }
}

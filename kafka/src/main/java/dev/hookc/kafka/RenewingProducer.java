package dev.hookc.kafka;

import dev.hookc.runtime.health.ComponentHealth;
import dev.hookc.runtime.health.Health;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * until the process restarts. So a send that failed so makes the producer a {@link Component} of
 * the application's health, down with the refusal, and a check on a thread of its own {@link
 * #FIRST_CHECK} later makes a new producer and asks the brokers for the failed topic's partitions
 * with it: answered, the new producer is the one sends use and the component is up again (with the
 * number of producers made again); refused, the check comes again, each wait twice the last up to
 * {@link #LAST_CHECK}. The check does not wait for traffic, so a load balancer that took the
 * instance out on its health sees it come back. The old producer is closed at once, failing what it
 * still held (its routes answered 503 for those already). A route's {@link #probe} asks the brokers
 * once as the application starts, so that refused credentials are known before the first send.
 */
final class RenewingProducer<K, V> implements AutoCloseable {
  /** The first check after a refusal: the {@code Retry-After} a refused hand-off answers. */
  static final Duration FIRST_CHECK = Duration.ofSeconds(5);

  /** The longest wait between checks while the brokers keep refusing. */
  static final Duration LAST_CHECK = Duration.ofSeconds(60);

  private static final System.Logger LOG = System.getLogger(RenewingProducer.class.getName());

  /** The health component the producer is once refused: {@code name} in {@code health}. */
  record Component(Health health, String name) {}

  private final String label;
  private final Component component;
  private final Supplier<KafkaProducer<K, V>> factory;
  private final ScheduledExecutorService checks;
  private final AtomicBoolean probed = new AtomicBoolean();
  private volatile KafkaProducer<K, V> current;
  // Whether the component is reported down: a check or a successful send reports it up again.
  private volatile boolean down;
  private long renewals; // guarded by this
  private int refusals; // guarded by this: in a row, for the wait before the next check
  private boolean closed; // guarded by this

  /** Makes the first producer now: a setting the client refuses fails here, at start-up. */
  RenewingProducer(String label, Component component, Supplier<KafkaProducer<K, V>> factory) {
    this.label = label;
    this.component = component;
    this.factory = factory;
    this.current = factory.get();
    this.checks =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "hookc-kafka-producer-check");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** The producer to send with now. */
  KafkaProducer<K, V> producer() {
    return current;
  }

  /**
   * Notes that a send of {@code producer} to {@code topic} failed with {@code failure}: a refusal
   * the producer keeps makes the component down and schedules a check, unless one is due already.
   */
  void failed(KafkaProducer<K, V> producer, Throwable failure, String topic) {
    Throwable refusal = refusal(failure);
    if (refusal == null || producer != current || down) {
      return;
    }
    synchronized (this) {
      if (closed || producer != current || down) {
        return;
      }
      refused(refusal, topic);
    }
  }

  /**
   * Asks the brokers for {@code topic}'s partitions on the check thread, for the first route that
   * calls (one answer covers the credentials of all), so that a refusal is known before the first
   * send; a broker that does not answer is no refusal (start-up does not wait for Kafka).
   */
  void probe(String topic) {
    if (!probed.compareAndSet(false, true)) {
      return;
    }
    KafkaProducer<K, V> producer = current;
    try {
      checks.execute(
          () -> {
            try {
              producer.partitionsFor(topic);
            } catch (RuntimeException e) {
              failed(producer, e, topic);
            }
          });
    } catch (RejectedExecutionException e) {
      // Closed already: nothing to watch.
    }
  }

  /** Notes that {@code producer} sent a record: a producer reported down is up again. */
  void sent(KafkaProducer<K, V> producer) {
    if (!down) {
      return;
    }
    synchronized (this) {
      if (down && producer == current && !closed) {
        up();
      }
    }
  }

  /**
   * Makes a new producer in place of the refused one and asks the brokers for {@code topic}'s
   * partitions with it; runs on the check thread.
   */
  private void check(String topic) {
    KafkaProducer<K, V> renewed;
    KafkaProducer<K, V> old;
    synchronized (this) {
      if (closed || !down) {
        return;
      }
      try {
        renewed = factory.get();
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, label + ": could not make a new producer", e);
        refused(e, topic);
        return;
      }
      old = current;
      current = renewed;
      renewals++;
    }
    // Outside the lock: closing joins the old producer's thread, which may be in a callback that
    // takes it.
    old.close(Duration.ZERO);
    try {
      renewed.partitionsFor(topic);
    } catch (RuntimeException e) {
      synchronized (this) {
        if (!closed && renewed == current) {
          Throwable refusal = refusal(e);
          refused(refusal == null ? e : refusal, topic);
        }
      }
      return;
    }
    synchronized (this) {
      if (!closed && renewed == current && down) {
        LOG.log(Level.INFO, label + ": the brokers take a new producer; sending again");
        up();
      }
    }
  }

  /** Reports the component down with {@code why} and schedules the next check. */
  private void refused(Throwable why, String topic) {
    down = true;
    refusals++;
    component
        .health()
        .report(
            component.name(),
            ComponentHealth.down(why.getClass().getName() + ": " + why.getMessage(), renewals));
    long wait = waitBefore(refusals).toMillis();
    LOG.log(
        Level.WARNING,
        label
            + ": the brokers refused the producer ("
            + why.getClass().getName()
            + ": "
            + why.getMessage()
            + "); a new one is tried in "
            + wait
            + " ms");
    var unused = checks.schedule(() -> check(topic), wait, TimeUnit.MILLISECONDS);
  }

  /**
   * The wait before the check after the {@code refusals}-th refusal in a row: 5, 10, 20, 40, 60 s.
   */
  static Duration waitBefore(int refusals) {
    return Duration.ofMillis(
        Math.min(LAST_CHECK.toMillis(), FIRST_CHECK.toMillis() << Math.min(refusals - 1, 10)));
  }

  private void up() {
    down = false;
    refusals = 0;
    component.health().report(component.name(), ComponentHealth.up(renewals));
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
    checks.shutdownNow();
    component.health().remove(component.name());
    last.close(grace);
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(5));
  }
}

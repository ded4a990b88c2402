package dev.hookc.metrics;

import dev.hookc.runtime.telemetry.InboxCounts;
import dev.hookc.runtime.telemetry.TelemetrySetup.InboxView;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The inboxes' counts by route and state, and the age of each one's oldest pending delivery, read
 * from the store when a scrape asks and reused for a few seconds: a storm of scrapes costs one
 * query per inbox per period.
 */
final class InboxGauges {
  private static final System.Logger LOG = System.getLogger(InboxGauges.class.getName());
  private static final InboxCounts NONE = new InboxCounts(0, 0, 0, 0);

  private final MeterRegistry registry;
  private final Map<String, InboxView> inboxes;
  private final long reuseNanos;
  private final Map<String, InboxCounts> last = new ConcurrentHashMap<>();
  private long readAt; // guarded by this
  private boolean read; // guarded by this

  InboxGauges(MeterRegistry registry, Map<String, InboxView> inboxes, Duration reuse) {
    this.registry = registry;
    this.inboxes = inboxes;
    this.reuseNanos = reuse.toNanos();
  }

  /** Reads the counts again unless they were read less than the reuse period ago. */
  synchronized void refresh() {
    long now = System.nanoTime();
    if (read && now - readAt < reuseNanos) {
      return;
    }
    read = true;
    readAt = now;
    inboxes.forEach(
        (route, inbox) -> {
          if (!last.containsKey(route)) {
            register(route);
          }
          try {
            last.put(route, inbox.counts());
          } catch (SQLException | RuntimeException e) {
            // The last counts stay: a scrape still answers while the store is away.
            LOG.log(Level.WARNING, "cannot count the inbox of " + route, e);
            last.putIfAbsent(route, NONE);
          }
        });
  }

  private void register(String route) {
    last.put(route, NONE);
    gauge(route, "pending", InboxCounts::pending);
    gauge(route, "done", InboxCounts::done);
    gauge(route, "dead", InboxCounts::dead);
    TimeGauge.builder(
            "hookc.inbox.oldest.pending",
            last,
            TimeUnit.MILLISECONDS,
            counts -> counts.getOrDefault(route, NONE).oldestPendingAgeMillis())
        .description("How long the oldest pending delivery of the route's inbox has waited")
        .tag("route", route)
        .register(registry);
  }

  private void gauge(String route, String state, ToDoubleFunction<InboxCounts> count) {
    Gauge.builder(
            "hookc.inbox.deliveries",
            last,
            counts -> count.applyAsDouble(counts.getOrDefault(route, NONE)))
        .description("The deliveries in the route's inbox, by state")
        .tag("route", route)
        .tag("state", state)
        .register(registry);
  }
}

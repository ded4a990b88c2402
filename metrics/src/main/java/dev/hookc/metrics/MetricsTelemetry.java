package dev.hookc.metrics;

import dev.hookc.runtime.telemetry.DeliveryStart;
import dev.hookc.runtime.telemetry.Observation;
import dev.hookc.runtime.telemetry.RequestStart;
import dev.hookc.runtime.telemetry.Telemetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;

/**
 * What the runtime reports, as Micrometer meters. Every label has few values: routes are templates,
 * an unmatched request's route is {@code unmatched}, an unusual method is {@code other}.
 */
final class MetricsTelemetry implements Telemetry {
  static final String UNMATCHED = "unmatched";
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");
  // Webhook senders time out after 5 to 30 s; most answers should take well under 100 ms.
  private static final Duration[] SLOS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30)
  };

  private final MeterRegistry registry;

  MetricsTelemetry(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Observation request(RequestStart request) {
    String route = request.route() == null ? UNMATCHED : request.route();
    String method =
        request.method() != null && METHODS.contains(request.method()) ? request.method() : "other";
    return new Timed() {
      private int status;

      @Override
      public void status(int status, String problemType) {
        this.status = status;
      }

      @Override
      void record(long nanos) {
        Timer.builder("hookc.requests")
            .description("Requests, by route, method, status and outcome")
            .tags("route", route, "method", method)
            .tags("status", Integer.toString(status), "outcome", outcome(status))
            .publishPercentileHistogram()
            .serviceLevelObjectives(SLOS)
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(30))
            .register(registry)
            .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
      }
    };
  }

  @Override
  public void outcome(String route, Check check, String outcome) {
    Counter.builder("hookc.guard.outcomes")
        .description("Outcomes of the routes' guards: authentication, validation, idempotency")
        .tags("route", route, "check", check.label(), "outcome", outcome)
        .register(registry)
        .increment();
  }

  @Override
  public Observation task(String workflow, String task) {
    return new Outcome() {
      @Override
      public void attribute(String key, String value) {
        if (key.equals("retries")) {
          Counter.builder("hookc.task.retries")
              .description("Attempts of tasks after their first")
              .tags("workflow", workflow, "task", task)
              .register(registry)
              .increment(Integer.parseInt(value));
        }
      }

      @Override
      void record(long nanos) {
        Timer.builder("hookc.tasks")
            .description("Workflow tasks, their retries included, by outcome")
            .tags("workflow", workflow, "task", task, "outcome", outcome())
            .serviceLevelObjectives(SLOS)
            .register(registry)
            .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
      }
    };
  }

  @Override
  public Observation delivery(DeliveryStart delivery) {
    return new Outcome() {
      @Override
      void record(long nanos) {
        Timer.builder("hookc.deliveries")
            .description("Attempts at async deliveries from the routes' inboxes, by outcome")
            .tags("route", delivery.route(), "outcome", outcome())
            .serviceLevelObjectives(SLOS)
            .register(registry)
            .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
      }
    };
  }

  @Override
  public void deliveryRetry(String route, int attempt) {
    Counter.builder("hookc.delivery.retries")
        .description("Async deliveries scheduled for another attempt")
        .tag("route", route)
        .register(registry)
        .increment();
  }

  @Override
  public void deadLettered(String route) {
    Counter.builder("hookc.delivery.dead.letters")
        .description("Async deliveries dead-lettered after their last attempt")
        .tag("route", route)
        .register(registry)
        .increment();
  }

  @Override
  public Observation datasource(String datasource, String kind, String operation) {
    return new Outcome() {
      @Override
      public void status(int status, String problemType) {
        if (status >= 400) {
          failure("error_status", null);
        }
      }

      @Override
      void record(long nanos) {
        Timer.builder("hookc.datasource.calls")
            .description("Calls to datasources: jdbc statements, http requests")
            .tags(Tags.of("datasource", datasource, "kind", kind, "operation", operation))
            .tag("outcome", outcome())
            .serviceLevelObjectives(SLOS)
            .register(registry)
            .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
      }
    };
  }

  /** {@code success}, {@code client_error}, {@code server_error}, ... as Micrometer names them. */
  static String outcome(int status) {
    if (status >= 500) {
      return "server_error";
    }
    if (status >= 400) {
      return "client_error";
    }
    if (status >= 300) {
      return "redirection";
    }
    return status >= 200 ? "success" : "informational";
  }

  /** Work timed from its start to its close. */
  private abstract static class Timed implements Observation {
    private final long start = System.nanoTime();
    private boolean closed;

    abstract void record(long nanos);

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        record(System.nanoTime() - start);
      }
    }
  }

  /** Work that succeeds unless told why it failed (the first reason). */
  private abstract static class Outcome extends Timed {
    private String failure;

    @Override
    public void failure(String reason, Throwable error) {
      if (failure == null) {
        failure = reason;
      }
    }

    String outcome() {
      return failure == null ? "success" : failure;
    }
  }
}

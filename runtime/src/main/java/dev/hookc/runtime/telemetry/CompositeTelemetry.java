package dev.hookc.runtime.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** Several telemetries at once (metrics and traces), each told everything in order. */
final class CompositeTelemetry implements Telemetry {
  private final List<Telemetry> all;

  CompositeTelemetry(List<Telemetry> all) {
    this.all = all;
  }

  @Override
  public Observation request(RequestStart request) {
    return each(t -> t.request(request));
  }

  @Override
  public Observation delivery(DeliveryStart delivery) {
    return each(t -> t.delivery(delivery));
  }

  @Override
  public Observation task(String workflow, String task) {
    return each(t -> t.task(workflow, task));
  }

  @Override
  public Observation datasource(String datasource, String kind, String operation) {
    return each(t -> t.datasource(datasource, kind, operation));
  }

  @Override
  public void outcome(String route, Check check, String outcome) {
    for (Telemetry t : all) {
      t.outcome(route, check, outcome);
    }
  }

  @Override
  public void deliveryRetry(String route, int attempt) {
    for (Telemetry t : all) {
      t.deliveryRetry(route, attempt);
    }
  }

  @Override
  public void deadLettered(String route) {
    for (Telemetry t : all) {
      t.deadLettered(route);
    }
  }

  @Override
  public void propagate(BiConsumer<String, String> header) {
    for (Telemetry t : all) {
      t.propagate(header);
    }
  }

  @Override
  public <T> Callable<T> carry(Callable<T> work) {
    Callable<T> carried = work;
    for (Telemetry t : all) {
      carried = t.carry(carried);
    }
    return carried;
  }

  private Observation each(Function<Telemetry, Observation> start) {
    List<Observation> started = new ArrayList<>(all.size());
    for (Telemetry t : all) {
      started.add(start.apply(t));
    }
    return new Both(started);
  }

  /** The observations of every telemetry of one unit of work. */
  private static final class Both implements Observation {
    private final List<Observation> each;

    Both(List<Observation> each) {
      this.each = each;
    }

    @Override
    public void attribute(String key, String value) {
      for (Observation o : each) {
        o.attribute(key, value);
      }
    }

    @Override
    public void status(int status, String problemType) {
      for (Observation o : each) {
        o.status(status, problemType);
      }
    }

    @Override
    public void failure(String reason, Throwable error) {
      for (Observation o : each) {
        o.failure(reason, error);
      }
    }

    @Override
    public String traceId() {
      for (Observation o : each) {
        String id = o.traceId();
        if (id != null) {
          return id;
        }
      }
      return null;
    }

    @Override
    public String spanId() {
      for (Observation o : each) {
        String id = o.spanId();
        if (id != null) {
          return id;
        }
      }
      return null;
    }

    @Override
    public void close() {
      // Last started, first ended: a tracing module's scope is innermost.
      for (int i = each.size() - 1; i >= 0; i--) {
        each.get(i).close();
      }
    }
  }
}

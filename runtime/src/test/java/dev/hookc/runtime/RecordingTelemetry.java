package dev.hookc.runtime;

import dev.hookc.runtime.telemetry.DeliveryStart;
import dev.hookc.runtime.telemetry.Observation;
import dev.hookc.runtime.telemetry.RequestStart;
import dev.hookc.runtime.telemetry.Telemetry;
import dev.hookc.runtime.telemetry.WorkContext;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * A telemetry that writes down what it is told, one line per call, with the request id of the work
 * context it was told in: {@code task payments.record record [a1b2c3d4e5f6]}.
 */
final class RecordingTelemetry implements Telemetry {
  final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private static String context() {
    WorkContext work = WorkContext.current();
    if (work == null) {
      return " [-]";
    }
    return " ["
        + (work.requestId() != null ? work.requestId() : "delivery " + work.deliveryId())
        + "]";
  }

  /** The next line that {@code wanted} accepts, waiting up to 10 s; lines before it are dropped. */
  String next(Predicate<String> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError("nothing recorded that is wanted");
      }
      if (wanted.test(line)) {
        return line;
      }
    }
  }

  /** The lines up to the first that {@code last} accepts, waiting up to 10 s for it. */
  List<String> until(Predicate<String> last) throws InterruptedException {
    List<String> all = new java.util.ArrayList<>();
    all.add(next(line -> !all.add(line) || last.test(line)));
    all.remove(all.size() - 1);
    return all;
  }

  @Override
  public Observation request(RequestStart request) {
    lines.add(
        "request "
            + request.method()
            + " "
            + request.route()
            + " "
            + request.requestId()
            + " traceparent="
            + request.header().apply("traceparent"));
    return new Recorded("request " + request.route());
  }

  @Override
  public Observation delivery(DeliveryStart delivery) {
    lines.add(
        "delivery "
            + delivery.route()
            + " attempt "
            + delivery.attempt()
            + " traceparent="
            + delivery.header().apply("traceparent"));
    return new Recorded("delivery " + delivery.route());
  }

  @Override
  public Observation task(String workflow, String task) {
    lines.add(
        "task "
            + workflow
            + " "
            + task
            + context()
            + " on "
            + Thread.currentThread().getName()
            + "@"
            + System.identityHashCode(Thread.currentThread()));
    return new Recorded("task " + task);
  }

  @Override
  public Observation datasource(String datasource, String kind, String operation) {
    lines.add("datasource " + datasource + " " + kind + " " + operation + context());
    return new Recorded("datasource " + datasource);
  }

  @Override
  public void outcome(String route, Check check, String outcome) {
    lines.add("outcome " + route + " " + check.label() + " " + outcome + context());
  }

  @Override
  public void deliveryRetry(String route, int attempt) {
    lines.add("retry " + route + " attempt " + attempt);
  }

  @Override
  public void deadLettered(String route) {
    lines.add("dead " + route);
  }

  @Override
  public void propagate(BiConsumer<String, String> header) {
    header.accept("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
  }

  /** Writes down the end of one unit of work. */
  private final class Recorded implements Observation {
    private final String what;

    Recorded(String what) {
      this.what = what;
    }

    @Override
    public void attribute(String key, String value) {
      lines.add("attribute " + what + " " + key + "=" + value);
    }

    @Override
    public void status(int status, String problemType) {
      lines.add("status " + what + " " + status + " " + problemType);
    }

    @Override
    public void failure(String reason, Throwable error) {
      lines.add("failure " + what + " " + reason);
    }

    @Override
    public void close() {
      lines.add("close " + what);
    }
  }
}

package dev.hookc.kafka;

import dev.hookc.runtime.telemetry.Observation;
import dev.hookc.runtime.telemetry.Telemetry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;

/**
 * Telemetry that records the datasource calls and failed attempts it sees, and hands a fixed trace
 * context to outgoing messages, so that tests can check what an outbox reports.
 */
final class RecordingTelemetry implements Telemetry {
  static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  /** Each datasource call, as {@code <datasource> <kind> <operation>}. */
  final List<String> datasourceCalls = new CopyOnWriteArrayList<>();

  /** The failure reasons of datasource calls. */
  final List<String> datasourceFailures = new CopyOnWriteArrayList<>();

  /** A permit per failed attempt that is retried. */
  final Semaphore retries = new Semaphore(0);

  @Override
  public Observation datasource(String datasource, String kind, String operation) {
    datasourceCalls.add(datasource + " " + kind + " " + operation);
    return new Observation() {
      @Override
      public void failure(String reason, Throwable error) {
        datasourceFailures.add(reason);
      }
    };
  }

  @Override
  public void deliveryRetry(String route, int attempt) {
    retries.release();
  }

  @Override
  public void propagate(BiConsumer<String, String> header) {
    header.accept("traceparent", TRACEPARENT);
  }
}

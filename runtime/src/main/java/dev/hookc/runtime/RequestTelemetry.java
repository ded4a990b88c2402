package dev.hookc.runtime;

import dev.hookc.runtime.telemetry.DeliveryStart;
import dev.hookc.runtime.telemetry.Observation;
import dev.hookc.runtime.telemetry.RequestStart;
import dev.hookc.runtime.telemetry.Telemetry;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * The application's telemetry as one request's work sees it: it passes everything on, and notes
 * whether a validation outcome was reported, so that the request's end reports a refusal that the
 * generated code threw without one (a body that broke its schema) exactly once.
 */
final class RequestTelemetry implements Telemetry {
  private final Telemetry telemetry;
  private volatile boolean validated;

  RequestTelemetry(Telemetry telemetry) {
    this.telemetry = telemetry;
  }

  boolean validated() {
    return validated;
  }

  @Override
  public Observation request(RequestStart request) {
    return telemetry.request(request);
  }

  @Override
  public Observation delivery(DeliveryStart delivery) {
    return telemetry.delivery(delivery);
  }

  @Override
  public Observation task(String workflow, String task) {
    return telemetry.task(workflow, task);
  }

  @Override
  public Observation datasource(String datasource, String kind, String operation) {
    return telemetry.datasource(datasource, kind, operation);
  }

  @Override
  public void outcome(String route, Check check, String outcome) {
    if (check == Check.VALIDATION) {
      validated = true;
    }
    telemetry.outcome(route, check, outcome);
  }

  @Override
  public void deliveryRetry(String route, int attempt) {
    telemetry.deliveryRetry(route, attempt);
  }

  @Override
  public void deadLettered(String route) {
    telemetry.deadLettered(route);
  }

  @Override
  public void propagate(BiConsumer<String, String> header) {
    telemetry.propagate(header);
  }

  @Override
  public <T> Callable<T> carry(Callable<T> work) {
    return telemetry.carry(work);
  }
}

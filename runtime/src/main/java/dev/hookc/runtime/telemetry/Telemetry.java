package dev.hookc.runtime.telemetry;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * Receives what an application does, as it does it. An implementation must be thread-safe, fast (it
 * runs on every request) and must not throw: hookc calls it inside the request's own path. Every
 * method has a default that does nothing, so an implementation overrides what it records.
 *
 * <p>Names are the ones operators see: a route is {@code "POST /webhooks/{id}"} (the method and the
 * path template, never the requested path, whose values would make every request a series of its
 * own); a workflow is its Godspeed name ({@code payments.record}); a task its {@code id}.
 */
public interface Telemetry {

  /** Records nothing. */
  Telemetry NONE = new Telemetry() {};

  /**
   * A request has been read and routed and is about to be handled; the observation ends once its
   * response is written, with {@link Observation#status}.
   */
  default Observation request(RequestStart request) {
    return Observation.NONE;
  }

  /**
   * A worker took an async delivery from a route's inbox and runs the route's workflow on it; the
   * observation ends when the attempt ends, with the handler's status or a failure.
   */
  default Observation delivery(DeliveryStart delivery) {
    return Observation.NONE;
  }

  /**
   * A workflow's task starts (its retries included: one observation per task, {@link
   * Observation#attribute} {@code retries} when it was retried); it belongs to the current request
   * or delivery.
   */
  default Observation task(String workflow, String task) {
    return Observation.NONE;
  }

  /**
   * A call to a datasource starts: {@code operation} is a jdbc statement's name or an http call's
   * {@code METHOD /path-template}; {@code kind} is {@code jdbc} or {@code http}.
   */
  default Observation datasource(String datasource, String kind, String operation) {
    return Observation.NONE;
  }

  /**
   * The outcome of one of a route's guards: {@code check} is {@link Check#AUTHENTICATION}, {@link
   * Check#VALIDATION} or {@link Check#IDEMPOTENCY}; {@code outcome} a short word (see {@link
   * Check}).
   */
  default void outcome(String route, Check check, String outcome) {}

  /** An inbox delivery will be attempted again: {@code attempt} is the number of the next one. */
  default void deliveryRetry(String route, int attempt) {}

  /** A delivery failed its last attempt and was dead-lettered. */
  default void deadLettered(String route) {}

  /**
   * Adds the headers that carry the current trace ({@code traceparent}, {@code tracestate}) to an
   * outbound call; called by http datasources before each request.
   */
  default void propagate(BiConsumer<String, String> header) {}

  /**
   * Wraps work that another thread does for the current request or delivery (a parallel branch), so
   * that what it reports belongs to it.
   */
  default <T> Callable<T> carry(Callable<T> work) {
    return work;
  }

  /** The guards whose outcomes {@link #outcome} reports. */
  enum Check {
    /**
     * {@code accepted}, or the problem's type when refused ({@code invalid-signature}, {@code
     * expired-timestamp}, {@code missing-credentials}, ...).
     */
    AUTHENTICATION,
    /** {@code accepted}, or {@code invalid-body}, {@code invalid-parameter}, ... when refused. */
    VALIDATION,
    /**
     * {@code first} (the delivery runs), {@code replayed} (a completed one answered again), {@code
     * in-flight} (the same key is being handled: 409).
     */
    IDEMPOTENCY;

    /** The name used in metrics and span attributes: {@code authentication}, ... */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** All of {@code telemetries}, in order; {@link #NONE} when empty, the one when one. */
  static Telemetry of(List<Telemetry> telemetries) {
    return switch (telemetries.size()) {
      case 0 -> NONE;
      case 1 -> telemetries.get(0);
      default -> new CompositeTelemetry(List.copyOf(telemetries));
    };
  }
}

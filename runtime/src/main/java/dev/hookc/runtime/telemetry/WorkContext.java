package dev.hookc.runtime.telemetry;

import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * What the current thread is doing for the application: the request or async delivery, its route
 * and id, when it was received, the task running, and the telemetry that observes it. Log lines
 * carry it (the JSON log format), tasks and datasource calls find their telemetry through it, and a
 * parallel branch takes it along ({@link #carry}).
 */
public final class WorkContext {
  private static final ThreadLocal<WorkContext> CURRENT = new ThreadLocal<>();

  private final Telemetry telemetry;
  private final String requestId;
  private final String route;
  private final String deliveryId;
  private final Instant receivedAt;
  private final Observation root;
  private final String task;

  private WorkContext(
      Telemetry telemetry,
      String requestId,
      String route,
      String deliveryId,
      Instant receivedAt,
      Observation root,
      String task) {
    this.telemetry = telemetry;
    this.requestId = requestId;
    this.route = route;
    this.deliveryId = deliveryId;
    this.receivedAt = receivedAt;
    this.root = root;
    this.task = task;
  }

  /** The context of a request or delivery observed by {@code root}. */
  public static WorkContext of(
      Telemetry telemetry, String requestId, String route, String deliveryId, Observation root) {
    return of(telemetry, requestId, route, deliveryId, null, root);
  }

  /**
   * The context of a request or delivery observed by {@code root}, received at {@code receivedAt}
   * (null when not known).
   */
  public static WorkContext of(
      Telemetry telemetry,
      String requestId,
      String route,
      String deliveryId,
      Instant receivedAt,
      Observation root) {
    return new WorkContext(telemetry, requestId, route, deliveryId, receivedAt, root, null);
  }

  /** The current thread's context, or null outside a request or delivery. */
  public static WorkContext current() {
    return CURRENT.get();
  }

  /** The current thread's telemetry: {@link Telemetry#NONE} outside a request or delivery. */
  public static Telemetry telemetry() {
    WorkContext current = CURRENT.get();
    return current == null ? Telemetry.NONE : current.telemetry;
  }

  /** Makes {@code context} the current thread's until the returned scope closes. */
  public static Scope enter(WorkContext context) {
    WorkContext previous = CURRENT.get();
    CURRENT.set(context);
    return () -> CURRENT.set(previous);
  }

  /** The current context with {@code task} running, until the scope closes; none outside one. */
  public static Scope task(String task) {
    WorkContext current = CURRENT.get();
    if (current == null) {
      return () -> {};
    }
    return enter(
        new WorkContext(
            current.telemetry,
            current.requestId,
            current.route,
            current.deliveryId,
            current.receivedAt,
            current.root,
            task));
  }

  /** {@code work} made to run, on any thread, in the current context and trace. */
  public static <T> Callable<T> carry(Callable<T> work) {
    WorkContext current = CURRENT.get();
    if (current == null) {
      return work;
    }
    Callable<T> traced = current.telemetry.carry(work);
    return () -> {
      Scope scope = enter(current);
      try {
        return traced.call();
      } finally {
        scope.close();
      }
    };
  }

  /**
   * Reports the outcome of one of the current route's guards to the current telemetry; nothing
   * outside a request or delivery.
   */
  public static void outcome(Telemetry.Check check, String outcome) {
    WorkContext current = CURRENT.get();
    if (current != null && current.route != null) {
      current.telemetry.outcome(current.route, check, outcome);
    }
  }

  /** The id of the request (null on an async delivery's attempt). */
  public String requestId() {
    return requestId;
  }

  /** The route, {@code POST /webhooks/{id}}; null for a request that matched none. */
  public String route() {
    return route;
  }

  /** The inbox's id of the async delivery being attempted, else null. */
  public String deliveryId() {
    return deliveryId;
  }

  /**
   * When hookc received the work: the request's arrival, an async delivery's acceptance (the same
   * on every attempt), the {@code hookc-received-at} of a Kafka record that carries one, else when
   * the record was taken; null when not known.
   */
  public Instant receivedAt() {
    return receivedAt;
  }

  /** The task running, {@code workflow.task}, or null. */
  public String task() {
    return task;
  }

  /** The W3C trace id, or null when nothing traces the work. */
  public String traceId() {
    return root.traceId();
  }

  /** The id of the request's or delivery's span, or null when nothing traces the work. */
  public String spanId() {
    return root.spanId();
  }

  /** Ends what {@link #enter} or {@link #task} began. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}

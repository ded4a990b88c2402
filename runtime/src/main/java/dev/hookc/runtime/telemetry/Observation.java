package dev.hookc.runtime.telemetry;

/**
 * One unit of work being observed — a request, a delivery attempt, a task, a datasource call — from
 * its start until {@link #close()}. Used by one thread at a time.
 */
public interface Observation extends AutoCloseable {

  /** Observes nothing. */
  Observation NONE = new Observation() {};

  /**
   * A detail of the work: {@code delivery.id}, {@code retries}, {@code rows}, ... Attributes that
   * metrics turn into labels are listed on the methods of {@link Telemetry} that start the work.
   */
  default void attribute(String key, String value) {}

  /**
   * The answer: an HTTP status (of a request, of the handler on an async delivery, of an http
   * datasource's response), with the problem's type name ({@code invalid-body}, the last segment of
   * the problem's {@code type} URI) when the answer is a problem, else null.
   */
  default void status(int status, String problemType) {}

  /**
   * The work failed: {@code reason} is short and of few values ({@code exception}, {@code status},
   * {@code timeout}, a datasource failure's kind), {@code error} the exception or null.
   */
  default void failure(String reason, Throwable error) {}

  /** The W3C trace id this work belongs to (32 hex digits), or null when nothing traces it. */
  default String traceId() {
    return null;
  }

  /**
   * The id of this work's span in its trace (16 hex digits), or null when nothing traces it; log
   * lines carry the request's or delivery's.
   */
  default String spanId() {
    return null;
  }

  /** Ends the work; an observation is closed exactly once. */
  @Override
  default void close() {}
}

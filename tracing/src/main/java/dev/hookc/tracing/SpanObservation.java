package dev.hookc.tracing;

import dev.hookc.runtime.telemetry.Observation;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.util.Set;

/**
 * One span, current on the thread that started it until it ends. The runtime's attribute names
 * ({@code delivery.id}, {@code retries}) become {@code hookc.*} ones, where no semantic convention
 * names them.
 */
final class SpanObservation implements Observation {
  private static final Set<String> CONVENTIONS =
      Set.of("http.", "db.", "server.", "url.", "error.");
  private static final Set<String> COUNTS = Set.of("retries", "attempt", "rows");

  private final Span span;
  private final SpanKind kind;
  private final Scope scope;
  private final Thread thread;

  // The scope outlives this constructor on purpose: close() closes it when the work ends.
  @SuppressWarnings("MustBeClosedChecker")
  private SpanObservation(Span span, SpanKind kind) {
    this.span = span;
    this.kind = kind;
    this.scope = span.makeCurrent();
    this.thread = Thread.currentThread();
  }

  static Observation start(SpanBuilder span, SpanKind kind) {
    return new SpanObservation(span.startSpan(), kind);
  }

  @Override
  public void attribute(String key, String value) {
    if (key == null || value == null) {
      return;
    }
    if (COUNTS.contains(key) && isCount(value)) {
      span.setAttribute("hookc." + key, Long.parseLong(value));
    } else if (CONVENTIONS.stream().anyMatch(key::startsWith)) {
      span.setAttribute(key, value);
    } else {
      span.setAttribute("hookc." + key.replace('.', '_'), value);
    }
  }

  @Override
  public void status(int status, String problemType) {
    span.setAttribute("http.response.status_code", (long) status);
    // A server's 4xx is its client's mistake, not its own failure; a client's 4xx is its own.
    boolean failed = kind == SpanKind.CLIENT ? status >= 400 : status >= 500;
    if (problemType != null) {
      span.setAttribute("error.type", problemType);
    } else if (failed) {
      span.setAttribute("error.type", Integer.toString(status));
    }
    if (failed) {
      span.setStatus(StatusCode.ERROR);
    }
  }

  @Override
  public void failure(String reason, Throwable error) {
    span.setAttribute(
        "error.type", error != null ? error.getClass().getName() : String.valueOf(reason));
    if (error != null) {
      span.recordException(error);
    }
    span.setStatus(StatusCode.ERROR, reason);
  }

  @Override
  public String traceId() {
    return span.getSpanContext().isValid() ? span.getSpanContext().getTraceId() : null;
  }

  @Override
  public String spanId() {
    return span.getSpanContext().isValid() ? span.getSpanContext().getSpanId() : null;
  }

  @Override
  public void close() {
    // A scope belongs to its thread: closed on another one, it would undo that thread's context.
    if (Thread.currentThread() == thread) {
      scope.close();
    }
    span.end();
  }

  private static boolean isCount(String value) {
    if (value.isEmpty() || value.length() > 18) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (!Character.isDigit(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}

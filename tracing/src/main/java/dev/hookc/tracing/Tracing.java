package dev.hookc.tracing;

import dev.hookc.runtime.telemetry.DeliveryStart;
import dev.hookc.runtime.telemetry.Observation;
import dev.hookc.runtime.telemetry.RequestStart;
import dev.hookc.runtime.telemetry.Telemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Spans of an application's work: SERVER for a request, CONSUMER for an async delivery attempt,
 * INTERNAL for a task, CLIENT for a datasource call, named and described as OpenTelemetry's
 * semantic conventions say. Each span is the current context while its work runs, so that the spans
 * of the application's own functions, and of the agent's JDBC and HttpClient instrumentation, are
 * its children.
 */
final class Tracing implements Telemetry {
  private static final Set<String> METHODS =
      Set.of("CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE");

  private final Tracer tracer;
  private final TextMapPropagator propagator;

  Tracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("dev.hookc.tracing");
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
  }

  @Override
  public Observation request(RequestStart request) {
    Context parent = propagator.extract(Context.current(), request.header(), HEADER);
    String route = request.route();
    SpanBuilder span =
        tracer
            .spanBuilder(route == null ? method(request.method()) : route)
            .setParent(parent)
            .setSpanKind(SpanKind.SERVER);
    method(span, request.method());
    if (route != null) {
      span.setAttribute("http.route", template(route));
    }
    if (request.requestId() != null) {
      span.setAttribute("hookc.request_id", request.requestId());
    }
    return SpanObservation.start(span, SpanKind.SERVER);
  }

  @Override
  public Observation delivery(DeliveryStart delivery) {
    // The request that delivered it is the parent: a delivery's attempts, retries an hour later
    // included, are in the trace of the request that the sender sees.
    Context parent =
        delivery.header() == null
            ? Context.current()
            : propagator.extract(Context.current(), delivery.header(), HEADER);
    SpanBuilder span =
        tracer
            .spanBuilder("process " + delivery.route())
            .setParent(parent)
            .setSpanKind(SpanKind.CONSUMER)
            .setAttribute("hookc.route", delivery.route())
            .setAttribute("hookc.attempt", (long) delivery.attempt());
    String route = delivery.route();
    if (route != null) {
      span.setAttribute("http.route", template(route));
    }
    if (delivery.deliveryId() != null) {
      span.setAttribute("hookc.delivery_id", delivery.deliveryId());
    }
    return SpanObservation.start(span, SpanKind.CONSUMER);
  }

  @Override
  public Observation task(String workflow, String task) {
    SpanBuilder span =
        tracer
            .spanBuilder(workflow + "." + task)
            .setSpanKind(SpanKind.INTERNAL)
            .setAttribute("hookc.workflow", workflow)
            .setAttribute("hookc.task", task);
    return SpanObservation.start(span, SpanKind.INTERNAL);
  }

  @Override
  public Observation datasource(String datasource, String kind, String operation) {
    SpanBuilder span;
    if ("http".equals(kind)) {
      // operation is "GET /v1/payments/{id}": the template, never the requested path's values.
      int space = operation.indexOf(' ');
      span = tracer.spanBuilder(operation).setSpanKind(SpanKind.CLIENT);
      method(span, space < 0 ? operation : operation.substring(0, space));
      if (space >= 0) {
        span.setAttribute("url.template", operation.substring(space + 1));
      }
    } else {
      // A statement's name from src/datasources, never its SQL text nor its values.
      span =
          tracer
              .spanBuilder(operation + " " + datasource)
              .setSpanKind(SpanKind.CLIENT)
              .setAttribute("db.system", kind)
              .setAttribute("db.operation.name", operation);
    }
    span.setAttribute("hookc.datasource", datasource);
    return SpanObservation.start(span, SpanKind.CLIENT);
  }

  @Override
  public void outcome(String route, Check check, String outcome) {
    // Guards run before any task: the current span is the request's or the delivery's.
    Span.current().setAttribute("hookc." + check.label(), outcome);
  }

  @Override
  public void propagate(BiConsumer<String, String> header) {
    propagator.inject(Context.current(), header, BiConsumer::accept);
  }

  @Override
  public <T> Callable<T> carry(Callable<T> work) {
    return Context.current().wrap(work);
  }

  private static String method(String method) {
    String upper = method == null ? "" : method.toUpperCase(Locale.ROOT);
    return METHODS.contains(upper) ? upper : "HTTP";
  }

  // Semantic conventions: a method outside the known ones is _OTHER, with the original beside it.
  private static void method(SpanBuilder span, String method) {
    String upper = method == null ? "" : method.toUpperCase(Locale.ROOT);
    if (METHODS.contains(upper)) {
      span.setAttribute("http.request.method", upper);
    } else {
      span.setAttribute("http.request.method", "_OTHER");
      span.setAttribute("http.request.method_original", String.valueOf(method));
    }
  }

  /** {@code /webhooks/{id}} of {@code POST /webhooks/{id}}. */
  private static String template(String route) {
    int space = route.indexOf(' ');
    return space < 0 ? route : route.substring(space + 1);
  }

  /** Reads a request's or a delivery's headers by name. */
  private static final TextMapGetter<Function<String, String>> HEADER =
      (carrier, key) -> carrier == null ? null : carrier.apply(key);
}

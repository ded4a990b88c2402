package dev.hookc.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.runtime.telemetry.DeliveryStart;
import dev.hookc.runtime.telemetry.Observation;
import dev.hookc.runtime.telemetry.RequestStart;
import dev.hookc.runtime.telemetry.Telemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The spans of each unit of work the runtime reports, as an exporter receives them. */
@Timeout(10)
@SuppressWarnings("try") // An observation's try block is the work it observes, unreferenced.
class TracingTest {
  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SENDER_SPAN = "00f067aa0ba902b7";
  private static final String TRACEPARENT = "00-" + TRACE + "-" + SENDER_SPAN + "-01";

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final OpenTelemetrySdk sdk =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                  .build())
          .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
          .build();
  private final Telemetry tracing = new Tracing(sdk);

  @AfterEach
  void close() {
    sdk.close();
  }

  @Test
  void continuesTheSendersTraceFromItsTraceparentHeader() {
    String spanId;
    try (Observation request = tracing.request(request(Map.of("traceparent", TRACEPARENT)))) {
      assertThat(request.traceId()).isEqualTo(TRACE);
      spanId = request.spanId();
      request.status(200, null);
    }

    SpanData span = only();
    assertThat(span.getSpanId()).isEqualTo(spanId);
    assertThat(span.getName()).isEqualTo("POST /webhooks/{id}");
    assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(span.getTraceId()).isEqualTo(TRACE);
    assertThat(span.getParentSpanId()).isEqualTo(SENDER_SPAN);
    assertThat(span.getParentSpanContext().isRemote()).isTrue();
    assertThat(attributes(span))
        .containsEntry("http.request.method", "POST")
        .containsEntry("http.route", "/webhooks/{id}")
        .containsEntry("http.response.status_code", 200L)
        .containsEntry("hookc.request_id", "req-1")
        .doesNotContainKey("error.type");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void startsATraceOfItsOwnWithoutATraceparentOrWithAMalformedOne() {
    try (Observation request = tracing.request(request(Map.of("traceparent", "00-zz-01")))) {
      assertThat(request.traceId()).hasSize(32).isNotEqualTo(TRACE);
    }

    assertThat(only().getParentSpanContext().isValid()).isFalse();
  }

  @Test
  void tasksAndDatasourceCallsAreChildrenOfTheRequestAndOfEachOther() {
    try (Observation request = tracing.request(request(Map.of("traceparent", TRACEPARENT)))) {
      try (Observation task = tracing.task("payments.record", "fetch_payment")) {
        task.attribute("retries", "2");
        try (Observation call = tracing.datasource("gateway", "http", "GET /v1/payments/{id}")) {
          call.status(200, null);
        }
      }
      try (Observation task = tracing.task("payments.record", "insert_payment");
          Observation call = tracing.datasource("db", "jdbc", "insertPayment")) {
        call.attribute("rows", "1");
      }
      request.status(200, null);
    }

    Map<String, SpanData> spans = byName();
    SpanData request = spans.get("POST /webhooks/{id}");
    SpanData fetch = spans.get("payments.record.fetch_payment");
    SpanData get = spans.get("GET /v1/payments/{id}");
    SpanData insert = spans.get("payments.record.insert_payment");
    SpanData jdbc = spans.get("insertPayment db");
    assertThat(fetch.getParentSpanId()).isEqualTo(request.getSpanId());
    assertThat(insert.getParentSpanId()).isEqualTo(request.getSpanId());
    assertThat(get.getParentSpanId()).isEqualTo(fetch.getSpanId());
    assertThat(jdbc.getParentSpanId()).isEqualTo(insert.getSpanId());
    assertThat(List.of(fetch, get, insert, jdbc))
        .allSatisfy(span -> assertThat(span.getTraceId()).isEqualTo(TRACE));
    assertThat(fetch.getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(attributes(fetch))
        .containsEntry("hookc.workflow", "payments.record")
        .containsEntry("hookc.task", "fetch_payment")
        .containsEntry("hookc.retries", 2L);
    assertThat(get.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(attributes(get))
        .containsEntry("http.request.method", "GET")
        .containsEntry("url.template", "/v1/payments/{id}")
        .containsEntry("http.response.status_code", 200L)
        .containsEntry("hookc.datasource", "gateway");
    assertThat(jdbc.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(attributes(jdbc))
        .containsEntry("db.system", "jdbc")
        .containsEntry("db.operation.name", "insertPayment")
        .containsEntry("hookc.datasource", "db")
        .containsEntry("hookc.rows", 1L);
  }

  @Test
  void aServerErrorIsAnErrorAndAProblemOfTheSendersIsOnlyDescribed() {
    try (Observation failed = tracing.request(request(Map.of()))) {
      failed.status(500, null);
    }
    try (Observation refused = tracing.request(request(Map.of()))) {
      refused.status(400, "invalid-body");
    }

    List<SpanData> spans = exporter.getFinishedSpanItems();
    assertThat(spans.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(attributes(spans.get(0))).containsEntry("error.type", "500");
    assertThat(spans.get(1).getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(attributes(spans.get(1)))
        .containsEntry("error.type", "invalid-body")
        .containsEntry("http.response.status_code", 400L);
  }

  @Test
  void aDatasourceAnswering4xxAndAFailedTaskAreErrors() {
    IllegalStateException boom = new IllegalStateException("connection refused");
    try (Observation task = tracing.task("payments.record", "fetch_payment")) {
      try (Observation call = tracing.datasource("gateway", "http", "GET /v1/payments/{id}")) {
        call.status(404, null);
      }
      task.failure("exception", boom);
    }

    Map<String, SpanData> spans = byName();
    SpanData call = spans.get("GET /v1/payments/{id}");
    assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(attributes(call)).containsEntry("error.type", "404");
    SpanData task = spans.get("payments.record.fetch_payment");
    assertThat(task.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(attributes(task)).containsEntry("error.type", "java.lang.IllegalStateException");
    assertThat(task.getEvents()).extracting(event -> event.getName()).containsExactly("exception");
  }

  @Test
  void propagatesTheCurrentCallsSpanToAnOutboundRequest() {
    Map<String, String> sent = new TreeMap<>();
    String callSpan;
    try (Observation request = tracing.request(request(Map.of("traceparent", TRACEPARENT)));
        Observation call = tracing.datasource("gateway", "http", "GET /v1/payments/{id}")) {
      callSpan = Span.current().getSpanContext().getSpanId();
      tracing.propagate(sent::put);
    }

    assertThat(sent).containsEntry("traceparent", "00-" + TRACE + "-" + callSpan + "-01");
    assertThat(byName().get("GET /v1/payments/{id}").getSpanId()).isEqualTo(callSpan);
  }

  @Test
  void propagatesNothingOutsideAnyWork() {
    Map<String, String> sent = new TreeMap<>();

    tracing.propagate(sent::put);

    assertThat(sent).isEmpty();
  }

  @Test
  void aParallelBranchOnAnotherThreadBelongsToTheTaskThatStartedIt() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Observation request = tracing.request(request(Map.of()));
        Observation parallel = tracing.task("payments.record", "both")) {
      Callable<String> branch =
          tracing.carry(
              () -> {
                try (Observation task = tracing.task("payments.record", "left")) {
                  return task.traceId();
                }
              });
      assertThat(pool.submit(branch).get(5, TimeUnit.SECONDS)).isEqualTo(request.traceId());
    } finally {
      pool.shutdownNow();
    }

    Map<String, SpanData> spans = byName();
    assertThat(spans.get("payments.record.left").getParentSpanId())
        .isEqualTo(spans.get("payments.record.both").getSpanId());
  }

  @Test
  void aDeliveryAttemptContinuesTheTraceOfTheRequestThatDeliveredIt() {
    Function<String, String> stored = header(Map.of("traceparent", TRACEPARENT));
    try (Observation attempt =
            tracing.delivery(new DeliveryStart("POST /webhooks/shipments", "d-42", 3, stored));
        Observation task = tracing.task("shipments.record", "store")) {
      attempt.status(200, null);
    }

    Map<String, SpanData> spans = byName();
    SpanData attempt = spans.get("process POST /webhooks/shipments");
    assertThat(attempt.getKind()).isEqualTo(SpanKind.CONSUMER);
    assertThat(attempt.getTraceId()).isEqualTo(TRACE);
    assertThat(attempt.getParentSpanId()).isEqualTo(SENDER_SPAN);
    assertThat(attributes(attempt))
        .containsEntry("hookc.delivery_id", "d-42")
        .containsEntry("hookc.attempt", 3L)
        .containsEntry("http.route", "/webhooks/shipments");
    assertThat(spans.get("shipments.record.store").getParentSpanId())
        .isEqualTo(attempt.getSpanId());
  }

  @Test
  void namesTheRuntimesAttributesInTheHookcNamespace() {
    try (Observation request = tracing.request(request(Map.of()))) {
      request.attribute("delivery.id", "d-7");
      request.attribute("retries", "not a number");
      request.attribute("server.address", "gateway.example");
    }

    assertThat(attributes(only()))
        .containsEntry("hookc.delivery_id", "d-7")
        .containsEntry("hookc.retries", "not a number")
        .containsEntry("server.address", "gateway.example");
  }

  @Test
  void describesTheRequestWithItsGuardsOutcomes() {
    try (Observation request = tracing.request(request(Map.of()))) {
      tracing.outcome("POST /webhooks/{id}", Telemetry.Check.AUTHENTICATION, "accepted");
      tracing.outcome("POST /webhooks/{id}", Telemetry.Check.IDEMPOTENCY, "replayed");
    }

    assertThat(attributes(only()))
        .containsEntry("hookc.authentication", "accepted")
        .containsEntry("hookc.idempotency", "replayed");
  }

  @Test
  void leavesTheThreadsContextAsItFoundIt() {
    Context before = Context.current();
    try (Observation request = tracing.request(request(Map.of()))) {
      try (Observation task = tracing.task("payments.record", "fetch_payment")) {
        assertThat(Span.current().getSpanContext().getTraceId()).isEqualTo(request.traceId());
      }
    }

    assertThat(Context.current()).isSameAs(before);
  }

  private static RequestStart request(Map<String, String> headers) {
    return new RequestStart("POST", "POST /webhooks/{id}", "req-1", header(headers));
  }

  private static Function<String, String> header(Map<String, String> headers) {
    Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byName.putAll(headers);
    return byName::get;
  }

  private SpanData only() {
    assertThat(exporter.getFinishedSpanItems()).hasSize(1);
    return exporter.getFinishedSpanItems().get(0);
  }

  private Map<String, SpanData> byName() {
    Map<String, SpanData> spans = new TreeMap<>();
    for (SpanData span : exporter.getFinishedSpanItems()) {
      assertThat(spans.put(span.getName(), span)).as(span.getName()).isNull();
    }
    return spans;
  }

  private static Map<String, Object> attributes(SpanData span) {
    Map<String, Object> all = new TreeMap<>();
    span.getAttributes()
        .forEach((AttributeKey<?> key, Object value) -> all.put(key.getKey(), value));
    return all;
  }
}

package dev.hookc.examples.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.runtime.Application;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The example traced with hookc-tracing, as a program that sets up OpenTelemetry itself before
 * building the application would trace it: one callback over real HTTP, with a sender's {@code
 * traceparent}, is one trace of its tasks and their datasource calls, continued to the gateway.
 */
@Timeout(30)
class PaymentCallbackTracingTest {
  private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
  private static final String SENDER_SPAN = "b7ad6b7169203331";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final BlockingQueue<SpanData> ENDED = new LinkedBlockingQueue<>();

  private static OpenTelemetrySdk openTelemetry;
  private static GatewayStub gateway;
  private static PaymentsTable payments;
  private static Application server;

  @BeforeAll
  static void start() throws Exception {
    // What the OpenTelemetry Java agent, or a program of the user's, does before the application
    // is built: hookc-tracing then traces with it instead of configuring an SDK of its own.
    GlobalOpenTelemetry.resetForTest();
    openTelemetry =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(new Collector()))
                    .build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .buildAndRegisterGlobal();
    gateway = new GatewayStub();
    payments = new PaymentsTable();
    server =
        HookcApplication.builder()
            .config("gateway.base_url", gateway.baseUrl())
            .environment("GATEWAY_API_KEY", GatewayStub.API_KEY)
            .dataSource("db", payments.dataSource())
            .host("127.0.0.1")
            .port(0)
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    gateway.close();
    openTelemetry.close();
    GlobalOpenTelemetry.resetForTest();
  }

  @Test
  void aTraceOfOneCallbackShowsItsTasksAndTheirDatasourceCalls() throws Exception {
    String transaction = "tx-" + UUID.randomUUID();
    gateway.knows(transaction, "success");

    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(server.baseUri().resolve("/payment/callback"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + TRACE + "-" + SENDER_SPAN + "-01")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"transaction_id\":\""
                            + transaction
                            + "\",\"order_id\":\"order-7\",\"status\":\"success\","
                            + "\"amount\":12.5,\"currency\":\"EUR\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

    List<SpanData> trace = traceUntilTheServerSpanEnds();
    SpanData request = named(trace, "POST /payment/callback");
    assertThat(request.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(request.getParentSpanId()).isEqualTo(SENDER_SPAN);
    assertThat(request.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
        .isEqualTo(200L);
    assertThat(request.getAttributes().get(AttributeKey.stringKey("http.route")))
        .isEqualTo("/payment/callback");

    SpanData fetch = named(trace, "handlePaymentCallback.fetch_payment");
    assertThat(fetch.getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(fetch.getParentSpanId()).isEqualTo(request.getSpanId());
    SpanData respond = named(trace, "handlePaymentCallback.respond_success");
    assertThat(respond.getParentSpanId()).isEqualTo(request.getSpanId());

    SpanData gatewayCall = named(trace, "GET /v1/payments/{id}");
    assertThat(gatewayCall.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(gatewayCall.getParentSpanId()).isEqualTo(fetch.getSpanId());
    assertThat(gateway.lastTraceparent())
        .isEqualTo("00-" + TRACE + "-" + gatewayCall.getSpanId() + "-01");

    SpanData update = named(trace, "updatePayment db");
    assertThat(update.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(update.getAttributes().get(AttributeKey.stringKey("db.operation.name")))
        .isEqualTo("updatePayment");
    assertThat(ancestors(trace, update))
        .contains(named(trace, "handlePaymentCallback.update_payment").getSpanId())
        .endsWith(request.getSpanId(), SENDER_SPAN);
  }

  /** The spans of {@link #TRACE} ended up to the server span, which ends last. */
  private static List<SpanData> traceUntilTheServerSpanEnds() throws InterruptedException {
    List<SpanData> trace = new ArrayList<>();
    while (true) {
      SpanData span = ENDED.poll(10, TimeUnit.SECONDS);
      assertThat(span).as("the server span, after " + trace).isNotNull();
      if (span.getTraceId().equals(TRACE)) {
        trace.add(span);
        if (span.getKind() == SpanKind.SERVER) {
          return trace;
        }
      }
    }
  }

  private static SpanData named(List<SpanData> trace, String name) {
    return trace.stream()
        .filter(span -> span.getName().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no span " + name + " in " + trace.stream().map(SpanData::getName).toList()));
  }

  /** The span ids from {@code span}'s parent up to the root's parent. */
  private static List<String> ancestors(List<SpanData> trace, SpanData span) {
    List<String> ids = new ArrayList<>();
    String parent = span.getParentSpanId();
    while (true) {
      ids.add(parent);
      String id = parent;
      SpanData next = trace.stream().filter(s -> s.getSpanId().equals(id)).findFirst().orElse(null);
      if (next == null) {
        return ids;
      }
      parent = next.getParentSpanId();
    }
  }

  /** Hands each ended span to the test as it ends. */
  private static final class Collector implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      ENDED.addAll(spans);
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}

package dev.hookc.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.runtime.telemetry.Observation;
import dev.hookc.runtime.telemetry.RequestStart;
import dev.hookc.runtime.telemetry.Telemetry;
import dev.hookc.runtime.telemetry.TelemetryProvider;
import dev.hookc.runtime.telemetry.TelemetrySetup;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which OpenTelemetry the provider traces with, as an application would find it. */
@Timeout(20)
@SuppressWarnings("try") // An observation's try block is the work it observes, unreferenced.
class TracingProviderTest {

  @BeforeEach
  @AfterEach
  void forgetTheGlobal() {
    GlobalOpenTelemetry.resetForTest();
    System.clearProperty("otel.traces.exporter");
    MemoryExporterProvider.SPANS.reset();
  }

  @Test
  void isFoundByTheRuntimesServiceLoader() {
    assertThat(ServiceLoader.load(TelemetryProvider.class))
        .anySatisfy(provider -> assertThat(provider).isInstanceOf(TracingProvider.class));
  }

  @Test
  void hookcTracingFalseTurnsTracingOff() {
    assertThat(new TracingProvider().create(setup("payments", Map.of("HOOKC_TRACING", "false"))))
        .isSameAs(Telemetry.NONE);
  }

  @Test
  void otelSdkDisabledTurnsTracingOff() {
    assertThat(new TracingProvider().create(setup("payments", Map.of("OTEL_SDK_DISABLED", "true"))))
        .isSameAs(Telemetry.NONE);
  }

  @Test
  void tracesWithTheGlobalOpenTelemetryWhenAnAgentOrTheProgramSetOne() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    try (OpenTelemetrySdk agents =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                    .build())
            .build()) {
      GlobalOpenTelemetry.set(agents);
      TelemetrySetup setup = setup("payments", Map.of());

      Telemetry tracing = new TracingProvider().create(setup);
      tracing.request(request()).close();

      assertThat(exporter.getFinishedSpanItems())
          .extracting(SpanData::getName)
          .containsExactly("POST /webhooks/{id}");
      assertThat(setup.resources()).as("the agent's SDK is its owner's to close").isEmpty();
    }
  }

  @Test
  void configuresTheSdkFromOtelSettingsNamedAfterTheApplicationAndFlushesItOnStop()
      throws Exception {
    System.setProperty("otel.traces.exporter", "memory");
    TelemetrySetup setup = setup("payments", Map.of());

    Telemetry tracing = new TracingProvider().create(setup);
    String userSpanParent;
    try (Observation request = tracing.request(request());
        Observation task = tracing.task("payments.record", "enrich")) {
      // A function of the application's, tracing with the OpenTelemetry API.
      Span own =
          GlobalOpenTelemetry.getTracer("payments-functions").spanBuilder("enrich").startSpan();
      userSpanParent = Span.current().getSpanContext().getSpanId();
      own.end();
    }
    for (AutoCloseable resource : setup.resources()) {
      resource.close();
    }

    assertThat(MemoryExporterProvider.SPANS.getFinishedSpanItems())
        .extracting(SpanData::getName)
        .containsExactly("enrich", "payments.record.enrich", "POST /webhooks/{id}");
    SpanData own = MemoryExporterProvider.SPANS.getFinishedSpanItems().get(0);
    assertThat(own.getParentSpanId()).isEqualTo(userSpanParent);
    assertThat(own.getResource().getAttribute(AttributeKey.stringKey("service.name")))
        .isEqualTo("payments");
  }

  private static TelemetrySetup setup(String application, Map<String, String> environment) {
    return new TelemetrySetup(application, Map.of(), environment::get);
  }

  private static RequestStart request() {
    return new RequestStart("POST", "POST /webhooks/{id}", "req-1", name -> null);
  }
}

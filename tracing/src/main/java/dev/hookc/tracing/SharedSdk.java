package dev.hookc.tracing;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.resources.Resource;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The SDK configured from {@code OTEL_*} variables, one per JVM like the agent's: it is registered
 * as {@link GlobalOpenTelemetry}, so that what the application's Java functions trace with the
 * OpenTelemetry API lands in the same traces, and a global cannot be replaced once set. Each
 * application flushes it when it stops, after its last request has ended its spans.
 */
final class SharedSdk {
  private static final Logger LOG = Logger.getLogger(SharedSdk.class.getName());
  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

  // hookc-tracing traces; metrics are hookc-metrics' (Micrometer) and logs the console's. The SDK
  // would otherwise export its empty metrics and logs over OTLP too. OTLP goes over HTTP, as the
  // agent's does: the module's sender is the JDK's HttpClient, and the SDK's own default, gRPC,
  // would need another. OTEL_* variables win.
  private static final Map<String, String> DEFAULTS =
      Map.of(
          "otel.metrics.exporter", "none",
          "otel.logs.exporter", "none",
          "otel.exporter.otlp.protocol", "http/protobuf");

  private static OpenTelemetrySdk sdk;

  private SharedSdk() {}

  /**
   * The SDK, configured now by the first application that asks, named after it.
   *
   * @throws IllegalArgumentException naming the setting the SDK refused
   */
  static synchronized OpenTelemetrySdk get(String application) {
    if (sdk == null) {
      var builder =
          AutoConfiguredOpenTelemetrySdk.builder()
              .addPropertiesSupplier(() -> DEFAULTS)
              .addResourceCustomizer((resource, config) -> named(resource, application))
              // Flushed by each application's stop instead: a hook of its own could shut the SDK
              // down while the application's last requests still end their spans.
              .disableShutdownHook();
      if (!GlobalOpenTelemetry.isSet()) {
        builder.setResultAsGlobal();
      }
      try {
        sdk = builder.build().getOpenTelemetrySdk();
      } catch (ConfigurationException e) {
        throw new IllegalArgumentException("OpenTelemetry (OTEL_*): " + reason(e), e);
      }
    }
    return sdk;
  }

  /** Whether the global OpenTelemetry is this SDK. */
  static synchronized boolean isGlobal() {
    // The global wraps what it was given, but hands out the SDK's own tracer provider.
    return sdk != null
        && GlobalOpenTelemetry.isSet()
        && GlobalOpenTelemetry.getTracerProvider() == sdk.getTracerProvider();
  }

  /** Exports the spans ended so far, waiting up to 10 seconds. */
  static void flush() {
    OpenTelemetrySdk current;
    synchronized (SharedSdk.class) {
      current = sdk;
    }
    if (current != null
        && !current.getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS).isSuccess()) {
      LOG.log(
          Level.WARNING, "tracing: not every span could be exported when the application stopped");
    }
  }

  private static String reason(Throwable e) {
    String reason = e.getMessage();
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      reason = reason + ": " + cause.getMessage();
    }
    return reason;
  }

  // service.name is the application's unless OTEL_SERVICE_NAME or OTEL_RESOURCE_ATTRIBUTES named
  // it: the SDK's own default, unknown_service:java, tells an operator nothing.
  private static Resource named(Resource resource, String application) {
    String name = resource.getAttribute(SERVICE_NAME);
    if (name != null && !name.startsWith("unknown_service")) {
      return resource;
    }
    return resource.merge(
        Resource.create(io.opentelemetry.api.common.Attributes.of(SERVICE_NAME, application)));
  }
}

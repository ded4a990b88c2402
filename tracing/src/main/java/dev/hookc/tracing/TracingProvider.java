package dev.hookc.tracing;

import dev.hookc.runtime.telemetry.Telemetry;
import dev.hookc.runtime.telemetry.TelemetryProvider;
import dev.hookc.runtime.telemetry.TelemetrySetup;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.TracerProvider;
import java.util.Locale;

/**
 * Traces an application with the OpenTelemetry that is already set up — the Java agent's, or one a
 * program registered with {@link GlobalOpenTelemetry} before building the application — or else
 * with an SDK configured from the standard {@code OTEL_*} variables and {@code otel.*} system
 * properties. {@code HOOKC_TRACING=false} or {@code OTEL_SDK_DISABLED=true} turns tracing off.
 */
public final class TracingProvider implements TelemetryProvider {

  /** Called by {@link java.util.ServiceLoader}. */
  public TracingProvider() {}

  @Override
  public Telemetry create(TelemetrySetup setup) {
    if (isFalse(setup.environment("HOOKC_TRACING"))
        || isTrue(setup.environment("OTEL_SDK_DISABLED"))
        || isTrue(System.getProperty("otel.sdk.disabled"))) {
      return Telemetry.NONE;
    }
    OpenTelemetry openTelemetry;
    if (GlobalOpenTelemetry.isSet() && !isNoop() && !SharedSdk.isGlobal()) {
      // The agent's, or the program's own: it exports and shuts down as its owner configured it.
      openTelemetry = GlobalOpenTelemetry.get();
    } else {
      openTelemetry = SharedSdk.get(setup.application());
      setup.closeOnStop(SharedSdk::flush);
    }
    return new Tracing(openTelemetry);
  }

  // Something asked GlobalOpenTelemetry before anything was set (a function's static Tracer, say)
  // and was given the no-op: tracing with it would record nothing, without a word.
  private static boolean isNoop() {
    return GlobalOpenTelemetry.getTracerProvider() == TracerProvider.noop();
  }

  private static boolean isTrue(String value) {
    return value != null && value.trim().toLowerCase(Locale.ROOT).equals("true");
  }

  private static boolean isFalse(String value) {
    return value != null && value.trim().toLowerCase(Locale.ROOT).equals("false");
  }
}

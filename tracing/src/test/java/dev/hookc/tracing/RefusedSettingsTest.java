package dev.hookc.tracing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookc.runtime.telemetry.TelemetrySetup;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An OpenTelemetry setting the SDK refuses is a setting problem of the application's build, named,
 * not an exception from deep inside it. Its own test JVM (pom.xml): the SDK is configured once.
 */
class RefusedSettingsTest {

  @AfterEach
  void clear() {
    System.clearProperty("otel.traces.exporter");
  }

  @Test
  void refusesAnExporterItDoesNotHaveNamingTheSetting() {
    System.setProperty("otel.traces.exporter", "zipkin");
    TelemetrySetup setup = new TelemetrySetup("payments", Map.of(), name -> null);

    assertThatThrownBy(() -> new TracingProvider().create(setup))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("otel.traces.exporter")
        .hasMessageContaining("zipkin");
  }
}

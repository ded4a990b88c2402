package dev.hookc.tracing;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * {@code otel.traces.exporter=memory}: the spans of the SDK that hookc-tracing configures, kept in
 * {@link #SPANS}, as any exporter found on the class path is chosen by name.
 */
public final class MemoryExporterProvider implements ConfigurableSpanExporterProvider {
  static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

  @Override
  public SpanExporter createExporter(ConfigProperties config) {
    return SPANS;
  }

  @Override
  public String getName() {
    return "memory";
  }
}

package dev.hookc.tracing;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.hookc.runtime.telemetry.RequestStart;
import dev.hookc.runtime.telemetry.Telemetry;
import dev.hookc.runtime.telemetry.TelemetrySetup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} alone sends the spans to a collector: the module's own OTLP
 * exporter, over HTTP, to a stand-in collector on 127.0.0.1. Its own test JVM (pom.xml): the SDK is
 * configured once per JVM.
 */
@Timeout(20)
class OtlpExportTest {
  private HttpServer collector;

  @AfterEach
  void stop() {
    System.clearProperty("otel.exporter.otlp.endpoint");
    if (collector != null) {
      collector.stop(0);
    }
  }

  @Test
  void exportsToTheOtlpEndpointOverHttpWithNothingElseSet() throws Exception {
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    collector.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), ISO_8859_1);
            received.add(
                exchange.getRequestMethod()
                    + " "
                    + exchange.getRequestURI().getPath()
                    + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type")
                    + " "
                    + body);
            exchange.sendResponseHeaders(200, -1);
          }
        });
    collector.start();
    System.setProperty(
        "otel.exporter.otlp.endpoint", "http://127.0.0.1:" + collector.getAddress().getPort());
    TelemetrySetup setup = new TelemetrySetup("payments", Map.of(), name -> null);

    Telemetry tracing = new TracingProvider().create(setup);
    tracing.request(new RequestStart("POST", "POST /webhooks/{id}", "req-1", n -> null)).close();
    for (AutoCloseable resource : setup.resources()) {
      resource.close();
    }

    String export = received.poll(10, TimeUnit.SECONDS);
    assertThat(export)
        .startsWith("POST /v1/traces application/x-protobuf ")
        .contains("POST /webhooks/{id}")
        .contains("payments");
  }
}

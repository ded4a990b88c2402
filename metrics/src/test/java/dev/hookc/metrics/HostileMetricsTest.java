package dev.hookc.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.runtime.Application;
import dev.hookc.runtime.telemetry.InboxCounts;
import dev.hookc.runtime.telemetry.TelemetrySetup;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a scanner or a scrape storm can do to the metrics: no series of its own per path or method,
 * and no query of the store per scrape.
 */
@Timeout(30)
class HostileMetricsTest {
  @TempDir Path data;

  /** Sends {@code head} on a connection of its own and reads the status line. */
  private static String send(Application app, String head) throws IOException {
    try (Socket socket = new Socket(java.net.InetAddress.getLoopbackAddress(), app.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = in.read()) != -1 && c != '\n') {
        line.append((char) c);
      }
      return line.toString().trim();
    }
  }

  @Test
  void aScannersPathsAndMethodsAddNoSeries() throws Exception {
    try (Application app = MetricsProject.builder(data, Map.of()).build().start()) {
      for (int i = 0; i < 40; i++) {
        assertThat(
                send(
                    app,
                    "GET /scan/"
                        + i
                        + "/admin.php?id="
                        + i
                        + " HTTP/1.1\r\nHost: x\r\n"
                        + "Connection: close\r\n\r\n"))
            .startsWith("HTTP/1.1 404");
        assertThat(
                send(
                    app,
                    "METHOD"
                        + i
                        + " /payments/p-"
                        + i
                        + " HTTP/1.1\r\nHost: x\r\n"
                        + "Connection: close\r\n\r\n"))
            .startsWith("HTTP/1.1 405");
      }
      String text =
          new String(
              java.net.http.HttpClient.newHttpClient()
                  .send(
                      java.net.http.HttpRequest.newBuilder(app.baseUri().resolve("/metrics"))
                          .build(),
                      java.net.http.HttpResponse.BodyHandlers.ofByteArray())
                  .body(),
              StandardCharsets.UTF_8);
      Scrape scrape = Scrape.parse(text);
      assertThat(scrape.samples)
          .filteredOn(s -> s.name().equals("hookc_requests_seconds_count"))
          .extracting(
              s ->
                  s.labels().get("route")
                      + " "
                      + s.labels().get("method")
                      + " "
                      + s.labels().get("status"))
          .containsExactlyInAnyOrder("unmatched GET 404", "unmatched other 405");
      assertThat(text).doesNotContain("admin.php", "METHOD1", "/scan/");
    }
  }

  @Test
  void aStormOfScrapesCountsEachInboxOnceInItsPeriod() {
    AtomicInteger queries = new AtomicInteger();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Map<String, TelemetrySetup.InboxView> inboxes =
        Map.of(
            "POST /shipments",
            () -> {
              queries.incrementAndGet();
              return new InboxCounts(3, 2, 1, 1500);
            });
    InboxGauges gauges = new InboxGauges(registry, inboxes, Duration.ofSeconds(5));
    IntStream.range(0, 200).parallel().forEach(i -> gauges.refresh());
    assertThat(queries).hasValue(1);
    String text = registry.scrape();
    assertThat(text)
        .contains("hookc_inbox_deliveries{route=\"POST /shipments\",state=\"pending\"} 3.0")
        .contains("hookc_inbox_oldest_pending_seconds{route=\"POST /shipments\"} 1.5");
    registry.close();
  }
}

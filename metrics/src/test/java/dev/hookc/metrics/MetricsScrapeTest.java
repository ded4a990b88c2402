package dev.hookc.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookc.runtime.Application;
import dev.hookc.runtime.ApplicationSettingsException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Prometheus scrape of a running application shows its metrics moving under load: requests by
 * route and status, guard outcomes, tasks, datasource calls, deliveries and inboxes, pools, JVM.
 */
@Timeout(60)
class MetricsScrapeTest {
  private static final String PAYMENTS = "POST /payments/{id}";
  private static final String SHIPMENTS = "POST /shipments";

  @TempDir Path data;
  private final HttpClient client = HttpClient.newHttpClient();

  private HttpResponse<String> send(
      Application app, String method, String path, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(app.baseUri().resolve(path))
            .timeout(Duration.ofSeconds(10))
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private Scrape scrape(Application app) throws IOException, InterruptedException {
    HttpResponse<String> metrics = send(app, "GET", "/metrics", "");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .hasValue(PrometheusMetrics.CONTENT_TYPE);
    return Scrape.parse(metrics.body());
  }

  private static String hmac(String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("signing-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static double delta(Scrape before, Scrape after, String name, String... labels) {
    Map<String, String> wanted = new java.util.HashMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      wanted.put(labels[i], labels[i + 1]);
    }
    return after.value(name, wanted) - before.value(name, wanted);
  }

  @Test
  void aScrapeShowsTheMetricsMovingUnderABurstOfRequests() throws Exception {
    try (Application app = MetricsProject.builder(data, Map.of()).build().start()) {
      Scrape before = scrape(app);
      for (int i = 0; i < 5; i++) {
        String body = "{\"n\":" + i + "}";
        assertThat(
                send(app, "POST", "/payments/p-" + i, body, "X-Signature", hmac(body)).statusCode())
            .isEqualTo(201);
      }
      for (int i = 0; i < 3; i++) {
        assertThat(send(app, "POST", "/payments/p-x", "{}", "X-Signature", "00").statusCode())
            .isEqualTo(401);
      }
      for (int i = 0; i < 2; i++) {
        assertThat(
                send(app, "POST", "/shipments", "{\"parcel\":1}", "webhook-id", "bad-" + i)
                    .statusCode())
            .isEqualTo(400);
      }
      assertThat(send(app, "POST", "/orders", "{}", "Idempotency-Key", "k-1").statusCode())
          .isEqualTo(200);
      assertThat(send(app, "POST", "/orders", "{}", "Idempotency-Key", "k-1").statusCode())
          .isEqualTo(200);
      assertThat(send(app, "POST", "/orders", "{}", "Idempotency-Key", "k-2").statusCode())
          .isEqualTo(200);
      assertThat(
              send(app, "POST", "/shipments", "{\"shipment\":\"s-1\"}", "webhook-id", "w-1")
                  .statusCode())
          .isEqualTo(202);
      assertThat(send(app, "GET", "/nowhere/12345", "").statusCode()).isEqualTo(404);

      // The delivery fails twice and is dead-lettered; the inbox's counts are reused for 5 s.
      Scrape after = scrape(app);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (after.value("hookc_inbox_deliveries", Map.of("route", SHIPMENTS, "state", "dead")) < 1
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
        after = scrape(app);
      }

      String count = "hookc_requests_seconds_count";
      assertThat(
              delta(
                  before, after, count, "route", PAYMENTS, "method", "POST", "status", "201",
                  "outcome", "success"))
          .isEqualTo(5);
      assertThat(
              delta(
                  before,
                  after,
                  count,
                  "route",
                  PAYMENTS,
                  "status",
                  "401",
                  "outcome",
                  "client_error"))
          .isEqualTo(3);
      assertThat(delta(before, after, count, "route", SHIPMENTS, "status", "400")).isEqualTo(2);
      assertThat(delta(before, after, count, "route", SHIPMENTS, "status", "202")).isEqualTo(1);
      assertThat(delta(before, after, count, "route", "POST /orders", "status", "200"))
          .isEqualTo(3);
      // Unmatched requests share one series, whatever their path.
      assertThat(
              delta(before, after, count, "route", "unmatched", "method", "GET", "status", "404"))
          .isEqualTo(1);
      assertThat(after.samples).noneMatch(s -> s.labels().containsValue("/nowhere/12345"));
      assertThat(
              delta(
                  before,
                  after,
                  "hookc_requests_seconds_bucket",
                  "route",
                  PAYMENTS,
                  "status",
                  "201",
                  "le",
                  "+Inf"))
          .isEqualTo(5);
      assertThat(after.has("hookc_requests_seconds_bucket", Map.of("route", PAYMENTS, "le", "0.1")))
          .isTrue();

      String guards = "hookc_guard_outcomes_total";
      assertThat(
              delta(
                  before,
                  after,
                  guards,
                  "route",
                  PAYMENTS,
                  "check",
                  "authentication",
                  "outcome",
                  "accepted"))
          .isEqualTo(5);
      assertThat(
              delta(
                  before,
                  after,
                  guards,
                  "route",
                  PAYMENTS,
                  "check",
                  "authentication",
                  "outcome",
                  "unauthorized"))
          .isEqualTo(3);
      assertThat(
              delta(
                  before,
                  after,
                  guards,
                  "route",
                  SHIPMENTS,
                  "check",
                  "validation",
                  "outcome",
                  "bad-request"))
          .isEqualTo(2);
      assertThat(
              delta(
                  before,
                  after,
                  guards,
                  "route",
                  SHIPMENTS,
                  "check",
                  "validation",
                  "outcome",
                  "accepted"))
          .isEqualTo(1);
      assertThat(
              delta(
                  before,
                  after,
                  guards,
                  "route",
                  "POST /orders",
                  "check",
                  "idempotency",
                  "outcome",
                  "first"))
          .isEqualTo(2);
      assertThat(
              delta(
                  before,
                  after,
                  guards,
                  "route",
                  "POST /orders",
                  "check",
                  "idempotency",
                  "outcome",
                  "replayed"))
          .isEqualTo(1);

      assertThat(
              delta(
                  before,
                  after,
                  "hookc_tasks_seconds_count",
                  "workflow",
                  "payments.record",
                  "task",
                  "record",
                  "outcome",
                  "success"))
          .isEqualTo(5);
      assertThat(
              delta(
                  before,
                  after,
                  "hookc_datasource_calls_seconds_count",
                  "datasource",
                  "db",
                  "kind",
                  "jdbc",
                  "operation",
                  "recordPayment",
                  "outcome",
                  "success"))
          .isEqualTo(5);
      assertThat(
              delta(
                  before,
                  after,
                  "hookc_deliveries_seconds_count",
                  "route",
                  SHIPMENTS,
                  "outcome",
                  "exception"))
          .isEqualTo(2);
      assertThat(delta(before, after, "hookc_delivery_retries_total", "route", SHIPMENTS))
          .isEqualTo(1);
      assertThat(delta(before, after, "hookc_delivery_dead_letters_total", "route", SHIPMENTS))
          .isEqualTo(1);
      assertThat(after.value("hookc_inbox_deliveries", Map.of("route", SHIPMENTS, "state", "dead")))
          .isEqualTo(1);
      assertThat(
              after.value("hookc_inbox_deliveries", Map.of("route", SHIPMENTS, "state", "pending")))
          .isZero();
      assertThat(after.has("hookc_inbox_oldest_pending_seconds", Map.of("route", SHIPMENTS)))
          .isTrue();

      // The pools and the JVM, every series with the application's name.
      assertThat(after.has("hikaricp_connections_max", Map.of())).isTrue();
      assertThat(
              after.samples.stream()
                  .filter(s -> s.name().equals("hikaricp_connections_max"))
                  .map(s -> s.labels().get("pool"))
                  .distinct()
                  .count())
          .isEqualTo(2);
      for (String jvm :
          new String[] {
            "jvm_memory_used_bytes",
            "jvm_threads_live_threads",
            "jvm_classes_loaded_classes",
            "system_cpu_count",
            "process_uptime_seconds"
          }) {
        assertThat(after.has(jvm, Map.of())).as(jvm).isTrue();
      }
      assertThat(after.samples).allMatch(s -> "metrics-test".equals(s.labels().get("application")));
    }
  }

  @Test
  void theExpositionIsPrometheusTextWithATypeForEveryFamily() throws Exception {
    try (Application app = MetricsProject.builder(data, Map.of()).build().start()) {
      send(app, "POST", "/orders", "{}", "Idempotency-Key", "k-1");
      Scrape scrape = scrape(app);
      assertThat(scrape.types).containsEntry("hookc_requests_seconds", "histogram");
      assertThat(scrape.types).containsEntry("hookc_guard_outcomes_total", "counter");
      assertThat(scrape.types).containsEntry("hookc_inbox_deliveries", "gauge");
      assertThat(scrape.types.values())
          .allMatch(t -> t.matches("counter|gauge|histogram|summary|untyped"));
      // Every sample belongs to a family whose type was declared before it.
      assertThat(scrape.samples)
          .allMatch(
              s ->
                  scrape.types.containsKey(s.name())
                      || scrape.types.containsKey(s.name().replaceAll("_(bucket|count|sum)$", "")));
    }
  }

  @Test
  void metricsMoveToTheConfiguredPathAndTurnOffFromTheEnvironment() throws Exception {
    try (Application app =
        MetricsProject.builder(data.resolve("a"), Map.of("metrics.path", "/internal/metrics"))
            .build()
            .start()) {
      assertThat(send(app, "GET", "/internal/metrics", "").statusCode()).isEqualTo(200);
      assertThat(send(app, "GET", "/metrics", "").statusCode()).isEqualTo(404);
    }
    try (Application app =
        MetricsProject.builder(data.resolve("b"), Map.of())
            .environment("HOOKC_METRICS", "false")
            .build()
            .start()) {
      assertThat(send(app, "GET", "/metrics", "").statusCode()).isEqualTo(404);
    }
    try (Application app =
        MetricsProject.builder(data.resolve("c"), Map.of("metrics.enabled", "false"))
            .build()
            .start()) {
      assertThat(send(app, "GET", "/metrics", "").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void aTokenInTheEnvironmentProtectsTheScrape() throws Exception {
    try (Application app =
        MetricsProject.builder(data, Map.of())
            .environment("HOOKC_METRICS_TOKEN", "scrape-token-0123456789")
            .build()
            .start()) {
      HttpResponse<String> refused = send(app, "GET", "/metrics", "");
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(send(app, "GET", "/metrics", "", "Authorization", "Bearer wrong").statusCode())
          .isEqualTo(401);
      assertThat(
              send(app, "GET", "/metrics", "", "Authorization", "Bearer scrape-token-0123456789")
                  .statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void aBadMetricsSettingFailsTheBuildOfTheApplication() {
    assertThatThrownBy(
            () -> MetricsProject.builder(data, Map.of("metrics.enabled", "maybe")).build())
        .isInstanceOf(ApplicationSettingsException.class)
        .hasMessageContaining("metrics.enabled must be true or false: 'maybe'");
    assertThatThrownBy(
            () -> MetricsProject.builder(data, Map.of("metrics.path", "metrics")).build())
        .isInstanceOf(ApplicationSettingsException.class)
        .hasMessageContaining("metrics.path");
  }
}

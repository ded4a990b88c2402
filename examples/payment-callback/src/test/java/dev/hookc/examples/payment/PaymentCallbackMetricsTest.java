package dev.hookc.examples.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.runtime.Application;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The example with hookc-metrics (a runtime dependency of its pom): a Prometheus scrape of the
 * running application before and after a concurrent burst of callbacks shows requests, guard
 * outcomes, tasks and datasource calls moving by exactly what the burst did.
 */
@Timeout(60)
class PaymentCallbackMetricsTest {
  private static final String ROUTE = "POST /payment/callback";
  private static final int SENDERS = 8;
  private static final int EACH = 15;
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static GatewayStub gateway;
  private static Application server;

  @BeforeAll
  static void start() throws Exception {
    gateway = new GatewayStub(id -> id.startsWith("known-") ? "success" : null);
    server =
        HookcApplication.builder()
            .config("gateway.base_url", gateway.baseUrl())
            .environment("GATEWAY_API_KEY", GatewayStub.API_KEY)
            .dataSource("db", new PaymentsTable().dataSource())
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
  }

  @Test
  void aScrapeShowsTheBurstInRequestsGuardsTasksAndDatasourceCalls() throws Exception {
    Scrape before = scrape();

    // Each sender posts, in turn, a known payment (200), an unknown one (422) and a callback
    // without its amount (400).
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    List<Future<List<Integer>>> statuses = new ArrayList<>();
    for (int s = 0; s < SENDERS; s++) {
      int sender = s;
      statuses.add(
          senders.submit(
              () -> {
                List<Integer> answered = new ArrayList<>();
                for (int i = 0; i < EACH; i++) {
                  String id = "-" + sender + "-" + i;
                  String body =
                      switch (i % 3) {
                        case 0 -> payment("known" + id, "\"amount\":10.5,");
                        case 1 -> payment("unknown" + id, "\"amount\":10.5,");
                        default -> payment("invalid" + id, "");
                      };
                  answered.add(post(body));
                }
                return answered;
              }));
    }
    senders.shutdown();
    assertThat(senders.awaitTermination(40, TimeUnit.SECONDS)).isTrue();
    Map<Integer, Integer> byStatus = new HashMap<>();
    for (Future<List<Integer>> sender : statuses) {
      sender.get().forEach(status -> byStatus.merge(status, 1, Integer::sum));
    }
    int each = SENDERS * EACH / 3;
    assertThat(byStatus)
        .containsExactlyInAnyOrderEntriesOf(Map.of(200, each, 422, each, 400, each));

    Scrape after = scrape();
    assertThat(after.delta(before, "hookc_requests_seconds_count", "route", ROUTE, "status", "200"))
        .isEqualTo(each);
    assertThat(after.delta(before, "hookc_requests_seconds_count", "route", ROUTE, "status", "422"))
        .isEqualTo(each);
    assertThat(
            after.delta(
                before, "hookc_requests_seconds_count", "route", ROUTE, "outcome", "client_error"))
        .isEqualTo(2 * each);
    assertThat(
            after.delta(
                before,
                "hookc_requests_seconds_bucket",
                "route",
                ROUTE,
                "status",
                "200",
                "le",
                "+Inf"))
        .isEqualTo(each);
    assertThat(after.value("hookc_requests_seconds_sum", "route", ROUTE, "status", "200"))
        .isPositive();

    assertThat(
            after.delta(
                before,
                "hookc_guard_outcomes_total",
                "route",
                ROUTE,
                "check",
                "validation",
                "outcome",
                "accepted"))
        .isEqualTo(2 * each);
    assertThat(
            after.delta(
                before,
                "hookc_guard_outcomes_total",
                "route",
                ROUTE,
                "check",
                "validation",
                "outcome",
                "bad-request"))
        .isEqualTo(each);

    assertThat(
            after.delta(
                before,
                "hookc_tasks_seconds_count",
                "workflow",
                "handlePaymentCallback",
                "task",
                "fetch_payment"))
        .isEqualTo(2 * each);
    assertThat(
            after.delta(
                before,
                "hookc_tasks_seconds_count",
                "workflow",
                "handlePaymentCallback",
                "task",
                "insert_payment",
                "outcome",
                "success"))
        .isEqualTo(each);
    assertThat(
            after.delta(
                before,
                "hookc_datasource_calls_seconds_count",
                "datasource",
                "gateway",
                "kind",
                "http",
                "outcome",
                "success"))
        .isEqualTo(each);
    assertThat(
            after.delta(
                before,
                "hookc_datasource_calls_seconds_count",
                "datasource",
                "gateway",
                "kind",
                "http",
                "outcome",
                "error_status"))
        .isEqualTo(each);
    assertThat(
            after.delta(
                before,
                "hookc_datasource_calls_seconds_count",
                "datasource",
                "db",
                "kind",
                "jdbc",
                "operation",
                "transaction"))
        .isEqualTo(each);

    assertThat(after.value("jvm_threads_live_threads")).isPositive();
    assertThat(after.value("hookc_requests_seconds_count", "application", "Payment callbacks"))
        .as("every series names the application (the API documentation's title)")
        .isPositive();
  }

  private static String payment(String transaction, String amount) {
    return "{\"transaction_id\":\""
        + transaction
        + "\",\"status\":\"success\","
        + amount
        + "\"currency\":\"EUR\"}";
  }

  private static int post(String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.baseUri() + "/payment/callback"))
            .timeout(Duration.ofSeconds(15))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static Scrape scrape() throws Exception {
    HttpResponse<String> metrics =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(server.baseUri() + "/metrics")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    return Scrape.parse(metrics.body());
  }

  /** The samples of one scrape in the Prometheus text format: name, labels, value. */
  private record Scrape(List<Sample> samples) {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][\\w:]*)(\\{.*})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    record Sample(String name, Map<String, String> labels, double value) {}

    static Scrape parse(String text) {
      List<Sample> samples = new ArrayList<>();
      for (String line : text.lines().toList()) {
        Matcher sample = SAMPLE.matcher(line);
        if (line.startsWith("#") || !sample.matches()) {
          continue;
        }
        Map<String, String> labels = new HashMap<>();
        if (sample.group(2) != null) {
          Matcher label = LABEL.matcher(sample.group(2));
          while (label.find()) {
            labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
          }
        }
        samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
      }
      return new Scrape(samples);
    }

    /** The sum of the samples named {@code name} that carry every label given (name, value...). */
    double value(String name, String... labels) {
      double sum = 0;
      for (Sample sample : samples) {
        if (sample.name().equals(name) && carries(sample, labels)) {
          sum += sample.value();
        }
      }
      return sum;
    }

    double delta(Scrape before, String name, String... labels) {
      return value(name, labels) - before.value(name, labels);
    }

    private static boolean carries(Sample sample, String... labels) {
      for (int i = 0; i < labels.length; i += 2) {
        if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
          return false;
        }
      }
      return true;
    }
  }
}

package dev.hookc.examples.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example run as {@code java -javaagent:opentelemetry-javaagent.jar} with hookc-tracing on its
 * class path: hookc's spans are the agent's, exported by its logging exporter, in the trace of the
 * sender's {@code traceparent}.
 */
@Timeout(120)
class PaymentCallbackAgentTest {
  private static final String TRACE = "5b8efff798038103d269b633813fc60c";
  private static final String SENDER_SPAN = "eee19b7ec3c1b174";

  @TempDir Path data;

  @Test
  void theAgentExportsHookcsSpansOfACallback() throws Exception {
    Path agent = Path.of(System.getProperty("hookc.otel.agent", "missing"));
    assertThat(agent).as("copied by the build (pom.xml)").isRegularFile();
    try (GatewayStub gateway = new GatewayStub(id -> "success")) {
      ProcessBuilder command =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-javaagent:" + agent,
                  "-cp",
                  System.getProperty("java.class.path"),
                  HookcApplication.class.getName())
              .redirectErrorStream(true);
      command
          .environment()
          .putAll(
              Map.of(
                  "PORT", "0",
                  "HOOKC_DATA_DIR", data.toString(),
                  "GATEWAY_BASE_URL", gateway.baseUrl(),
                  "GATEWAY_API_KEY", GatewayStub.API_KEY,
                  "OTEL_TRACES_EXPORTER", "logging",
                  "OTEL_METRICS_EXPORTER", "none",
                  "OTEL_LOGS_EXPORTER", "none",
                  "OTEL_SERVICE_NAME", "payment-callback"));
      Process process = command.start();
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      List<String> seen = new ArrayList<>();
      Thread reader = new Thread(() -> read(process, lines), "agent-output");
      reader.setDaemon(true);
      reader.start();
      try {
        String serving = await(lines, seen, line -> line.startsWith("hookc: serving"), 90);
        URI base = URI.create(serving.substring(serving.indexOf("http://")).trim());

        HttpResponse<String> response =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(base.resolve("/payment/callback"))
                        .timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/json")
                        .header("traceparent", "00-" + TRACE + "-" + SENDER_SPAN + "-01")
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                "{\"transaction_id\":\"tx-agent\",\"status\":\"success\","
                                    + "\"amount\":3,\"currency\":\"EUR\"}"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        await(lines, seen, span("'POST /payment/callback'", "SERVER"), 20);
        assertThat(seen)
            .anyMatch(span("'handlePaymentCallback.fetch_payment'", "INTERNAL"))
            .anyMatch(span("'GET /v1/payments/{id}'", "CLIENT"))
            .anyMatch(span("'updatePayment db'", "CLIENT"));
      } finally {
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
      }
    }
  }

  private static Predicate<String> span(String name, String kind) {
    return line -> line.contains(name) && line.contains(TRACE) && line.contains(kind);
  }

  private static String await(
      BlockingQueue<String> lines, List<String> seen, Predicate<String> wanted, int seconds)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      String line = lines.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      assertThat(line)
          .as("a line the test waits for, after:\n" + String.join("\n", seen))
          .isNotNull();
      seen.add(line);
      if (wanted.test(line)) {
        return line;
      }
    }
  }

  private static void read(Process process, BlockingQueue<String> lines) {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    } catch (java.io.IOException e) {
      // The process ended: what it printed is read.
    }
  }
}

package dev.hookc.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a telemetry given to a running application is told, over real HTTP: requests with their
 * route and status, guard outcomes, tasks by workflow and id, datasource calls, and an async
 * delivery's attempts, retry and dead letter.
 */
@Timeout(30)
class TelemetryApplicationTest {
  private static final String TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @TempDir Path data;
  private HttpServer provider;
  private final BlockingQueue<String> providerSaw = new LinkedBlockingQueue<>();
  private final RecordingTelemetry recorded = new RecordingTelemetry();
  private Application app;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws IOException {
    provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    provider.createContext(
        "/v1/payments/",
        exchange -> {
          try (exchange) {
            providerSaw.add("traceparent=" + exchange.getRequestHeaders().getFirst("traceparent"));
            byte[] body = "{\"status\":\"success\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
        });
    provider.start();
    URI base = URI.create("http://127.0.0.1:" + provider.getAddress().getPort());
    app = TelemetryProject.builder(data, base).telemetry(recorded).build().start();
  }

  @AfterEach
  void stop() {
    app.close();
    provider.stop(0);
  }

  private HttpResponse<String> post(String path, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(app.baseUri().resolve(path))
            .timeout(java.time.Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String hmac(String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("signing-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aSignedRequestIsObservedWithItsRouteTemplateStatusAndAuthenticationOutcome()
      throws Exception {
    String body = "{\"n\":1}";
    assertThat(
            post("/signed", body, "X-Signature", hmac(body), "traceparent", TRACEPARENT)
                .statusCode())
        .isEqualTo(200);
    String start = recorded.next(l -> l.startsWith("request "));
    assertThat(start)
        .startsWith("request POST POST /signed ")
        .endsWith(" traceparent=" + TRACEPARENT);
    String id = start.split(" ", -1)[4];
    assertThat(id).matches("[0-9a-f]{12}");
    assertThat(recorded.next(l -> l.startsWith("outcome ")))
        .isEqualTo("outcome POST /signed authentication accepted [" + id + "]");
    assertThat(recorded.next(l -> l.startsWith("status ")))
        .isEqualTo("status request POST /signed 200 null");
    assertThat(recorded.next(l -> l.startsWith("close "))).isEqualTo("close request POST /signed");

    assertThat(post("/signed", body, "X-Signature", "00").statusCode()).isEqualTo(401);
    assertThat(recorded.next(l -> l.startsWith("outcome ")))
        .startsWith("outcome POST /signed authentication unauthorized [");
    assertThat(recorded.next(l -> l.startsWith("status ")))
        .isEqualTo("status request POST /signed 401 unauthorized");
  }

  @Test
  void unmatchedRequestsAndTransportRejectionsAreObservedWithoutARoute() throws Exception {
    assertThat(post("/nowhere/42", "{}").statusCode()).isEqualTo(404);
    assertThat(recorded.next(l -> l.startsWith("request "))).startsWith("request POST null ");
    assertThat(recorded.next(l -> l.startsWith("status ")))
        .isEqualTo("status request null 404 not-found");
  }

  @Test
  void anIdempotentRouteReportsTheFirstDeliveryThenTheReplay() throws Exception {
    assertThat(post("/idempotent", "{}", "Idempotency-Key", "k-1").statusCode()).isEqualTo(200);
    assertThat(recorded.next(l -> l.startsWith("outcome ")))
        .startsWith("outcome POST /idempotent idempotency first [");
    assertThat(post("/idempotent", "{}", "Idempotency-Key", "k-1").statusCode()).isEqualTo(200);
    assertThat(recorded.next(l -> l.startsWith("outcome ")))
        .startsWith("outcome POST /idempotent idempotency replayed [");
  }

  @Test
  void aWorkflowsTasksDatasourceCallsAndParallelBranchesBelongToTheirRequest() throws Exception {
    assertThat(post("/payments/p-1", "{}").statusCode()).isEqualTo(201);
    List<String> lines = recorded.until(l -> l.startsWith("close request"));
    String start = lines.get(0);
    assertThat(start).startsWith("request POST POST /payments/{id} ");
    String id = start.split(" ", -1)[4];
    assertThat(lines)
        .contains(
            "attribute task record retries=1",
            "datasource db jdbc recordPayment [" + id + "]",
            "datasource gateway http GET /v1/payments/{id} [" + id + "]",
            "status datasource gateway 200 null",
            "status request POST /payments/{id} 201 null");
    List<String> tasks =
        lines.stream()
            .filter(l -> l.startsWith("task "))
            .map(l -> l.substring(0, l.indexOf(" on ")))
            .toList();
    assertThat(tasks)
        .startsWith(
            "task payments.record record [" + id + "]",
            "task payments.record confirm [" + id + "]",
            "task payments.record notify [" + id + "]");
    // The two parallel branches start in either order.
    assertThat(tasks.subList(3, tasks.size()))
        .containsExactlyInAnyOrder(
            "task payments.record mail [" + id + "]", "task payments.record audit [" + id + "]");
    // The second branch ran on a thread of its own (the first on the request's), in the request's
    // context all the same.
    assertThat(threadOf(lines, "audit")).isNotEqualTo(threadOf(lines, "mail"));
    assertThat(providerSaw.poll(10, TimeUnit.SECONDS))
        .isEqualTo("traceparent=00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
  }

  private static String threadOf(List<String> lines, String task) {
    return lines.stream()
        .filter(l -> l.startsWith("task payments.record " + task + " "))
        .map(l -> l.substring(l.indexOf(" on ")))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void anAsyncDeliveryIsObservedFromItsAcceptanceToItsDeadLetter() throws Exception {
    assertThat(
            post(
                    "/async",
                    "{\"shipment\":\"s-1\"}",
                    "webhook-id",
                    "w-1",
                    "traceparent",
                    TRACEPARENT)
                .statusCode())
        .isEqualTo(202);
    assertThat(recorded.next(l -> l.startsWith("outcome ")))
        .startsWith("outcome POST /async validation accepted [");
    assertThat(recorded.next(l -> l.startsWith("outcome ")))
        .startsWith("outcome POST /async idempotency first [");
    assertThat(recorded.next(l -> l.startsWith("delivery ")))
        .isEqualTo("delivery POST /async attempt 1 traceparent=" + TRACEPARENT);
    assertThat(recorded.next(l -> l.startsWith("failure delivery")))
        .isEqualTo("failure delivery POST /async exception");
    assertThat(recorded.next(l -> l.startsWith("retry "))).isEqualTo("retry POST /async attempt 2");
    assertThat(recorded.next(l -> l.startsWith("delivery ")))
        .isEqualTo("delivery POST /async attempt 2 traceparent=" + TRACEPARENT);
    assertThat(recorded.next(l -> l.startsWith("dead "))).isEqualTo("dead POST /async");

    assertThat(post("/async", "{\"shipment\":\"s-1\"}", "webhook-id", "w-1").statusCode())
        .isEqualTo(202);
    assertThat(recorded.next(l -> l.startsWith("outcome ") && l.contains("idempotency")))
        .startsWith("outcome POST /async idempotency replayed [");

    assertThat(post("/async", "{\"parcel\":1}", "webhook-id", "w-2").statusCode()).isEqualTo(400);
    assertThat(recorded.next(l -> l.startsWith("outcome ")))
        .startsWith("outcome POST /async validation bad-request [");
    assertThat(recorded.next(l -> l.startsWith("status request")))
        .isEqualTo("status request POST /async 400 bad-request");
  }
}

package dev.hookc.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import dev.hookc.runtime.Violation;
import dev.hookc.runtime.internal.workflow.RequestInputs;
import dev.hookc.runtime.internal.workflow.Retry;
import dev.hookc.runtime.internal.workflow.TaskRunner;
import dev.hookc.runtime.workflow.Status;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Async delivery: acknowledged first, run by workers, retried, dead-lettered and replayed. */
class InboxTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final String TOKEN = "admin-token-0123456789";

  @TempDir Path data;
  private final List<AutoCloseable> open = new ArrayList<>();
  private HookcServer server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.stop(Duration.ofMillis(100));
    }
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private Inbox start(dev.hookc.runtime.RequestHandler handler, RetryPolicy retry)
      throws Exception {
    JdbcStore store = JdbcStore.open(JdbcStore.h2Url(data), null, null);
    open.add(store);
    Inbox inbox =
        Inbox.builder(store, "POST /hook")
            .handler(handler)
            .retry(retry)
            .lease(Duration.ofMinutes(1))
            .workers(2)
            .start();
    open.add(0, inbox);
    List<Route> routes = new ArrayList<>(InboxAdmin.routes(TOKEN, Map.of("POST /hook", inbox)));
    routes.add(
        Route.of(
            "POST",
            "/hook",
            inbox.accept(
                202,
                RequestKeys.header("webhook-id"),
                json ->
                    json.has("id")
                        ? List.of()
                        : List.of(new Violation("", "required", "'id' is required")))));
    server = HookcServer.builder().host("127.0.0.1").port(0).routes(routes).start();
    return inbox;
  }

  private HttpResponse<String> send(String method, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUri() + path))
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void await(java.util.function.BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition met in time").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void theBuilderRefusesAnInboxThatCouldNeverRunADelivery() throws Exception {
    JdbcStore store = JdbcStore.open(JdbcStore.h2Url(data), null, null);
    open.add(store);

    assertThatThrownBy(() -> Inbox.builder(store, "POST /hook").start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no handler for the inbox of POST /hook");
    assertThatThrownBy(
            () ->
                Inbox.builder(store, "POST /hook")
                    .handler(r -> Response.empty(204))
                    .workers(0)
                    .start())
        .hasMessage("not a number of workers: 0");
    assertThatThrownBy(
            () ->
                Inbox.builder(store, "POST /hook")
                    .handler(r -> Response.empty(204))
                    .retention(Duration.ZERO)
                    .start())
        .hasMessage("not a retention: PT0S");
  }

  @Test
  void acknowledgesThenRunsTheHandlerWithTheStoredRequest() throws Exception {
    Map<String, String> seen = new ConcurrentHashMap<>();
    start(
        request -> {
          seen.put(
              request.header("webhook-id"), new String(request.body(), StandardCharsets.UTF_8));
          return Response.empty(204);
        },
        RetryPolicy.defaults());
    HttpResponse<String> response = send("POST", "/hook", "{\"id\": \"ü\"}", "webhook-id", "m1");
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(Json.mapper().readTree(response.body()).path("id").asText()).isNotBlank();
    await(() -> seen.containsKey("m1"));
    assertThat(seen.get("m1")).isEqualTo("{\"id\": \"ü\"}");
    HttpResponse<String> repeat = send("POST", "/hook", "{\"id\": \"ü\"}", "webhook-id", "m1");
    assertThat(repeat.headers().firstValue("idempotent-replayed")).hasValue("true");
    assertThat(repeat.body()).isEqualTo(response.body());
  }

  // Time-ordered ids put each new row at the end of the inbox's primary-key index (DeliveryIds).
  @Test
  void givesDeliveriesTimeOrderedIdsInTheOrderTheyArrived() throws Exception {
    start(request -> Response.empty(204), RetryPolicy.defaults());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> response =
          send("POST", "/hook", "{\"id\": " + i + "}", "webhook-id", "ordered-" + i);
      assertThat(response.statusCode()).isEqualTo(202);
      ids.add(Json.mapper().readTree(response.body()).path("id").asText());
      Thread.sleep(2);
    }
    assertThat(ids).isSorted().doesNotHaveDuplicates();
    assertThat(ids)
        .allSatisfy(id -> assertThat(java.util.UUID.fromString(id).version()).isEqualTo(7));
  }

  // The row holds the request's parts inline (H2's V4 migration): a body near the default limit and
  // a long header come back from it exactly as they were received.
  @Test
  void runsTheHandlerWithABodyNearTheLimitAndLongHeadersExactlyAsReceived() throws Exception {
    Map<String, String> bodies = new ConcurrentHashMap<>();
    Map<String, String> headers = new ConcurrentHashMap<>();
    start(
        request -> {
          String key = request.header("webhook-id");
          headers.put(key, request.header("x-trace"));
          bodies.put(key, new String(request.body(), StandardCharsets.UTF_8));
          return Response.empty(204);
        },
        RetryPolicy.defaults());
    String body = "{\"id\": \"big\", \"pad\": \"" + "ü€x".repeat(150_000) + "\"}";
    String trace = "t".repeat(8_000);
    assertThat(body.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(900_000);

    HttpResponse<String> response =
        send("POST", "/hook", body, "webhook-id", "big", "x-trace", trace);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    await(() -> bodies.containsKey("big"));
    assertThat(bodies.get("big")).isEqualTo(body);
    assertThat(headers.get("big")).isEqualTo(trace);
  }

  @Test
  void rejectsAnInvalidBodyOrMissingKeyBeforeStoringIt() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    start(
        request -> Response.empty(runs.incrementAndGet() > 0 ? 204 : 500), RetryPolicy.defaults());
    assertThat(send("POST", "/hook", "{}", "webhook-id", "m2").statusCode()).isEqualTo(400);
    assertThat(send("POST", "/hook", "{\"id\":1}").statusCode()).isEqualTo(400);
    assertThat(send("POST", "/hook", "{\"id\":", "webhook-id", "m3").statusCode()).isEqualTo(400);
    Thread.sleep(200);
    assertThat(runs).hasValue(0);
  }

  @Test
  void retriesAFailureThenDeadLettersItAndReplaysItThroughTheAdminEndpoints() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    AtomicInteger failUntil = new AtomicInteger(Integer.MAX_VALUE);
    Inbox inbox =
        start(
            request -> {
              if (attempts.incrementAndGet() <= failUntil.get()) {
                throw new IllegalStateException("downstream unavailable");
              }
              return Response.empty(204);
            },
            new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), 2));
    send("POST", "/hook", "{\"id\":1}", "webhook-id", "m4");
    await(
        () -> {
          try {
            return inbox.deadLetters().size() == 1;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    assertThat(attempts).hasValue(3);

    assertThat(send("GET", "/_hookc/dead-letters", "").statusCode()).isEqualTo(401);
    HttpResponse<String> listed =
        send("GET", "/_hookc/dead-letters", "", "Authorization", "Bearer " + TOKEN);
    var dead = Json.mapper().readTree(listed.body()).path("POST /hook").get(0);
    assertThat(dead.path("key").asText()).isEqualTo("m4");
    assertThat(dead.path("attempts").asInt()).isEqualTo(3);
    assertThat(dead.path("error").asText()).contains("downstream unavailable");

    failUntil.set(0);
    String id = dead.path("id").asText();
    assertThat(
            send(
                    "POST",
                    "/_hookc/dead-letters/" + id + "/replay",
                    "",
                    "Authorization",
                    "Bearer " + TOKEN)
                .statusCode())
        .isEqualTo(202);
    await(() -> attempts.get() == 4);
    await(
        () -> {
          try {
            return inbox.deadLetters().isEmpty();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    assertThat(
            send("POST", "/_hookc/dead-letters/nope/replay", "", "Authorization", "Bearer " + TOKEN)
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void aWorkflowEndedByAnExceptionIsAFailedAttemptAndDeadLettersNeverDone() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    AtomicInteger stored = new AtomicInteger();
    // A two-task workflow as generated code runs it: the first task throws, the second stores.
    Inbox inbox =
        start(
            request -> {
              attempts.incrementAndGet();
              TaskRunner.shared()
                  .run(
                      "insert (src/functions/pay.yaml:2:5)",
                      Retry.NONE,
                      () -> {
                        throw new java.sql.SQLException("value too long for column");
                      });
              Status last =
                  TaskRunner.shared()
                      .run(
                          "answer (src/functions/pay.yaml:5:5)",
                          Retry.NONE,
                          () -> {
                            stored.incrementAndGet();
                            return Status.ok("processed successfully");
                          });
              return RequestInputs.respond(last);
            },
            new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20), 2));

    assertThat(send("POST", "/hook", "{\"id\":1}", "webhook-id", "m5").statusCode()).isEqualTo(202);
    await(
        () -> {
          try {
            return inbox.deadLetters().size() == 1;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });

    assertThat(attempts).hasValue(2);
    assertThat(stored).hasValue(0);
    Inbox.DeadLetter dead = inbox.deadLetters().get(0);
    assertThat(dead.error())
        .contains("insert (src/functions/pay.yaml:2:5)")
        .contains("value too long for column");
  }
}

package dev.hookc.runtime.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.RequestHandler;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Idempotency over a real server and a real H2 file database. */
class IdempotencyTest {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir Path data;
  private final AtomicInteger runs = new AtomicInteger();
  private HookcServer server;
  private JdbcStore store;

  private void start(Idempotency idempotency, RequestHandler handler) throws Exception {
    server =
        HookcServer.builder()
            .host("127.0.0.1")
            .port(0)
            .shutdownGrace(Duration.ofMillis(100))
            .route(Route.of("POST", "/hook", idempotency.protect(handler)))
            .start();
  }

  private Idempotency keyedByHeader(Duration ttl) {
    store = JdbcStore.open(JdbcStore.h2Url(data), null, null);
    return Idempotency.of(store, "POST /hook", RequestKeys.header("webhook-id"), ttl);
  }

  private RequestHandler counting(Duration work) {
    return request -> {
      int n = runs.incrementAndGet();
      Thread.sleep(work.toMillis());
      return Response.json(201, java.util.Map.of("run", n)).withHeader("X-Order", "ord-" + n);
    };
  }

  private HttpResponse<String> post(String key, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUri() + "/hook"))
            .timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("webhook-id", key);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(Duration.ofMillis(100));
    }
    if (store != null) {
      store.close();
    }
  }

  @Test
  void answersARepeatWithTheOriginalStatusHeadersAndBody() throws Exception {
    start(keyedByHeader(Duration.ofHours(24)), counting(Duration.ZERO));
    HttpResponse<String> first = post("msg_1", "{}");
    HttpResponse<String> repeat = post("msg_1", "{}");
    assertThat(runs).hasValue(1);
    assertThat(repeat.statusCode()).isEqualTo(201).isEqualTo(first.statusCode());
    assertThat(repeat.body()).isEqualTo(first.body()).isEqualTo("{\"run\":1}");
    assertThat(repeat.headers().firstValue("x-order")).hasValue("ord-1");
    assertThat(repeat.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(repeat.headers().firstValue("idempotent-replayed")).hasValue("true");
    assertThat(first.headers().firstValue("idempotent-replayed")).isEmpty();
    assertThat(post("msg_2", "{}").body()).isEqualTo("{\"run\":2}");
  }

  @Test
  void runsTheHandlerOnceForConcurrentDuplicates() throws Exception {
    start(keyedByHeader(Duration.ofHours(24)), counting(Duration.ofMillis(300)));
    List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      sent.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return post("dup", "{}");
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }));
    }
    for (CompletableFuture<HttpResponse<String>> response : sent) {
      assertThat(response.get().statusCode()).isEqualTo(201);
      assertThat(response.get().body()).isEqualTo("{\"run\":1}");
    }
    assertThat(runs).hasValue(1);
  }

  @Test
  void answers409WithRetryAfterWhenTheFirstDeliveryOutlastsTheWait() throws Exception {
    Idempotency idempotency =
        keyedByHeader(Duration.ofHours(24))
            .withBounds(Duration.ofMinutes(2), Duration.ofMillis(200), Clock.systemUTC());
    start(idempotency, counting(Duration.ofSeconds(2)));
    CompletableFuture<HttpResponse<String>> first =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return post("slow", "{}");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(300);
    HttpResponse<String> second = post("slow", "{}");
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(second.headers().firstValue("retry-after")).hasValue("1");
    assertThat(first.get().statusCode()).isEqualTo(201);
    assertThat(runs).hasValue(1);
  }

  @Test
  void rejectsADeliveryWithoutKeyAs400() throws Exception {
    start(keyedByHeader(Duration.ofHours(24)), counting(Duration.ZERO));
    HttpResponse<String> response = post(null, "{}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(post("  ", "{}").statusCode()).isEqualTo(400);
    assertThat(runs).hasValue(0);
  }

  @Test
  void runsAgainAfterAServerErrorSoTheSendersRetryCanSucceed() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    start(
        keyedByHeader(Duration.ofHours(24)),
        request -> {
          if (calls.incrementAndGet() == 1) {
            throw new IllegalStateException("database down");
          }
          return Response.json(200, java.util.Map.of("ok", true));
        });
    assertThat(post("retry", "{}").statusCode()).isEqualTo(500);
    assertThat(post("retry", "{}").statusCode()).isEqualTo(200);
    assertThat(post("retry", "{}").headers().firstValue("idempotent-replayed")).hasValue("true");
    assertThat(calls).hasValue(2);
  }

  @Test
  void runsAgainOnceTheTtlHasPassed() throws Exception {
    // The clock moves only when the test moves it, so a slow machine cannot expire the key early.
    java.util.concurrent.atomic.AtomicLong millis =
        new java.util.concurrent.atomic.AtomicLong(System.currentTimeMillis());
    java.time.Clock clock = movedBy(millis);
    start(
        keyedByHeader(Duration.ofMillis(200))
            .withBounds(Duration.ofMinutes(2), Duration.ofSeconds(10), clock),
        counting(Duration.ZERO));
    post("short", "{}");
    millis.addAndGet(199);
    assertThat(post("short", "{}").body()).isEqualTo("{\"run\":1}");
    millis.addAndGet(2);
    assertThat(post("short", "{}").body()).isEqualTo("{\"run\":2}");
  }

  @Test
  void dropsExpiredRecordsAtTheFirstDeliveryThenOnceAMinute() throws Exception {
    java.util.concurrent.atomic.AtomicLong millis =
        new java.util.concurrent.atomic.AtomicLong(System.currentTimeMillis());
    start(
        keyedByHeader(Duration.ofMillis(200))
            .withBounds(Duration.ofMinutes(2), Duration.ofSeconds(10), movedBy(millis)),
        counting(Duration.ZERO));
    post("first", "{}");
    millis.addAndGet(1_000);
    post("second", "{}");
    // "first" expired 800 ms ago, but the last purge was less than a minute ago.
    assertThat(keys()).containsExactlyInAnyOrder("first", "second");
    millis.addAndGet(60_000);
    post("third", "{}");
    assertThat(keys()).containsExactly("third");
  }

  /** The idempotency keys the store holds. */
  private List<String> keys() throws Exception {
    List<String> keys = new ArrayList<>();
    try (var c = store.dataSource().getConnection();
        var s = c.createStatement();
        var rows = s.executeQuery("SELECT idem_key FROM hookc_idempotency")) {
      while (rows.next()) {
        keys.add(rows.getString(1));
      }
    }
    return keys;
  }

  /** A clock at {@code millis}, which moves only when the test moves it. */
  private static Clock movedBy(java.util.concurrent.atomic.AtomicLong millis) {
    return new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return java.time.ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public java.time.Instant instant() {
        return java.time.Instant.ofEpochMilli(millis.get());
      }
    };
  }

  @Test
  void keysOnAValueInTheBody() throws Exception {
    store = JdbcStore.open(JdbcStore.h2Url(data), null, null);
    start(
        Idempotency.of(store, "POST /hook", RequestKeys.body("data", "id"), Duration.ofHours(1)),
        counting(Duration.ZERO));
    String body = "{\"data\":{\"id\":\"evt_ü\"}}";
    post(null, body);
    post(null, new String(body.getBytes(UTF_8), UTF_8));
    assertThat(runs).hasValue(1);
    assertThat(post(null, "{\"data\":{}}").statusCode()).isEqualTo(400);
  }

  @Test
  void keepsRecordsAcrossAReopenOfTheDatabase() throws Exception {
    start(keyedByHeader(Duration.ofHours(24)), counting(Duration.ZERO));
    post("kept", "{}");
    server.stop(Duration.ofMillis(100));
    store.close();
    // Close the embedded database itself, as a process exit would.
    try (var c = java.sql.DriverManager.getConnection(JdbcStore.h2Url(data));
        var s = c.createStatement()) {
      s.execute("SHUTDOWN");
    }
    start(keyedByHeader(Duration.ofHours(24)), counting(Duration.ZERO));
    assertThat(post("kept", "{}").headers().firstValue("idempotent-replayed")).hasValue("true");
    assertThat(runs).hasValue(1);
  }
}

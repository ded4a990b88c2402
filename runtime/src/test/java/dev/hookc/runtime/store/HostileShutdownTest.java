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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping while deliveries are in flight: a SIGTERM to a real child JVM, a request that outlasts
 * the grace, an inbox worker that outlasts its stop. Nothing answered 2xx may be lost, nothing may
 * fail with 500 because the database closed first, and nothing may stay claimed after the stop.
 */
@Timeout(30)
class HostileShutdownTest {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final Pattern PORT = Pattern.compile("port (\\d+)");

  @TempDir Path data;
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    release.countDown();
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private static HttpResponse<String> post(URI base, String key) throws Exception {
    return CLIENT.send(request(base, key), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest request(URI base, String key) {
    return HttpRequest.newBuilder(URI.create(base + "/hook"))
        .timeout(Duration.ofSeconds(15))
        .header("webhook-id", key)
        .POST(HttpRequest.BodyPublishers.ofString("{}"))
        .build();
  }

  /** A handler stuck in work that does not answer interrupts, until the test releases it. */
  private RequestHandler stuck(CountDownLatch entered) {
    return request -> {
      entered.countDown();
      while (true) {
        try {
          release.await();
          return Response.json(200, Map.of("late", true));
        } catch (InterruptedException e) {
          // Ignored, as by a call that blocks without looking at the interrupt.
        }
      }
    };
  }

  @Test
  void finishesInFlightRequestsRecordsThemAndLogsTheStopOnSigterm() throws Exception {
    Path output = data.resolve("output.log");
    Process app =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ShutdownApp.class.getName(),
                data.resolve("db").toString())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      URI base = URI.create("http://127.0.0.1:" + awaitOutput(app, output, PORT).group(1));
      List<String> keys = List.of("evt_1", "evt_2", "evt_3", "evt_4");
      List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
      for (String key : keys) {
        inFlight.add(CLIENT.sendAsync(request(base, key), HttpResponse.BodyHandlers.ofString()));
      }
      for (String key : keys) {
        awaitOutput(app, output, Pattern.compile("INFO hookc.test.ShutdownApp: processing " + key));
      }

      app.destroy(); // SIGTERM

      for (int i = 0; i < keys.size(); i++) {
        HttpResponse<String> response = inFlight.get(i).get(15, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains(keys.get(i));
      }
      assertThat(app.waitFor(20, TimeUnit.SECONDS)).as("exited").isTrue();
      String printed = Files.readString(output, UTF_8);
      assertThat(printed)
          .contains("finished evt_1", "finished evt_2", "finished evt_3", "finished evt_4")
          .containsPattern("INFO dev.hookc.runtime.HookcServer: stopping: .*")
          .containsPattern("INFO dev.hookc.runtime.HookcServer: stopped after \\d+ ms")
          .doesNotContain("Exception");
      assertThat(printed.indexOf("finished evt_4"))
          .isLessThan(printed.indexOf("HookcServer: stopped"));
      // Every answered key is recorded as done, so the sender's retry is a replay.
      try (Connection c = DriverManager.getConnection(JdbcStore.h2Url(data.resolve("db")));
          PreparedStatement select =
              c.prepareStatement("SELECT idem_key FROM hookc_idempotency WHERE done = TRUE");
          ResultSet rows = select.executeQuery()) {
        List<String> done = new ArrayList<>();
        while (rows.next()) {
          done.add(rows.getString(1));
        }
        assertThat(done).containsExactlyInAnyOrderElementsOf(keys);
        c.createStatement().execute("SHUTDOWN");
      }
    } finally {
      app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void releasesTheClaimOfARequestCutOffByTheGraceSoARetryAfterRestartRuns() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    JdbcStore store = JdbcStore.open(JdbcStore.h2Url(data), null, null);
    HookcServer server =
        HookcServer.builder()
            .host("127.0.0.1")
            .port(0)
            .closeOnStop(store)
            .route(Route.of("POST", "/hook", idempotent(store).protect(stuck(entered))))
            .start();
    CompletableFuture<HttpResponse<String>> cutOff =
        CLIENT.sendAsync(
            request(server.baseUri(), "evt_cut"), HttpResponse.BodyHandlers.ofString());
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    server.stop(Duration.ofMillis(100));

    JdbcStore reopened = JdbcStore.open(JdbcStore.h2Url(data), null, null);
    open.add(reopened);
    HookcServer restarted =
        HookcServer.builder()
            .host("127.0.0.1")
            .port(0)
            .route(
                Route.of(
                    "POST",
                    "/hook",
                    idempotent(reopened).protect(request -> Response.json(201, Map.of()))))
            .start();
    open.add(0, () -> restarted.stop(Duration.ZERO));
    HttpResponse<String> retry = post(restarted.baseUri(), "evt_cut");

    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
    assertThat(cutOff).isCompletedExceptionally();
  }

  private static Idempotency idempotent(JdbcStore store) {
    return Idempotency.of(
            store, "POST /hook", RequestKeys.header("webhook-id"), Duration.ofHours(1))
        .withBounds(Duration.ofMinutes(2), Duration.ofMillis(300), Clock.systemUTC());
  }

  @Test
  void releasesTheDeliveryOfAWorkerThatOutlastsTheInboxStop() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    JdbcStore store = JdbcStore.open(JdbcStore.h2Url(data), null, null);
    open.add(store);
    Inbox inbox =
        Inbox.builder(store, "POST /hook")
            .handler(stuck(entered))
            .retry(RetryPolicy.defaults())
            .lease(Duration.ofMinutes(2))
            .workers(1)
            .start();
    HookcServer server =
        HookcServer.builder()
            .host("127.0.0.1")
            .port(0)
            .route(
                Route.of(
                    "POST", "/hook", inbox.accept(202, RequestKeys.header("webhook-id"), null)))
            .start();
    open.add(0, () -> server.stop(Duration.ZERO));
    assertThat(post(server.baseUri(), "evt_long").statusCode()).isEqualTo(202);
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    inbox.stop(Duration.ofMillis(200));

    try (Connection c = DriverManager.getConnection(JdbcStore.h2Url(data));
        ResultSet row =
            c.createStatement()
                .executeQuery("SELECT state, claimed_until, attempts FROM hookc_inbox")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getString(1)).isEqualTo("PENDING");
      assertThat(row.getLong(2)).as("claimed until").isZero();
      assertThat(row.getInt(3)).isZero();
    }
  }

  private static Matcher awaitOutput(Process app, Path output, Pattern pattern) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      String text = Files.exists(output) ? Files.readString(output, UTF_8) : "";
      Matcher matcher = pattern.matcher(text);
      if (matcher.find()) {
        return matcher;
      }
      if (!app.isAlive()) {
        throw new AssertionError("exited with " + app.exitValue() + ": " + text);
      }
      // Another process's output: there is nothing to wait on but the file.
      Thread.sleep(20);
    }
    throw new AssertionError("no " + pattern + " within 15 s: " + Files.readString(output, UTF_8));
  }
}

package dev.hookc.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The idempotency store's group commit under attack, over real HTTP and a real H2 file: many
 * requests released at once so that their claims share a commit, duplicates of one key among them,
 * a claim the database refuses, and SIGKILL in the middle of a burst.
 */
@Timeout(60)
class HostileIdempotencyGroupCommitTest {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final int SENDERS = 40;

  @TempDir Path data;
  private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
  private final ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
  private JdbcStore store;
  private HookcServer server;

  private void serve(Duration work) throws Exception {
    store = JdbcStore.open(JdbcStore.h2Url(data), null, null);
    server =
        HookcServer.builder()
            .host("127.0.0.1")
            .port(0)
            .shutdownGrace(Duration.ofMillis(100))
            .closeOnStop(store)
            .route(
                Route.of(
                    "POST",
                    "/hook",
                    Idempotency.of(
                            store,
                            "POST /hook",
                            RequestKeys.header("webhook-id"),
                            Duration.ofHours(1))
                        .protect(
                            request -> {
                              String key = request.header("webhook-id");
                              int run =
                                  runs.computeIfAbsent(key, k -> new AtomicInteger())
                                      .incrementAndGet();
                              Thread.sleep(work.toMillis());
                              return Response.json(201, Map.of("key", key, "run", run));
                            })))
            .start();
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
    if (server != null) {
      server.stop(Duration.ofMillis(100));
    }
  }

  private static HttpResponse<String> post(int port, String key) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hook"))
            .timeout(Duration.ofSeconds(20))
            .header("webhook-id", key)
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Sends {@code keys} all at once, one sender each, and returns the answers in that order. */
  private List<HttpResponse<String>> burst(List<String> keys) throws Exception {
    CyclicBarrier start = new CyclicBarrier(keys.size());
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    for (String key : keys) {
      answers.add(
          pool.submit(
              () -> {
                start.await(10, TimeUnit.SECONDS);
                return post(server.port(), key);
              }));
    }
    List<HttpResponse<String>> responses = new ArrayList<>();
    for (Future<HttpResponse<String>> answer : answers) {
      responses.add(answer.get(30, TimeUnit.SECONDS));
    }
    return responses;
  }

  @Test
  void runsAKeyOnceWhenItsDuplicatesArriveTogetherWithOtherKeys() throws Exception {
    serve(Duration.ofMillis(100));
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < SENDERS; i++) {
      keys.add(i % 2 == 0 ? "msg_same" : "msg_" + i);
    }

    List<HttpResponse<String>> responses = burst(keys);

    assertThat(runs.get("msg_same")).hasValue(1);
    int first = 0;
    for (int i = 0; i < keys.size(); i++) {
      HttpResponse<String> response = responses.get(i);
      if (!keys.get(i).equals("msg_same")) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(runs.get(keys.get(i))).hasValue(1);
      } else if (response.headers().firstValue("Idempotent-Replayed").isPresent()) {
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).contains("\"run\":1");
      } else if (response.statusCode() == 201) {
        first++;
      } else {
        // Waited past its bound for the first one: the existing rule, 409 with Retry-After.
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
      }
    }
    assertThat(first).as("answers that ran the handler").isEqualTo(1);
  }

  @Test
  void failsOnlyTheRequestWhoseClaimTheDatabaseRefuses() throws Exception {
    serve(Duration.ZERO);
    try (Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "ALTER TABLE hookc_idempotency ADD CONSTRAINT refuse_one"
              + " CHECK (idem_key <> 'msg_refused')");
    }
    for (int round = 0; round < 3; round++) {
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < SENDERS; i++) {
        keys.add(i == SENDERS / 2 ? "msg_refused" : "msg_" + round + "_" + i);
      }

      List<HttpResponse<String>> responses = burst(keys);

      for (int i = 0; i < keys.size(); i++) {
        HttpResponse<String> response = responses.get(i);
        if (keys.get(i).equals("msg_refused")) {
          assertThat(response.statusCode()).as(response.body()).isGreaterThanOrEqualTo(500);
        } else {
          assertThat(response.statusCode()).as(keys.get(i) + ": " + response.body()).isEqualTo(201);
          assertThat(runs.get(keys.get(i))).hasValue(1);
        }
      }
    }
    assertThat(runs).doesNotContainKey("msg_refused");
  }

  @Test
  void answersNo2xxWhoseRecordedResponseIsNotInTheStoreAfterSigkill() throws Exception {
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    Random random = new Random();
    AtomicInteger next = new AtomicInteger();
    for (int kill = 0; kill < 3; kill++) {
      Process app = start();
      int port = Integer.parseInt(readPort(app));
      AtomicBoolean sending = new AtomicBoolean(true);
      // Killed once this round's burst is in full flow, at a random moment of it.
      CountDownLatch flowing = new CountDownLatch(100);
      List<Future<?>> senders = new ArrayList<>();
      for (int t = 0; t < SENDERS; t++) {
        senders.add(
            pool.submit(
                () -> {
                  while (sending.get()) {
                    String key = "msg_" + next.incrementAndGet();
                    try {
                      if (post(port, key).statusCode() / 100 == 2) {
                        acknowledged.add(key);
                        flowing.countDown();
                      }
                    } catch (java.io.IOException e) {
                      return null; // killed: the answer never came
                    }
                  }
                  return null;
                }));
      }
      assertThat(flowing.await(20, TimeUnit.SECONDS)).as("100 answers before the kill").isTrue();
      Thread.sleep(random.nextInt(300));
      app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      sending.set(false);
      for (Future<?> sender : senders) {
        sender.get(30, TimeUnit.SECONDS);
      }
    }

    assertThat(acknowledged).isNotEmpty();
    Set<String> recorded = ConcurrentHashMap.newKeySet();
    try (Connection c = DriverManager.getConnection(JdbcStore.h2Url(data));
        PreparedStatement select =
            c.prepareStatement(
                "SELECT idem_key FROM hookc_idempotency WHERE done = TRUE AND status = 201");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        recorded.add(rows.getString(1));
      }
    }
    assertThat(recorded).containsAll(acknowledged);
  }

  private Process start() throws Exception {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            GroupCommitApp.class.getName(),
            data.toString())
        .redirectError(data.resolve("stderr.log").toFile())
        .start();
  }

  private String readPort(Process app) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line)
        .as("the app's first line; its log: %s", Files.readString(data.resolve("stderr.log")))
        .startsWith("port ");
    return line.substring(5);
  }
}

package dev.hookc.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * hookc's own store away or busy while deliveries arrive, over a real server and an H2 server that
 * is stopped and started again: a delivery that could not be stored is a 503 {@code
 * store-unavailable} with {@code Retry-After} — never a 2xx, and never a 500, which would read as a
 * bug — and the sender's retry stores it once the store is back.
 */
@Timeout(60)
class StoreOutageTest {
  private static final String PASSWORD = "hunter2";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @TempDir Path data;
  private Server database;
  private int databasePort;
  private JdbcStore store;
  private Inbox inbox;
  private HookcServer server;
  private IdempotentRoute sync;

  private final Logger inboxLogger = Logger.getLogger(Inbox.class.getName());
  private final List<LogRecord> workerLog = new CopyOnWriteArrayList<>();
  private final Handler workerLogHandler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          workerLog.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void start() throws Exception {
    inboxLogger.addHandler(workerLogHandler);
    database = tcpServer(0);
    databasePort = database.getPort();
    store = JdbcStore.open(url(), "sa", PASSWORD);
    inbox =
        Inbox.builder(store, "POST /async")
            .handler(request -> Response.empty(204))
            .retry(RetryPolicy.defaults())
            .lease(Duration.ofMinutes(1))
            .workers(1)
            .start();
    sync = IdempotentRoute.over(store);
    server =
        HookcServer.builder()
            .host("127.0.0.1")
            .port(0)
            .shutdownGrace(Duration.ofMillis(100))
            .route(
                Route.of(
                    "POST", "/async", inbox.accept(202, RequestKeys.header("webhook-id"), null)))
            .start();
  }

  // A file database, so that what was stored is still there when the server is started again.
  private Server tcpServer(int port) throws Exception {
    return Server.createTcpServer(
            "-tcpPort", Integer.toString(port), "-ifNotExists", "-baseDir", data.toString())
        .start();
  }

  // A short lock timeout, so that a held key fails its request in a fraction of a second.
  private String url() {
    return "jdbc:h2:tcp://127.0.0.1:" + databasePort + "/store;LOCK_TIMEOUT=300";
  }

  @AfterEach
  void stop() throws Exception {
    inboxLogger.removeHandler(workerLogHandler);
    server.stop(Duration.ofMillis(100));
    sync.close();
    inbox.close();
    store.close();
    database.stop();
  }

  @Test
  void aStoreThatCannotBeReachedIs503UntilItIsBackAndThenTheRetryIsStored() throws Exception {
    assertThat(post("evt_1").statusCode()).isEqualTo(202);
    assertThat(sync.post("evt_1").statusCode()).isEqualTo(201);

    database.stop();
    assertUnavailable(post("evt_2"), "could not be reached");
    assertUnavailable(sync.post("evt_2"), "could not be reached");
    assertThat(sync.runs).as("no workflow ran without its key claimed").hasValue(1);

    database = tcpServer(databasePort);
    // The sender's retries: the pool may hand out a connection from before the restart once.
    assertThat(retried(() -> post("evt_2")).statusCode()).isEqualTo(202);
    assertThat(retried(() -> sync.post("evt_2")).statusCode()).isEqualTo(201);
    assertThat(sync.runs).hasValue(2);
    assertThat(inboxKeys()).isEqualTo(2);
    // The inbox's worker said once that the store went, and once that it came back: no stack
    // traces.
    await(
        () -> workerLog.stream().anyMatch(r -> r.getLevel().equals(java.util.logging.Level.INFO)));
    assertThat(workerLog)
        .extracting(r -> r.getLevel().getName(), r -> r.getThrown() == null)
        .containsExactly(tuple("WARNING", true), tuple("INFO", true));
    assertThat(workerLog.get(0).getParameters()).contains("POST /async");
    // Stored once: a further retry is a replay.
    HttpResponse<String> replay = post("evt_2");
    assertThat(replay.statusCode()).isEqualTo(202);
    assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
  }

  @Test
  void aKeyLockedLongerThanTheLockTimeoutIs503AndNotStoredTwice() throws Exception {
    // Another transaction holds the key's row in the inbox and in the idempotency table: the
    // request's insert waits for its lock, and H2 gives up after its lock timeout.
    try (Connection holder = DriverManager.getConnection(url(), "sa", PASSWORD)) {
      holder.setAutoCommit(false);
      try (PreparedStatement insert =
          holder.prepareStatement(
              "INSERT INTO hookc_inbox (id, scope, dedup_key, method, path, path_params, query,"
                  + " headers, body, state, attempts, next_attempt_at, claimed_until, received_at)"
                  + " VALUES ('held', 'POST /async', 'evt_held', 'POST', '/async', '{}', '{}',"
                  + " '{}', X'7B7D', 'PENDING', 0, 0, 0, 0)")) {
        insert.executeUpdate();
      }
      try (PreparedStatement insert =
          holder.prepareStatement(
              "INSERT INTO hookc_idempotency (scope, idem_key, owner, done, expires_at)"
                  + " VALUES ('POST /hook', 'evt_held', 'holder', FALSE, ?)")) {
        insert.setLong(1, System.currentTimeMillis() + 60_000);
        insert.executeUpdate();
      }

      // H2 reports a lock timeout as a statement timeout.
      assertUnavailable(post("evt_held"), "did not answer in time");
      assertUnavailable(sync.post("evt_held"), "did not answer in time");
      assertThat(sync.runs).hasValue(0);
      holder.rollback();
    }

    assertThat(post("evt_held").statusCode()).isEqualTo(202);
    assertThat(sync.post("evt_held").statusCode()).isEqualTo(201);
    assertThat(inboxKeys()).isEqualTo(1);
    assertThat(sync.runs).hasValue(1);
  }

  private static void assertUnavailable(HttpResponse<String> answer, String why) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
    assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
    JsonNode problem = Json.mapper().readTree(answer.body());
    assertThat(problem.get("type").asText()).endsWith("/store-unavailable");
    assertThat(problem.get("detail").asText())
        .contains(why)
        .doesNotContain("jdbc:", "127.0.0.1", PASSWORD, "INSERT", "evt_");
  }

  /** A delivery as a sender sends it. */
  @FunctionalInterface
  private interface Send {
    HttpResponse<String> send() throws Exception;
  }

  /** Sends as a sender does: again, shortly, while answered 503. */
  private static HttpResponse<String> retried(Send send) throws Exception {
    HttpResponse<String> answer = send.send();
    for (int attempt = 1; answer.statusCode() == 503 && attempt < 8; attempt++) {
      Thread.sleep(50);
      answer = send.send();
    }
    return answer;
  }

  private HttpResponse<String> post(String key) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(server.baseUri() + "/async"))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .header("webhook-id", key)
            .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + key + "\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void await(java.util.function.BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition met in time").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private int inboxKeys() throws Exception {
    try (Connection c = DriverManager.getConnection(url(), "sa", PASSWORD);
        Statement s = c.createStatement();
        ResultSet row =
            s.executeQuery(
                "SELECT COUNT(DISTINCT dedup_key) FROM hookc_inbox WHERE id <> 'held'")) {
      row.next();
      return row.getInt(1);
    }
  }
}

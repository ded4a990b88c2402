package dev.hookc.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The inbox's group commit under 50 concurrent senders, on H2 and on a real PostgreSQL server, with
 * every commit held back by a slow disk (the data source's commit waits before committing), so that
 * deliveries pile up into shared batches: no delivery may be answered 2xx before its row is
 * committed, a bad row must not cost its neighbours theirs, and a key twice in one batch is stored
 * once.
 */
@Timeout(60)
class HostileGroupCommitTest {
  private static final int SENDERS = 50;
  private static final Duration SLOW_COMMIT = Duration.ofMillis(150);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  @TempDir Path data;
  private final List<AutoCloseable> open = new ArrayList<>();
  private final AtomicInteger commits = new AtomicInteger();
  private final AtomicInteger rollbacks = new AtomicInteger();
  private String url; // for the checks, which connect past the slow data source
  private String user;
  private HookcServer server;
  // Holds the inbox's one worker on its first delivery, so that the commits counted are the
  // accepting requests' own.
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    if (server != null) {
      server.stop(Duration.ofMillis(100));
    }
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void answersNoDeliveryBeforeItsRowIsCommitted(String kind) throws Exception {
    start(kind);

    List<HttpResponse<String>> answers = burst(i -> "evt_" + i, true);

    assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(202));
    assertThat(rows()).isEqualTo(SENDERS);
    // Far fewer commits than deliveries: they were committed in shared batches.
    assertThat(commits.get()).isLessThan(SENDERS / 2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void aRowTheDatabaseRefusesFailsOnlyItsOwnDelivery(String kind) throws Exception {
    start(kind);
    try (Connection c = DriverManager.getConnection(url, user, null);
        Statement s = c.createStatement()) {
      s.execute(
          "ALTER TABLE hookc_inbox ADD CONSTRAINT no_poison CHECK (dedup_key <> 'evt_poison')");
    }

    List<HttpResponse<String>> answers = burst(i -> i == 17 ? "evt_poison" : "evt_" + i, true);

    for (int i = 0; i < SENDERS; i++) {
      HttpResponse<String> answer = answers.get(i);
      if (i == 17) {
        assertThat(answer.statusCode()).as(answer.body()).isGreaterThanOrEqualTo(500);
      } else {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
      }
    }
    assertThat(rows()).isEqualTo(SENDERS - 1);
    // The poison row failed a shared batch, which was rolled back and written again row by row:
    // the batch's rollback, then the poison row's own.
    assertThat(rollbacks.get()).isGreaterThanOrEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void aKeySentTwiceAtOnceIsStoredOnceAndAnsweredAsAReplay(String kind) throws Exception {
    start(kind);

    // 25 keys, each sent by two senders at the same moment.
    List<HttpResponse<String>> answers = burst(i -> "evt_" + (i / 2), false);

    Map<String, List<HttpResponse<String>>> byKey = new ConcurrentHashMap<>();
    for (int i = 0; i < SENDERS; i++) {
      byKey.computeIfAbsent("evt_" + (i / 2), k -> new ArrayList<>()).add(answers.get(i));
    }
    assertThat(byKey).hasSize(SENDERS / 2);
    byKey.forEach(
        (key, pair) -> {
          assertThat(pair).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(202));
          long replayed =
              pair.stream()
                  .filter(r -> r.headers().firstValue("idempotent-replayed").isPresent())
                  .count();
          assertThat(replayed).as("replays of " + key).isEqualTo(1);
          assertThat(id(pair.get(0)))
              .as("both answers name one delivery")
              .isEqualTo(id(pair.get(1)));
        });
    assertThat(rows()).isEqualTo(SENDERS / 2);
  }

  /** An async route on a fresh database of {@code kind} whose commits are slow. */
  private void start(String kind) throws Exception {
    DataSource real;
    if (kind.equals("h2")) {
      url = JdbcStore.h2Url(data);
      user = null;
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(url);
      real = h2;
    } else {
      String name = "group_" + DATABASES.incrementAndGet();
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      }
      url = postgres.getJdbcUrl("postgres", name);
      user = "postgres";
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setURL(url);
      pg.setUser(user);
      real = pg;
    }
    JdbcStore store = JdbcStore.of(slowCommits(real));
    open.add(store);
    Inbox inbox =
        Inbox.builder(store, "POST /hook")
            .handler(
                request -> {
                  release.await(30, TimeUnit.SECONDS);
                  return Response.empty(204);
                })
            .retry(RetryPolicy.defaults())
            .lease(Duration.ofMinutes(1))
            .workers(1)
            .start();
    open.add(0, inbox);
    server =
        HookcServer.builder()
            .host("127.0.0.1")
            .port(0)
            .route(
                Route.of(
                    "POST", "/hook", inbox.accept(202, RequestKeys.header("webhook-id"), null)))
            .start();
    commits.set(0);
    rollbacks.set(0);
  }

  /**
   * Sends {@link #SENDERS} deliveries at once, the {@code i}th with key {@code key.apply(i)}; with
   * {@code check}, each sender looks for its delivery's committed row, past the slow data source,
   * the moment it is answered 202.
   */
  private List<HttpResponse<String>> burst(IntFunction<String> key, boolean check)
      throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> sent = new ArrayList<>();
    try {
      for (int i = 0; i < SENDERS; i++) {
        String k = key.apply(i);
        sent.add(
            senders.submit(
                () -> {
                  go.await(10, TimeUnit.SECONDS);
                  HttpResponse<String> answer = send(k);
                  if (check && answer.statusCode() == 202) {
                    assertThat(committed(id(answer)))
                        .as("the row of %s, the moment it was acknowledged", k)
                        .isTrue();
                  }
                  return answer;
                }));
      }
      go.countDown();
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : sent) {
        answers.add(answer.get(30, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      senders.shutdownNow();
    }
  }

  private HttpResponse<String> send(String key) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(server.baseUri() + "/hook"))
            .timeout(Duration.ofSeconds(20))
            .header("webhook-id", key)
            .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + key + "\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String id(HttpResponse<String> answer) {
    try {
      return Json.mapper().readTree(answer.body()).get("id").asText();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the delivery's row is committed: read on a connection of its own. */
  private boolean committed(String id) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, null);
        PreparedStatement select = c.prepareStatement("SELECT 1 FROM hookc_inbox WHERE id = ?")) {
      select.setString(1, id);
      try (ResultSet row = select.executeQuery()) {
        return row.next();
      }
    }
  }

  private int rows() throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, null);
        Statement s = c.createStatement();
        ResultSet row = s.executeQuery("SELECT COUNT(*) FROM hookc_inbox")) {
      row.next();
      return row.getInt(1);
    }
  }

  /**
   * {@code real} with every commit held back by {@link #SLOW_COMMIT}, as a slow disk would, and its
   * commits and rollbacks counted.
   */
  private DataSource slowCommits(DataSource real) {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = invoke(real, method, args);
              return result instanceof Connection c ? slow(c) : result;
            });
  }

  private Connection slow(Connection real) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("commit")) {
                Thread.sleep(SLOW_COMMIT.toMillis()); // the slow disk: nothing to wait for
                Object result = invoke(real, method, args);
                commits.incrementAndGet();
                return result;
              }
              if (method.getName().equals("rollback")) { // the whole transaction, or to a savepoint
                rollbacks.incrementAndGet();
              }
              return invoke(real, method, args);
            });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}

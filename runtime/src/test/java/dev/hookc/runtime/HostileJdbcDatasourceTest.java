package dev.hookc.runtime;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hookc.runtime.datasource.DatasourceException;
import dev.hookc.runtime.datasource.DatasourceException.Kind;
import dev.hookc.runtime.internal.app.Assembly;
import dev.hookc.runtime.internal.datasource.JdbcDefinition;
import dev.hookc.runtime.internal.datasource.MigrationScript;
import dev.hookc.runtime.internal.jdbc.StatementDatasource;
import dev.hookc.runtime.store.JdbcStore;
import dev.hookc.runtime.store.ProjectDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A jdbc datasource under pressure: every connection taken, statements that fail again and again,
 * starts and closes over and over, a start that fails half-way. Each ends in bounded time and
 * leaves no connection or thread behind.
 */
@Timeout(30)
class HostileJdbcDatasourceTest {
  private static final Map<String, String> STATEMENTS =
      Map.of(
          "insert", "INSERT INTO payments (id) VALUES (:id)",
          "broken", "SELECT * FROM nowhere WHERE id = :id",
          "count", "SELECT COUNT(*) AS n FROM payments");

  @TempDir Path data;

  @BeforeEach
  void forget() {
    DatasourceProject.RAN.clear();
  }

  private StatementDatasource small(int size) throws Exception {
    ProjectDatabase database =
        ProjectDatabase.builder("db")
            .url(ProjectDatabase.h2Url(data, "db"), null, null)
            .maximumPoolSize(size)
            .connectionTimeout(Duration.ofMillis(500))
            .migration(
                "1",
                "create payments",
                "V1__create_payments.sql",
                "CREATE TABLE payments (id VARCHAR(64) PRIMARY KEY);")
            .open();
    return new StatementDatasource(database, StatementDatasource.parse(STATEMENTS));
  }

  @Test
  void aStatementFindingEveryConnectionTakenFailsUnavailableWithinTheWaitNotAHang()
      throws Exception {
    ExecutorService holders = Executors.newFixedThreadPool(2);
    try (StatementDatasource db = small(2)) {
      CountDownLatch holding = new CountDownLatch(2);
      CountDownLatch release = new CountDownLatch(1);
      List<Future<Object>> held = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        String id = "held_" + i;
        held.add(
            holders.submit(
                () ->
                    db.inTransaction(
                        () -> {
                          db.update("insert", Map.of("id", id));
                          holding.countDown();
                          return release.await(20, SECONDS);
                        })));
      }
      assertThat(holding.await(10, SECONDS)).isTrue();

      long started = System.nanoTime();
      assertThatThrownBy(() -> db.update("insert", Map.of("id", "pi_waiting")))
          .isInstanceOfSatisfying(
              DatasourceException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                assertThat(e.getMessage()).startsWith("db: insert could not reach the database");
              });
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));

      release.countDown();
      for (Future<Object> transaction : held) {
        assertThat(transaction.get(10, SECONDS)).isEqualTo(true);
      }
      assertThat(db.update("insert", Map.of("id", "pi_after"))).isEqualTo(1);
    } finally {
      holders.shutdownNow();
    }
  }

  @Test
  void statementsAndTransactionsThatFailGiveEveryConnectionBack() throws Exception {
    ExecutorService pair = Executors.newFixedThreadPool(2);
    try (StatementDatasource db = small(2)) {
      db.update("insert", Map.of("id", "pi_1"));
      for (int i = 0; i < 30; i++) {
        assertThatThrownBy(() -> db.update("insert", Map.of("id", "pi_1")))
            .isInstanceOf(DatasourceException.class);
        assertThatThrownBy(() -> db.query("broken", Map.of("id", "x")))
            .isInstanceOfSatisfying(
                DatasourceException.class, e -> assertThat(e.kind()).isEqualTo(Kind.OTHER));
        assertThatThrownBy(
                () ->
                    db.inTransaction(
                        () -> {
                          db.update("insert", Map.of("id", "pi_rolled_back"));
                          throw new IllegalStateException("the work failed");
                        }))
            .hasMessage("the work failed");
      }

      // Both connections are free: two transactions hold one each at the same time.
      CountDownLatch both = new CountDownLatch(2);
      List<Future<Boolean>> together = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        together.add(
            pair.submit(
                () ->
                    db.inTransaction(
                        () -> {
                          db.query("count", Map.of());
                          both.countDown();
                          return both.await(10, SECONDS);
                        })));
      }
      for (Future<Boolean> transaction : together) {
        assertThat(transaction.get(15, SECONDS)).isTrue();
      }
      assertThat(db.query("count", Map.of()).get(0).get("n")).isEqualTo(1L);
    } finally {
      pair.shutdownNow();
    }
  }

  @Test
  void twentyStartAndCloseCyclesWithTheStoreOnTheDatasourceLeaveNoThreadAndNoConnection()
      throws Exception {
    Set<Thread> before = liveThreads();
    for (int cycle = 0; cycle < 20; cycle++) {
      try (Application app = DatasourceProject.builder(data, true).build().start()) {
        assertThat(DatasourceApplicationTest.post(app, "/pay", "payment-id: pi_" + cycle))
            .isEqualTo(201);
        assertThat(DatasourceApplicationTest.post(app, "/async", "webhook-id: evt_" + cycle))
            .isEqualTo(202);
        assertThat(DatasourceProject.RAN.poll(10, SECONDS)).isEqualTo("evt_" + cycle);
        if (cycle == 0) {
          assertThat(names(started(before))).anyMatch(name -> name.startsWith("hookc-db-"));
          assertThat(sessions(data.resolve("db"))).isGreaterThan(1);
        }
      }
    }

    assertThat(names(leftAlive(before))).isEmpty();
    assertThat(sessions(data.resolve("db"))).as("sessions but the one counting").isEqualTo(1);
  }

  @Test
  void aStartWhoseSecondDatasourceCannotMigrateClosesTheFirst() throws Exception {
    Set<Thread> before = liveThreads();
    JdbcDefinition broken =
        new JdbcDefinition(
            "ledger",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            2,
            List.of(new MigrationScript("1", "broken", "V1__broken.sql", "CREATE TABLE (;")),
            Map.of());
    Application app =
        Assembly.of(env -> JsonNodeFactory.instance.objectNode(), startup -> List.of())
            .datasource(DatasourceProject.db(false, List.of(DatasourceProject.V1)))
            .datasource(broken)
            .builder()
            .dataDirectory(data)
            .host("127.0.0.1")
            .port(0)
            .build();

    assertThatThrownBy(app::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("V1__broken.sql");

    assertThat(names(leftAlive(before))).isEmpty();
    assertThat(sessions(data.resolve("db"))).isEqualTo(1);
  }

  @Test
  void aStartWhoseRoutesCannotBeMadeClosesTheDatasourceAndTheStoreOnIt() throws Exception {
    Set<Thread> before = liveThreads();
    Application app =
        Assembly.of(
                env -> JsonNodeFactory.instance.objectNode(),
                startup -> {
                  startup
                      .wiring()
                      .jdbc("db")
                      .update("recordPayment", Map.of("id", "x", "amount", 1));
                  throw new IllegalStateException("a route cannot be made");
                })
            .datasource(DatasourceProject.db(false, List.of(DatasourceProject.V1)))
            .storeOn("db")
            .builder()
            .dataDirectory(data)
            .host("127.0.0.1")
            .port(0)
            .build();

    assertThatThrownBy(app::start).hasMessage("a route cannot be made");

    assertThat(names(leftAlive(before))).isEmpty();
    assertThat(sessions(data.resolve("db"))).isEqualTo(1);
  }

  @Test
  void aStoreOnAClosedDatasourceIsRefused() throws Exception {
    StatementDatasource db = small(1);
    db.close();
    assertThatThrownBy(() -> JdbcStore.on(db.database()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> db.query("count", Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  private static Set<Thread> liveThreads() {
    return new HashSet<>(Thread.getAllStackTraces().keySet());
  }

  private static Set<Thread> started(Set<Thread> before) {
    Set<Thread> now = liveThreads();
    now.removeAll(before);
    return now;
  }

  private static Set<Thread> leftAlive(Set<Thread> before) {
    Set<Thread> started = started(before);
    for (Thread thread : started) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return started.stream().filter(Thread::isAlive).collect(Collectors.toSet());
  }

  private static List<String> names(Set<Thread> threads) {
    return threads.stream().map(Thread::getName).sorted().toList();
  }

  /**
   * The sessions of the embedded database at {@code base}, this one's included; shuts it down again
   * if this connection opened it, so that counting leaves nothing open.
   */
  private static int sessions(Path base) throws Exception {
    String url = "jdbc:h2:file:" + base.toAbsolutePath() + ";IFEXISTS=TRUE";
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      int sessions;
      try (ResultSet count =
          statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
        count.next();
        sessions = count.getInt(1);
      }
      if (sessions == 1) {
        statement.execute("SHUTDOWN");
      }
      return sessions;
    }
  }

  static {
    // Loaded before any baseline is taken, with the drivers it registers.
    JdbcStore.check("jdbc:h2:mem:");
  }
}

package dev.hookc.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The store on a real PostgreSQL server under conditions it does not choose: the server ending its
 * idle connections, instances starting at the same moment on an empty database, the tables of an
 * earlier hookc, and a pool that is the project's own.
 */
@Timeout(60)
class HostilePostgresStoreTest {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  /** A new, empty database of its own for a test. */
  private static String newDatabase() throws SQLException {
    String name = "hookc_" + DATABASES.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection()) {
      c.createStatement().execute("CREATE DATABASE " + name);
    }
    return name;
  }

  private static String url(String database, String applicationName) {
    return postgres
        .getJdbcUrl("postgres", database)
        .replace("?", "?ApplicationName=" + applicationName + "&");
  }

  private static int connectionsOf(String applicationName) throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        PreparedStatement count =
            c.prepareStatement(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = ?")) {
      count.setString(1, applicationName);
      try (ResultSet row = count.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  private static int backendsAlive(List<Integer> pids) throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        PreparedStatement count =
            c.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = ANY (?)")) {
      count.setArray(1, c.createArrayOf("integer", pids.toArray()));
      try (ResultSet row = count.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  @Test
  void replacesTheConnectionsTheServerEndedWhileTheyWereIdle() throws Exception {
    String database = newDatabase();
    try (JdbcStore store = JdbcStore.open(url(database, "victim"), "postgres", null);
        IdempotentRoute route = IdempotentRoute.over(store)) {
      assertThat(route.post("evt_1").statusCode()).isEqualTo(201);
      assertThat(connectionsOf("victim")).isPositive();

      // What a database restart, a failover or a proxy's idle timeout does to a pool. The pool
      // may open new connections meanwhile, so wait for the ended backends, not for zero.
      List<Integer> ended = new ArrayList<>();
      try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
        try (ResultSet pids =
            admin
                .createStatement()
                .executeQuery(
                    "SELECT pid FROM pg_stat_activity WHERE application_name = 'victim'")) {
          while (pids.next()) {
            ended.add(pids.getInt(1));
          }
        }
        for (int pid : ended) {
          admin.createStatement().execute("SELECT pg_terminate_backend(" + pid + ")");
        }
      }
      assertThat(ended).isNotEmpty();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (backendsAlive(ended) > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20); // the server's backends end on their own time: nothing to wait on
      }
      assertThat(backendsAlive(ended)).isZero();
      // Idle longer than the pool's half second without checks, as idle connections are.
      Thread.sleep(600);

      HttpResponse<String> fresh = route.post("evt_2");
      assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(201);
      HttpResponse<String> repeat = route.post("evt_1");
      assertThat(repeat.headers().firstValue("idempotent-replayed")).hasValue("true");
      assertThat(route.runs).hasValue(2);
    }
  }

  @Test
  void migratesOnceWhenInstancesStartTogetherOnAnEmptyDatabase() throws Exception {
    String database = newDatabase();
    int instances = 4;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService starts = Executors.newFixedThreadPool(instances);
    List<Future<JdbcStore>> opened = new ArrayList<>();
    try {
      for (int i = 0; i < instances; i++) {
        String url = url(database, "instance-" + i);
        opened.add(
            starts.submit(
                () -> {
                  go.await();
                  return JdbcStore.open(url, "postgres", null);
                }));
      }
      go.countDown();
      List<JdbcStore> stores = new ArrayList<>();
      for (Future<JdbcStore> store : opened) {
        stores.add(store.get(30, TimeUnit.SECONDS));
      }
      List<String> history =
          stores
              .get(0)
              .transaction(
                  c -> {
                    List<String> rows = new ArrayList<>();
                    try (ResultSet row =
                        c.createStatement()
                            .executeQuery(
                                "SELECT version, type FROM hookc_schema_history"
                                    + " ORDER BY installed_rank")) {
                      while (row.next()) {
                        rows.add(row.getString(1) + " " + row.getString(2));
                      }
                    }
                    return rows;
                  });
      assertThat(history).containsExactly("1 SQL", "2 SQL", "3 SQL", "4 SQL");
      stores.forEach(JdbcStore::close);
    } finally {
      starts.shutdownNow();
    }
  }

  @Test
  void upgradesTheTablesOfAnEarlierHookcAndReplaysWhatItRecorded() throws Exception {
    String database = newDatabase();
    String url = url(database, "upgrade");
    try (Connection c = java.sql.DriverManager.getConnection(url)) {
      EarlierSchema.create(c, "BYTEA", 3);
      EarlierSchema.recordResponse(c, "evt_before", "{\"run\":\"before\"}");
    }
    try (JdbcStore store = JdbcStore.open(url, "postgres", null);
        IdempotentRoute route = IdempotentRoute.over(store)) {
      HttpResponse<String> replay = route.post("evt_before");
      assertThat(replay.body()).isEqualTo("{\"run\":\"before\"}");
      assertThat(replay.headers().firstValue("idempotent-replayed")).hasValue("true");
      assertThat(route.post("evt_after").statusCode()).isEqualTo(201);
      assertThat(route.runs).hasValue(1);
    }
  }

  @Test
  void servesAnIdempotentRouteOnTheProjectsOwnDataSource() throws Exception {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(postgres.getJdbcUrl("postgres", newDatabase()));
    try (JdbcStore store = JdbcStore.of(dataSource);
        IdempotentRoute route = IdempotentRoute.over(store)) {
      assertThat(route.post("evt_1").statusCode()).isEqualTo(201);
      assertThat(route.post("evt_1").headers().firstValue("idempotent-replayed")).hasValue("true");
      assertThat(route.runs).hasValue(1);
    }
  }
}

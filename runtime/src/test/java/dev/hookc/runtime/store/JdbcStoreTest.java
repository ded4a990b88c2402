package dev.hookc.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a store over real H2 databases, in files and in memory: its tables created, or migrated
 * from an earlier hookc, with checksums in a history Flyway itself validates; on a URL with
 * credentials, and on a caller's own {@code DataSource}.
 */
@Timeout(30)
class JdbcStoreTest {
  @TempDir Path data;

  private static <T> T query(JdbcStore store, JdbcStore.Work<T> work) throws Exception {
    return store.transaction(work);
  }

  private static List<List<Object>> history(Connection c) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet row =
            s.executeQuery(
                "SELECT \"version\", \"type\", \"script\", \"checksum\", \"success\""
                    + " FROM \"hookc_schema_history\" ORDER BY \"installed_rank\"")) {
      while (row.next()) {
        rows.add(
            List.of(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getObject(4) == null ? "none" : row.getInt(4),
                row.getBoolean(5)));
      }
    }
    return rows;
  }

  private static int checksumOf(String script) throws IOException {
    try (InputStream in =
        JdbcStoreTest.class.getClassLoader().getResourceAsStream("db/hookc/h2/" + script)) {
      return Migration.checksum(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void createsTheTablesOfANewDatabaseAndRecordsEachMigrationWithItsChecksum() throws Exception {
    try (JdbcStore store = JdbcStore.open("jdbc:h2:mem:created;DB_CLOSE_DELAY=-1", null, null)) {
      assertThat(query(store, JdbcStoreTest::history))
          .containsExactly(
              List.of(
                  "1",
                  "SQL",
                  "V1__create_idempotency.sql",
                  checksumOf("V1__create_idempotency.sql"),
                  true),
              List.of("2", "SQL", "V2__create_inbox.sql", checksumOf("V2__create_inbox.sql"), true),
              List.of(
                  "3",
                  "SQL",
                  "V3__index_due_deliveries.sql",
                  checksumOf("V3__index_due_deliveries.sql"),
                  true),
              List.of(
                  "4",
                  "SQL",
                  "V4__inline_request_columns.sql",
                  checksumOf("V4__inline_request_columns.sql"),
                  true));
    }
  }

  @Test
  void runsNoMigrationAgainWhenTheDatabaseIsReopened() throws Exception {
    String url = JdbcStore.h2Url(data);
    JdbcStore.open(url, null, null).close();
    try (JdbcStore store = JdbcStore.open(url, null, null)) {
      assertThat(query(store, JdbcStoreTest::history)).hasSize(4);
    }
  }

  @Test
  void listsEveryMigrationItShipsInBothDialects() throws Exception {
    for (Dialect dialect : Dialect.values()) {
      Path folder =
          Path.of(
                  JdbcStoreTest.class
                      .getClassLoader()
                      .getResource(dialect.migrationFolder() + "/V1__create_idempotency.sql")
                      .toURI())
              .getParent();
      try (Stream<Path> files = Files.list(folder)) {
        assertThat(files.map(f -> f.getFileName().toString()))
            .as(dialect.migrationFolder())
            .containsExactlyInAnyOrderElementsOf(Migration.SCRIPTS);
      }
    }
  }

  @Test
  // The store is never read in the block: it is held open so that its migrated database and pool
  // are live while Flyway reads the history.
  @SuppressWarnings("try")
  void writesAHistoryThatFlywayValidatesWithHookcsScripts() throws Exception {
    String url = "jdbc:h2:mem:flyway;DB_CLOSE_DELAY=-1";
    try (JdbcStore store = JdbcStore.open(url, null, null)) {
      Flyway flyway =
          Flyway.configure()
              .dataSource(url, null, null)
              .table(SchemaMigrator.HISTORY)
              .locations("classpath:db/hookc/h2")
              .load();
      ValidateResult result = flyway.validateWithResult();
      assertThat(result.validationSuccessful).as(result.getAllErrorMessages()).isTrue();
      assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("4");
      assertThat(flyway.info().pending()).isEmpty();
    }
  }

  @Test
  void upgradesADatabaseAnEarlierHookcCreatedAndReplaysWhatItRecorded() throws Exception {
    String url = JdbcStore.h2Url(data);
    try (Connection c = DriverManager.getConnection(url)) {
      EarlierSchema.create(c, "BLOB", 3);
      EarlierSchema.recordResponse(c, "evt_before", "{\"run\":\"before\"}");
      c.createStatement().execute("SHUTDOWN");
    }
    try (JdbcStore store = JdbcStore.open(url, null, null);
        IdempotentRoute route = IdempotentRoute.over(store)) {
      HttpResponse<String> replay = route.post("evt_before");
      assertThat(replay.statusCode()).isEqualTo(201);
      assertThat(replay.body()).isEqualTo("{\"run\":\"before\"}");
      assertThat(replay.headers().firstValue("idempotent-replayed")).hasValue("true");
      assertThat(route.post("evt_after").body()).isEqualTo("{\"run\":1}");
      assertThat(route.runs).hasValue(1);
      assertThat(query(store, JdbcStoreTest::history))
          .extracting(row -> tuple(row.get(0), row.get(1)))
          .containsExactly(tuple("3", "BASELINE"), tuple("4", "SQL"));
      // Left for an earlier hookc, which then finds its tables complete.
      int earlierCount =
          query(
              store,
              c -> {
                try (ResultSet row =
                    c.createStatement().executeQuery("SELECT version FROM hookc_schema")) {
                  row.next();
                  return row.getInt(1);
                }
              });
      assertThat(earlierCount).isEqualTo(3);
    }
    Flyway flyway =
        Flyway.configure()
            .dataSource(url, null, null)
            .table(SchemaMigrator.HISTORY)
            .locations("classpath:db/hookc/h2")
            .load();
    assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
    try (Connection c = DriverManager.getConnection(url)) {
      c.createStatement().execute("SHUTDOWN");
    }
  }

  @Test
  void addsTheInboxToADatabaseFromBeforeTheInboxExisted() throws Exception {
    String url = JdbcStore.h2Url(data);
    try (Connection c = DriverManager.getConnection(url)) {
      EarlierSchema.create(c, "BLOB", 1);
      c.createStatement().execute("SHUTDOWN");
    }
    CountDownLatch processed = new CountDownLatch(1);
    try (JdbcStore store = JdbcStore.open(url, null, null)) {
      assertThat(query(store, JdbcStoreTest::history))
          .extracting(row -> tuple(row.get(0), row.get(1)))
          .containsExactly(
              tuple("1", "BASELINE"), tuple("2", "SQL"), tuple("3", "SQL"), tuple("4", "SQL"));
      try (Inbox inbox =
          Inbox.builder(store, "POST /async")
              .handler(
                  request -> {
                    processed.countDown();
                    return Response.empty(204);
                  })
              .retry(RetryPolicy.defaults())
              .lease(Duration.ofMinutes(1))
              .workers(1)
              .start()) {
        var server =
            HookcServer.builder()
                .host("127.0.0.1")
                .port(0)
                .route(
                    Route.of(
                        "POST",
                        "/async",
                        inbox.accept(202, RequestKeys.header("webhook-id"), null)))
                .start();
        try {
          var response =
              HttpClient.newHttpClient()
                  .send(
                      HttpRequest.newBuilder(URI.create(server.baseUri() + "/async"))
                          .header("webhook-id", "evt_1")
                          .POST(HttpRequest.BodyPublishers.ofString("{}"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
          assertThat(response.statusCode()).isEqualTo(202);
          assertThat(processed.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
          server.stop(Duration.ofMillis(100));
        }
      }
    }
  }

  @Test
  void servesAnIdempotentRouteOnACallersDataSourceAndLeavesItOpen() throws Exception {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:file:" + data.resolve("own") + ";DB_CLOSE_DELAY=-1");
    try (JdbcStore store = JdbcStore.of(dataSource);
        IdempotentRoute route = IdempotentRoute.over(store)) {
      assertThat(route.post("evt_1").statusCode()).isEqualTo(201);
      HttpResponse<String> repeat = route.post("evt_1");
      assertThat(repeat.statusCode()).isEqualTo(201);
      assertThat(repeat.headers().firstValue("idempotent-replayed")).hasValue("true");
      assertThat(route.runs).hasValue(1);
    }
    // Neither closed nor shut down by hookc: the caller's connections still reach the data.
    try (Connection c = dataSource.getConnection();
        ResultSet row =
            c.createStatement()
                .executeQuery("SELECT COUNT(*) FROM hookc_idempotency WHERE done = TRUE")) {
      assertThat(c.getAutoCommit()).as("auto-commit as the caller set it").isTrue();
      row.next();
      assertThat(row.getInt(1)).isEqualTo(1);
      c.createStatement().execute("SHUTDOWN");
    }
  }

  @Test
  void keepsStoresWithOtherCredentialsOnTheSameUrlApart() throws Exception {
    String url = JdbcStore.h2Url(data);
    JdbcStore owner = JdbcStore.open(url, "owner", "owner-secret");
    query(
        owner,
        c -> c.createStatement().execute("CREATE USER reader PASSWORD 'reader-secret' ADMIN"));
    JdbcStore reader = JdbcStore.open(url, "reader", "reader-secret");
    JdbcStore.Work<String> user =
        c -> {
          try (ResultSet row = c.createStatement().executeQuery("SELECT CURRENT_USER")) {
            row.next();
            return row.getString(1);
          }
        };
    assertThat(query(owner, user)).isEqualToIgnoringCase("owner");
    assertThat(query(reader, user)).isEqualToIgnoringCase("reader");
    // The database stays open for the other pool until it closes too.
    owner.close();
    try (IdempotentRoute route = IdempotentRoute.over(reader)) {
      assertThat(route.post("evt_1").statusCode()).isEqualTo(201);
    }
    reader.close();
  }
}

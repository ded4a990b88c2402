package dev.hookc.runtime.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookc.runtime.store.JdbcStore;
import dev.hookc.runtime.store.ProjectDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A datasource's migrations: run once, in version order, recorded where Flyway reads them, and a
 * changed or missing applied script refused with a message naming it.
 */
@Timeout(60)
class MigrationsTest {
  private static final String V1 =
      "CREATE TABLE payments (id VARCHAR(64) PRIMARY KEY);\n"
          + "-- a comment; and a ; inside a string:\n"
          + "INSERT INTO payments (id) VALUES ('a;b');\n";
  private static final String V1_1 = "ALTER TABLE payments ADD COLUMN amount DECIMAL(12, 2);\n";
  private static final String V2 = "CREATE INDEX payments_amount ON payments (amount);\n";

  @TempDir Path data;

  static String[] kinds() {
    return TestDatabases.kinds();
  }

  /** The databases that outlive their pool: an in-memory one is shut down with it. */
  static String[] persistentKinds() {
    return new String[] {"h2-file", "postgresql"};
  }

  private static ProjectDatabase.Builder builder(String url) {
    return ProjectDatabase.builder("db")
        .url(url, url.startsWith("jdbc:postgresql") ? "postgres" : null, null);
  }

  private static ProjectDatabase.Builder withScripts(ProjectDatabase.Builder builder, boolean v2) {
    // Declared out of order: run in version order, 1.1 before 2.
    if (v2) {
      builder.migration("2", "index amount", "V2__index_amount.sql", V2);
    }
    return builder
        .migration("1", "create payments", "V1__create_payments.sql", V1)
        .migration("1.1", "add amount", "V1.1__add_amount.sql", V1_1);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void runsEachMigrationOnceInVersionOrderAndFlywayValidatesTheHistory(String kind)
      throws Exception {
    String url = TestDatabases.url(kind, data);
    withScripts(builder(url), false).open().close();
    try (ProjectDatabase db = withScripts(builder(url), true).open()) {
      assertThat(history(db))
          .isEqualTo("1:V1__create_payments.sql,1.1:V1.1__add_amount.sql,2:V2__index_amount.sql");
      assertThat(count(db, "SELECT COUNT(*) FROM payments WHERE id = 'a;b'")).isEqualTo(1);

      if (kind.equals("postgresql")) {
        return; // Flyway reads PostgreSQL with a module of its own, which the tests do not have
      }
      Path scripts = Files.createDirectories(data.resolve("scripts-" + kind));
      Files.writeString(scripts.resolve("V1__create_payments.sql"), V1);
      Files.writeString(scripts.resolve("V1.1__add_amount.sql"), V1_1);
      Files.writeString(scripts.resolve("V2__index_amount.sql"), V2);
      Flyway flyway =
          Flyway.configure().dataSource(db.dataSource()).locations("filesystem:" + scripts).load();
      ValidateResult result = flyway.validateWithResult();
      assertThat(result.validationSuccessful).as(result.getAllErrorMessages()).isTrue();
      assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("2");
      assertThat(flyway.info().pending()).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("persistentKinds")
  void refusesToStartWhenAnAppliedScriptWasChanged(String kind) throws Exception {
    String url = TestDatabases.url(kind, data);
    withScripts(builder(url), false).open().close();

    assertThatThrownBy(
            () ->
                builder(url)
                    .migration(
                        "1", "create payments", "V1__create_payments.sql", V1 + "-- changed\n")
                    .migration("1.1", "add amount", "V1.1__add_amount.sql", V1_1)
                    .open())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the datasource db: migration V1__create_payments.sql was applied")
        .hasMessageContaining("flyway_schema_history");
    assertStillOpens(url);
  }

  @ParameterizedTest
  @MethodSource("persistentKinds")
  void refusesToStartWhenAnAppliedScriptIsMissing(String kind) throws Exception {
    String url = TestDatabases.url(kind, data);
    withScripts(builder(url), false).open().close();

    assertThatThrownBy(
            () ->
                builder(url)
                    .migration("1", "create payments", "V1__create_payments.sql", V1)
                    .open())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("migration 1.1 ('add amount') is recorded as applied")
        .hasMessageContaining("no such script");
    assertStillOpens(url);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aFailingMigrationIsNamedAndLeavesNothingOpen(String kind) throws Exception {
    String url = TestDatabases.url(kind, data);
    assertThatThrownBy(
            () ->
                builder(url).migration("1", "broken", "V1__broken.sql", "CREATE TABLE (;\n").open())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("V1__broken.sql");
    new StatementDatasource(builder(url).open(), Map.of()).close();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void theStoreOnTheDatasourceKeepsItsOwnHistoryNextToTheProjects(String kind) throws Exception {
    String url = TestDatabases.url(kind, data);
    try (ProjectDatabase db = withScripts(builder(url), true).open();
        JdbcStore store = JdbcStore.on(db)) {
      assertThat(store.dataSource()).isNotNull();
      assertThat(count(db, "SELECT COUNT(*) FROM \"hookc_schema_history\"")).isEqualTo(4);
      assertThat(count(db, "SELECT COUNT(*) FROM \"flyway_schema_history\"")).isEqualTo(3);
      assertThat(count(db, "SELECT COUNT(*) FROM hookc_inbox")).isZero();
    }
  }

  /** A database the previous open left closed, with nothing holding it, opens again. */
  private static void assertStillOpens(String url) throws Exception {
    if (url.startsWith("jdbc:h2:file:")) {
      // An embedded database still open in this process would refuse IFEXISTS-less settings.
      try (Connection c = DriverManager.getConnection(url.replace(";DB_CLOSE_DELAY=-1", ""));
          Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      }
    }
    new StatementDatasource(withScripts(builder(url), false).open(), Map.of()).close();
  }

  private static String history(ProjectDatabase db) throws Exception {
    StringBuilder history = new StringBuilder();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet row =
            s.executeQuery(
                "SELECT \"version\", \"script\" FROM \"flyway_schema_history\" ORDER BY"
                    + " \"installed_rank\"")) {
      while (row.next()) {
        history.append(history.length() == 0 ? "" : ",");
        history.append(row.getString(1)).append(':').append(row.getString(2));
      }
    }
    return history.toString();
  }

  private static long count(ProjectDatabase db, String sql) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet row = s.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }
}

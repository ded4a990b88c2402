package dev.hookc.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hookc.runtime.internal.app.Assembly;
import dev.hookc.runtime.internal.datasource.HttpDefinition;
import dev.hookc.runtime.internal.datasource.Setting;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An application's datasources: checked when built, opened before its routes, closed after. */
@Timeout(30)
class DatasourceApplicationTest {
  @TempDir Path data;

  @BeforeEach
  void forget() {
    DatasourceProject.RAN.clear();
  }

  @Test
  void opensTheDatasourceWithItsMigrationsInTheDataDirectoryBeforeTheRoutes() throws Exception {
    try (Application app = DatasourceProject.builder(data, false).build().start()) {
      assertThat(post(app, "/pay", "payment-id: pi_1")).isEqualTo(201);
    }
    assertThat(data.resolve("db.mv.db")).exists();
    try (Connection c = h2(data.resolve("db"))) {
      assertThat(rows(c, "SELECT id, amount FROM payments")).containsExactly("pi_1|12.50");
      assertThat(rows(c, "SELECT \"version\", \"script\" FROM \"flyway_schema_history\""))
          .containsExactly("1|V1__create_payments.sql");
      c.createStatement().execute("SHUTDOWN");
    }
  }

  @Test
  void buildReportsEveryDatasourceProblemTogetherAndNeverASecretsValue() {
    HttpDefinition stripe =
        new HttpDefinition(
            "stripe",
            new Setting("<% env.STRIPE_URL %>", (config, env) -> env.apply("STRIPE_URL")),
            Map.of(),
            Duration.ofSeconds(10),
            Optional.empty(),
            HttpDefinition.Retry.none());
    Assembly assembly =
        Assembly.of(env -> JsonNodeFactory.instance.objectNode(), startup -> List.of())
            .datasource(DatasourceProject.db(true, List.of(DatasourceProject.V1)))
            .datasource(stripe)
            .storeOn("payments");

    assertThatThrownBy(
            () ->
                assembly
                    .builder()
                    .dataDirectory(data)
                    .dataSource("ledger", new JdbcDataSource())
                    .environment("HOOKC_STORE_URL", "jdbc:h2:mem:x;PASSWORD=hunter2")
                    .build())
        .isInstanceOfSatisfying(
            ApplicationSettingsException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(5)
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .isEqualTo(
                                    "the datasource db: url (<% config.db.url %>) is not set"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .isEqualTo(
                                    "the http datasource stripe: base_url (<% env.STRIPE_URL %>)"
                                        + " is not set"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .contains("dataSource(\"ledger\"", "its jdbc datasources are db"))
                    .anySatisfy(p -> assertThat(p).contains("the store on the datasource payments"))
                    .anySatisfy(p -> assertThat(p).contains("HOOKC_STORE_URL is set"))
                    .allSatisfy(p -> assertThat(p).doesNotContain("hunter2")));
    assertThat(data.resolve("db.mv.db")).doesNotExist();
  }

  @Test
  void anEmptyConfiguredUrlMeansTheEmbeddedDatabase() throws Exception {
    try (Application app =
        DatasourceProject.assembly(DatasourceProject.db(true, List.of(DatasourceProject.V1)), false)
            .builder()
            .dataDirectory(data)
            .config("db.url", "")
            .host("127.0.0.1")
            .port(0)
            .build()
            .start()) {
      assertThat(post(app, "/pay", "payment-id: pi_2")).isEqualTo(201);
    }
    assertThat(data.resolve("db.mv.db")).exists();
  }

  @Test
  void aConfiguredUrlThatNamesNoDatabaseHookcOpensIsAProblem() {
    assertThatThrownBy(
            () ->
                DatasourceProject.assembly(DatasourceProject.db(true, List.of()), false)
                    .builder()
                    .dataDirectory(data)
                    .config("db.url", "jdbc:mysql://db/hooks?password=hunter2")
                    .build())
        .isInstanceOfSatisfying(
            ApplicationSettingsException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .satisfies(
                        p ->
                            assertThat(p)
                                .startsWith("the datasource db: ")
                                .contains("jdbc:mysql")
                                .doesNotContain("hunter2")));
  }

  @Test
  void aTestsDataSourceReplacesTheDatasourcesPoolAndIsNeverClosed() throws Exception {
    JdbcDataSource given = new JdbcDataSource();
    given.setURL("jdbc:h2:mem:given;DB_CLOSE_DELAY=-1");
    try (Connection keep = given.getConnection()) {
      try (Application app =
          DatasourceProject.builder(data, false).dataSource("db", given).build().start()) {
        assertThat(post(app, "/pay", "payment-id: pi_given")).isEqualTo(201);
      }
      assertThat(rows(keep, "SELECT id FROM payments")).containsExactly("pi_given");
      assertThat(data.resolve("db.mv.db")).doesNotExist();
      keep.createStatement().execute("SHUTDOWN");
    }
  }

  @Test
  void theStoreOnTheDatasourceKeepsHookcsTablesNextToTheProjects() throws Exception {
    try (Application app = DatasourceProject.builder(data, true).build().start()) {
      assertThat(post(app, "/async", "webhook-id: evt_1")).isEqualTo(202);
      assertThat(DatasourceProject.RAN.poll(10, java.util.concurrent.TimeUnit.SECONDS))
          .isEqualTo("evt_1");
    }
    assertThat(data.resolve("hookc.mv.db")).doesNotExist();
    try (Connection c = h2(data.resolve("db"))) {
      assertThat(rows(c, "SELECT id FROM payments")).containsExactly("evt_1");
      assertThat(rows(c, "SELECT dedup_key, state FROM hookc_inbox")).containsExactly("evt_1|DONE");
      assertThat(rows(c, "SELECT COUNT(*) FROM \"hookc_schema_history\"")).containsExactly("4");
      assertThat(rows(c, "SELECT COUNT(*) FROM \"flyway_schema_history\"")).containsExactly("1");
      c.createStatement().execute("SHUTDOWN");
    }
  }

  @Test
  void wiringNamesTheDatasourcesAProjectHasWhenAskedForAnother() throws Exception {
    try (Application app =
        DatasourceProject.assembly(
                DatasourceProject.db(false, List.of(DatasourceProject.V1)), false)
            .builder()
            .dataDirectory(data)
            .host("127.0.0.1")
            .port(0)
            .build()
            .start()) {
      assertThat(app.port()).isPositive();
    }
  }

  static Connection h2(Path base) throws Exception {
    return DriverManager.getConnection("jdbc:h2:file:" + base.toAbsolutePath() + ";IFEXISTS=TRUE");
  }

  static List<String> rows(Connection c, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet row = s.executeQuery(sql)) {
      int columns = row.getMetaData().getColumnCount();
      while (row.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          values.add(row.getString(i));
        }
        rows.add(String.join("|", values));
      }
    }
    return rows;
  }

  static int post(Application app, String path, String header) throws Exception {
    try (RawConnection connection = RawConnection.open(app.port())) {
      return connection
          .send(
              "POST "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + header
                  + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
          .read()
          .status();
    }
  }
}

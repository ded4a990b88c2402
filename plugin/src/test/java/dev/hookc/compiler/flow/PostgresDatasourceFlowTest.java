package dev.hookc.compiler.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.TestProject;
import dev.hookc.runtime.Application;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code dialect: postgresql} datasource, checked at build time on H2 in PostgreSQL mode, runs
 * its statements on a real PostgreSQL: what the check accepts, PostgreSQL runs.
 */
class PostgresDatasourceFlowTest {
  private static EmbeddedPostgres postgres;

  @TempDir Path root;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void recordsAndReadsBackRowsOnPostgresql() throws Exception {
    new TestProject(root)
        .file(
            "src/datasources/db.yaml",
            "type: jdbc\n"
                + "url: <% config.db.url %>\n"
                + "user: <% env.DB_USER %>\n"
                + "dialect: postgresql\n"
                + "statements:\n"
                + "  insert: |\n"
                + "    INSERT INTO payments (id, amount, attempts, paid)\n"
                + "    VALUES (:id, :amount, :attempts, :paid)\n"
                + "  find: SELECT id, amount, attempts, paid FROM payments WHERE id = :id\n")
        .file(
            "src/datasources/db/V1__payments.sql",
            "CREATE TABLE payments (\n"
                + "  id VARCHAR(64) PRIMARY KEY,\n"
                + "  amount NUMERIC(12, 2) NOT NULL,\n"
                + "  attempts INTEGER NOT NULL,\n"
                + "  paid BOOLEAN NOT NULL\n"
                + ");\n")
        .file("config/default.yaml", "db:\n  url: jdbc:postgresql://127.0.0.1:1/none\n")
        .file(
            "src/events/payments.yaml",
            "http.post./payments:\n"
                + "  fn: record\n"
                + "  body:\n"
                + "    content:\n"
                + "      application/json:\n"
                + "        schema:\n"
                + "          type: object\n"
                + "          properties:\n"
                + "            id: {type: string}\n"
                + "            amount: {type: number}\n"
                + "            attempts: {type: integer}\n")
        .file(
            "src/functions/record.yaml",
            "tasks:\n"
                + "  - id: insert\n"
                + "    fn: datasource.db.insert\n"
                + "    args:\n"
                + "      id: <% inputs.body.id %>\n"
                + "      amount: <% inputs.body.amount %>\n"
                + "      attempts: <% inputs.body.attempts %>\n"
                + "      paid: true\n"
                + "  - id: find\n"
                + "    fn: datasource.db.find\n"
                + "    args: {id: <% inputs.body.id %>}\n"
                + "  - id: answer\n"
                + "    fn: com.gs.return\n"
                + "    args:\n"
                + "      row: <% outputs.find.data[0] %>\n"
                + "      more: <% outputs.find.data[0].attempts + 1 %>\n");
    Files.createDirectories(root.resolve("src/main/java"));
    ClassLoader classes = ProjectBuild.build(root, TestProject.PACKAGE);
    Application.Builder builder =
        (Application.Builder)
            classes
                .loadClass(TestProject.PACKAGE + ".HookcApplication")
                .getMethod("builder")
                .invoke(null);

    try (Application running =
        builder
            .host("127.0.0.1")
            .port(0)
            .config("db.url", postgres.getJdbcUrl("postgres", "postgres"))
            .environment("DB_USER", "postgres")
            .build()
            .start()) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(running.baseUri() + "/payments"))
                      .timeout(Duration.ofSeconds(10))
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"id\":\"pi_1\",\"amount\":12.5,\"attempts\":2}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body())
          .isEqualTo(
              "{\"row\":{\"id\":\"pi_1\",\"amount\":12.50,\"attempts\":2,\"paid\":true},"
                  + "\"more\":3}");
    }
  }
}

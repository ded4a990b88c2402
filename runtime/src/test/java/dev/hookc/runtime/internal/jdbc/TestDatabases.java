package dev.hookc.runtime.internal.jdbc;

import dev.hookc.runtime.internal.datasource.NamedSql;
import dev.hookc.runtime.store.ProjectDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases the datasource tests run on: H2 in memory, H2 in a file, and a real PostgreSQL
 * server from embedded binaries, started once for every test class that asks for it and stopped
 * when the JVM exits. Each test gets a database of its own.
 */
final class TestDatabases {
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static EmbeddedPostgres postgres; // guarded by TestDatabases.class

  private TestDatabases() {}

  /** The kinds of database, as parameterized tests name them. */
  static String[] kinds() {
    return new String[] {"h2-mem", "h2-file", "postgresql"};
  }

  /** A fresh, empty database of {@code kind}: its URL (as {@code postgres} for PostgreSQL). */
  static String url(String kind, Path directory) throws Exception {
    int n = NEXT.incrementAndGet();
    return switch (kind) {
      case "h2-mem" -> "jdbc:h2:mem:ds" + n + ";DB_CLOSE_DELAY=-1";
      case "h2-file" -> ProjectDatabase.h2Url(directory, "ds" + n);
      case "postgresql" -> {
        EmbeddedPostgres server = postgres();
        try (Connection c = server.getPostgresDatabase().getConnection();
            Statement s = c.createStatement()) {
          s.execute("CREATE DATABASE ds" + n);
        }
        yield server.getJdbcUrl("postgres", "ds" + n);
      }
      default -> throw new IllegalArgumentException(kind);
    };
  }

  static synchronized EmbeddedPostgres postgres() throws Exception {
    if (postgres == null) {
      postgres = EmbeddedPostgres.builder().start();
      EmbeddedPostgres started = postgres;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (Exception e) {
                      // The JVM is exiting: its processes end with it.
                    }
                  }));
    }
    return postgres;
  }

  /** A datasource {@code name} on {@code url} with {@code statements}. */
  static StatementDatasource open(
      String name, String url, Map<String, String> statements, String... migrations) {
    ProjectDatabase.Builder builder =
        ProjectDatabase.builder(name)
            .url(url, url.startsWith("jdbc:postgresql") ? "postgres" : null, null);
    for (int i = 0; i < migrations.length; i++) {
      builder.migration(
          String.valueOf(i + 1),
          "step " + (i + 1),
          "V" + (i + 1) + "__step_" + (i + 1) + ".sql",
          migrations[i]);
    }
    Map<String, NamedSql> parsed = StatementDatasource.parse(statements);
    return new StatementDatasource(builder.open(), parsed);
  }
}

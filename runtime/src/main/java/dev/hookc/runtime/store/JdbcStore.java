package dev.hookc.runtime.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One JDBC database holding hookc's durable state, with its schema created or migrated when it is
 * opened. Without a URL it is H2 in file mode under the data directory, which needs no set-up;
 * {@code jdbc:postgresql:} lets several instances share one database, which then enforces the
 * uniqueness of idempotency keys across them.
 *
 * <p>The JDBC driver is the project's dependency ({@code com.h2database:h2} or {@code
 * org.postgresql:postgresql}); without it, opening fails with a message that says which to add.
 */
public final class JdbcStore implements AutoCloseable {
  private static final Map<String, JdbcStore> OPEN = new ConcurrentHashMap<>();
  private static final int MAX_IDLE_CONNECTIONS = 16;

  private final String url;
  private final String user;
  private final String password;
  private final Dialect dialect;
  private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(MAX_IDLE_CONNECTIONS);

  private JdbcStore(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.dialect = Dialect.of(url);
  }

  /** The JDBC URL of the embedded default under {@code dataDirectory}. */
  public static String h2Url(Path dataDirectory) {
    // DB_CLOSE_DELAY keeps the database open between connections; file locking keeps a second
    // process from opening the same files. WRITE_DELAY=0 writes every commit to the file before
    // the commit returns: H2 otherwise buffers commits for up to half a second, and a delivery
    // acknowledged in that window would be lost if the process were killed.
    return "jdbc:h2:file:"
        + dataDirectory.toAbsolutePath().resolve("hookc")
        + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0";
  }

  /**
   * The store with these settings, opened once per URL in this process and shared by every route.
   *
   * @param url a {@code jdbc:h2:} or {@code jdbc:postgresql:} URL
   * @param user the database user, or null
   * @param password the user's password, or null
   * @throws IllegalStateException when the driver is missing or the database cannot be reached
   */
  public static JdbcStore open(String url, String user, String password) {
    Objects.requireNonNull(url, "url");
    return OPEN.computeIfAbsent(
        url,
        u -> {
          JdbcStore store = new JdbcStore(u, user, password);
          store.migrate();
          return store;
        });
  }

  /**
   * The store the environment names: {@code HOOKC_STORE_URL} (with {@code HOOKC_STORE_USER} and
   * {@code HOOKC_STORE_PASSWORD}), else {@code url}, else H2 under {@code HOOKC_DATA_DIR}, else
   * under {@code dataDirectory}, else under {@code ./data}.
   */
  public static JdbcStore fromEnvironment(String url, String dataDirectory) {
    String envUrl = System.getenv("HOOKC_STORE_URL");
    String envDir = System.getenv("HOOKC_DATA_DIR");
    String chosen =
        !isBlank(envUrl)
            ? envUrl
            : !isBlank(url)
                ? url
                : h2Url(
                    Path.of(
                        !isBlank(envDir)
                            ? envDir
                            : isBlank(dataDirectory) ? "data" : dataDirectory));
    return open(chosen, System.getenv("HOOKC_STORE_USER"), System.getenv("HOOKC_STORE_PASSWORD"));
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  Dialect dialect() {
    return dialect;
  }

  /** Work done with one connection, in one transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs {@code work} in a transaction, committed when it returns and rolled back if it throws. */
  <T> T transaction(Work<T> work) throws SQLException {
    Connection connection = idle.poll();
    if (connection == null) {
      connection = connect();
    }
    boolean healthy = false;
    try {
      T result = work.run(connection);
      connection.commit();
      healthy = true;
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        connection.rollback();
        healthy = true;
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      throw e;
    } finally {
      if (!healthy || !idle.offer(connection)) {
        closeQuietly(connection);
      }
    }
  }

  private Connection connect() throws SQLException {
    Connection connection;
    try {
      connection = DriverManager.getConnection(url, user, password);
    } catch (SQLException e) {
      if ("08001".equals(e.getSQLState()) && e.getMessage().startsWith("No suitable driver")) {
        throw new IllegalStateException(
            "no JDBC driver for "
                + url
                + "; add "
                + (dialect == Dialect.H2 ? "com.h2database:h2" : "org.postgresql:postgresql")
                + " to the project's dependencies",
            e);
      }
      throw e;
    }
    connection.setAutoCommit(false);
    connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    return connection;
  }

  private void migrate() {
    try {
      transaction(
          c -> {
            try (Statement s = c.createStatement()) {
              s.execute(
                  "CREATE TABLE IF NOT EXISTS hookc_schema (id INTEGER PRIMARY KEY, version INTEGER NOT NULL)");
            }
            return null;
          });
      transaction(
          c -> {
            try (Statement s = c.createStatement()) {
              // Only one instance migrates at a time: the others wait on this row's lock.
              s.execute(
                  "INSERT INTO hookc_schema (id, version) SELECT 1, 0 WHERE NOT EXISTS (SELECT 1 FROM hookc_schema WHERE id = 1)");
            } catch (SQLException e) {
              if (!Dialect.isDuplicateKey(e)) {
                throw e;
              }
            }
            return null;
          });
      transaction(
          c -> {
            int version;
            try (Statement s = c.createStatement();
                var rows =
                    s.executeQuery("SELECT version FROM hookc_schema WHERE id = 1 FOR UPDATE")) {
              rows.next();
              version = rows.getInt(1);
            }
            var migrations = dialect.migrations();
            for (int i = version; i < migrations.size(); i++) {
              try (Statement s = c.createStatement()) {
                s.execute(migrations.get(i));
              }
            }
            try (var update =
                c.prepareStatement("UPDATE hookc_schema SET version = ? WHERE id = 1")) {
              update.setInt(1, migrations.size());
              update.executeUpdate();
            }
            return null;
          });
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot prepare hookc's tables in " + url + ": " + e.getMessage(), e);
    }
  }

  /** Closes the idle connections and forgets this store; a later {@link #open} reopens it. */
  @Override
  public void close() {
    OPEN.remove(url, this);
    Connection connection;
    while ((connection = idle.poll()) != null) {
      closeQuietly(connection);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // Nothing more can be done with a connection that fails to close.
    }
  }
}

package dev.hookc.runtime.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One database, shared by every {@link JdbcStore} opened on its URL in this process: its idle
 * connections, its schema, and its closing when the last store on it closes.
 *
 * <p>Once closed it refuses work instead of connecting again: with {@code DB_CLOSE_DELAY=-1} a new
 * connection would silently reopen an embedded H2 database that nothing would close any more.
 */
final class Database {
  private static final Map<String, Database> OPEN = new HashMap<>(); // guarded by itself
  private static final int MAX_IDLE_CONNECTIONS = 16;

  private final String url;
  private final String user;
  private final String password;
  private final Dialect dialect;
  private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(MAX_IDLE_CONNECTIONS);
  private int holders; // guarded by OPEN
  private volatile boolean closed;

  private Database(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.dialect = Dialect.of(url);
  }

  /** The database at {@code url}, opened (and its schema migrated) by its first holder. */
  static Database acquire(String url, String user, String password) {
    String effective = withoutCloseOnExit(url);
    synchronized (OPEN) {
      Database database = OPEN.get(effective);
      if (database == null) {
        database = new Database(effective, user, password);
        DataFiles.prepare(effective);
        try {
          database.migrate();
        } catch (RuntimeException e) {
          database.closeIdle();
          throw e;
        }
        DataFiles.restrict(effective);
        OPEN.put(effective, database);
      }
      database.holders++;
      return database;
    }
  }

  /**
   * {@code url} with H2's own shutdown hook turned off. That hook closes the database as soon as
   * the JVM starts shutting down, while hookc is still letting requests finish, which then fail
   * with "Database is already closed"; hookc closes the database itself, as the last step of its
   * stop.
   */
  static String withoutCloseOnExit(String url) {
    if (!url.startsWith("jdbc:h2:") || url.toUpperCase(Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
      return url;
    }
    return url + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  Dialect dialect() {
    return dialect;
  }

  /** Runs {@code work} in a transaction, committed when it returns and rolled back if it throws. */
  <T> T transaction(JdbcStore.Work<T> work) throws SQLException {
    if (closed) {
      throw new IllegalStateException("hookc's store is closed");
    }
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
      if (!healthy || closed || !idle.offer(connection)) {
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

  /** Lets go of one holder; the last one closes the database. */
  void release() {
    synchronized (OPEN) {
      if (--holders > 0) {
        return;
      }
      OPEN.remove(url, this);
      closed = true;
    }
    if (dialect == Dialect.H2) {
      shutdownH2();
    }
    closeIdle();
    DataFiles.restrict(url);
  }

  /** Closes the embedded database now rather than at exit: its files are complete afterwards. */
  private void shutdownH2() {
    Connection connection = idle.poll();
    try {
      if (connection == null) {
        connection = connect();
      }
      try (Statement s = connection.createStatement()) {
        s.execute("SHUTDOWN");
      }
    } catch (SQLException e) {
      // Already closed by someone else: what matters, that it is closed, holds.
    } finally {
      if (connection != null) {
        closeQuietly(connection);
      }
    }
  }

  private void closeIdle() {
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

  /** Creates or migrates hookc's tables; only one instance migrates at a time. */
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
}

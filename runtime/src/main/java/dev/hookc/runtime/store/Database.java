package dev.hookc.runtime.store;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One database, shared by every {@link JdbcStore} opened on the same URL and credentials (or on the
 * same {@code DataSource}) in this process: its connections, its schema, and its closing when the
 * last store on it closes.
 *
 * <p>From a URL, the database is a HikariCP pool that hookc owns ({@link StorePool}): the last
 * store to close closes it, then shuts down an embedded H2 database that no other pool of hookc's
 * still uses. A {@code DataSource} handed in stays its owner's: hookc never closes it.
 *
 * <p>Once closed it refuses work instead of connecting again: with {@code DB_CLOSE_DELAY=-1} a new
 * connection would silently reopen an embedded H2 database that nothing would close any more.
 */
final class Database {
  private static final System.Logger LOG = System.getLogger(JdbcStore.class.getName());
  private static final Map<Object, Database> OPEN = new HashMap<>(); // guarded by itself

  private final Object key;
  private final DataSource dataSource;
  private final HikariDataSource pool; // null when the data source is the caller's
  private final Dialect dialect;
  private int holders; // guarded by OPEN
  private volatile boolean closed;

  private Database(Object key, DataSource dataSource, HikariDataSource pool, Dialect dialect) {
    this.key = key;
    this.dataSource = dataSource;
    this.pool = pool;
    this.dialect = dialect;
  }

  /**
   * Where a pool of hookc's connects, and as whom: stores with other credentials on the same URL
   * get pools of their own, each connected as its own user.
   */
  private record Location(String url, String user, String password) {
    @Override
    public String toString() {
      return user == null ? Dialect.redacted(url) : Dialect.redacted(url) + " as " + user;
    }
  }

  /** The database at {@code url}, opened (and its schema migrated) by its first holder. */
  static Database acquire(String url, String user, String password) {
    String effective = withoutCloseOnExit(url);
    Dialect dialect = Dialect.of(effective);
    Location location = new Location(effective, user, password);
    synchronized (OPEN) {
      Database database = OPEN.get(location);
      if (database == null) {
        DataFiles.prepare(effective);
        HikariDataSource pool = StorePool.open(effective, user, password, dialect);
        database = new Database(location, pool, pool, dialect);
        database.migrateOrClose();
        DataFiles.restrict(effective);
        OPEN.put(location, database);
      }
      database.holders++;
      return database;
    }
  }

  /** The database behind {@code dataSource}, whose schema its first holder migrates. */
  static Database acquire(DataSource dataSource) {
    synchronized (OPEN) {
      Database database = OPEN.get(dataSource);
      if (database == null) {
        Dialect dialect;
        try (Connection c = dataSource.getConnection()) {
          dialect = Dialect.of(c.getMetaData());
        } catch (SQLException e) {
          throw new IllegalStateException(
              "cannot connect to hookc's store through the data source: " + e.getMessage(), e);
        }
        database = new Database(dataSource, dataSource, null, dialect);
        database.migrateOrClose();
        OPEN.put(dataSource, database);
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

  /**
   * The data source for code other than hookc's: the caller's own as it is, or hookc's pool with
   * auto-commit turned on for each connection it hands out.
   */
  DataSource forCallers() {
    return pool == null ? dataSource : new AutoCommitDataSource(pool);
  }

  /** Runs {@code work} in a transaction, committed when it returns and rolled back if it throws. */
  <T> T transaction(JdbcStore.Work<T> work) throws SQLException {
    if (closed) {
      throw new IllegalStateException("hookc's store is closed");
    }
    try (Connection connection = dataSource.getConnection()) {
      // hookc's own pool hands out connections set up so; a caller's may differ.
      boolean autoCommit = pool == null && connection.getAutoCommit();
      if (autoCommit) {
        connection.setAutoCommit(false);
      }
      int isolation =
          pool == null
              ? connection.getTransactionIsolation()
              : Connection.TRANSACTION_READ_COMMITTED;
      if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      }
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          connection.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      } finally {
        restore(connection, autoCommit, isolation);
      }
    }
  }

  /**
   * Gives a caller's connection back as it was handed out. A connection that fails at this has
   * failed the transaction already, and its pool discards it when it is closed.
   */
  private static void restore(Connection connection, boolean autoCommit, int isolation) {
    try {
      if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
        connection.setTransactionIsolation(isolation);
      }
      if (autoCommit) {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      // See above: nothing more to do with it than close it.
    }
  }

  /** Lets go of one holder; the last one closes what hookc opened. */
  void release() {
    synchronized (OPEN) {
      if (--holders > 0) {
        return;
      }
      OPEN.remove(key, this);
      closePool();
    }
  }

  /** Closes the pool hookc opened, if any, and the embedded H2 database no other pool uses. */
  private void closePool() { // guarded by OPEN
    closed = true;
    if (pool == null) {
      return;
    }
    // The pool first: its background thread may be opening a connection, which would reopen a
    // database shut down before it.
    pool.close();
    if (dialect == Dialect.H2 && !sharedH2()) {
      shutdownH2();
    }
    DataFiles.restrict(pool.getJdbcUrl());
  }

  /**
   * Whether another pool of hookc's (other credentials) still uses this embedded H2 database, which
   * a {@code SHUTDOWN} would close under it.
   */
  private boolean sharedH2() {
    String name = h2Name(pool.getJdbcUrl());
    return OPEN.values().stream()
        .anyMatch(other -> other.pool != null && h2Name(other.pool.getJdbcUrl()).equals(name));
  }

  private static String h2Name(String url) {
    int settings = url.indexOf(';');
    return settings < 0 ? url : url.substring(0, settings);
  }

  /**
   * Closes the embedded database now rather than at exit: its files are complete afterwards. With
   * {@code DB_CLOSE_DELAY=-1} it outlives the pool's connections, so this takes one of its own.
   */
  private void shutdownH2() {
    Location location = (Location) key;
    try (Connection connection =
            DriverManager.getConnection(location.url(), location.user(), location.password());
        Statement s = connection.createStatement()) {
      s.execute("SHUTDOWN");
    } catch (SQLException e) {
      // Already closed by someone else: what matters, that it is closed, holds.
    }
  }

  private void migrateOrClose() {
    long started = System.nanoTime();
    SchemaMigrator.Outcome outcome;
    try {
      outcome = transaction(c -> SchemaMigrator.migrate(c, dialect));
    } catch (SQLException | RuntimeException e) {
      closePool();
      if (e instanceof IllegalStateException state) {
        throw state;
      }
      throw new IllegalStateException(
          "cannot prepare hookc's tables in " + key + ": " + e.getMessage(), e);
    }
    if (outcome.baseline() > 0) {
      LOG.log(
          Level.INFO,
          "hookc''s store: the tables of an earlier hookc (schema version {0}) recorded as the"
              + " baseline of {1}",
          outcome.baseline(),
          SchemaMigrator.HISTORY);
    }
    if (!outcome.applied().isEmpty()) {
      LOG.log(
          Level.INFO,
          "hookc''s store: applied {0} in {1} ms, now at schema version {2}",
          String.join(", ", outcome.applied()),
          (System.nanoTime() - started) / 1_000_000,
          outcome.version());
    }
  }
}

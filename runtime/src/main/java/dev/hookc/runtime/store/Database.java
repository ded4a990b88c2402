package dev.hookc.runtime.store;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
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
  private final Location location; // where hookc's pool connects; null for a caller's
  private final Dialect dialect;
  private final String owner; // for messages: "hookc's store", "the datasource db"
  private int holders; // guarded by OPEN
  private volatile boolean closed;

  private Database(
      Object key,
      DataSource dataSource,
      HikariDataSource pool,
      Location location,
      Dialect dialect,
      String owner) {
    this.key = key;
    this.dataSource = dataSource;
    this.pool = pool;
    this.location = location;
    this.dialect = dialect;
    this.owner = owner;
  }

  /** The key of a datasource's own database, never shared with a store's nor another's. */
  private record Own(String datasource, Object where) {
    @Override
    public String toString() {
      return where.toString();
    }
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
        HikariDataSource pool =
            StorePool.open(StorePool.Settings.store(), effective, user, password, dialect);
        database = new Database(location, pool, pool, location, dialect, "hookc's store");
        database.migrateOrClose(SchemaMigrator.Schema.hookcs(dialect));
        DataFiles.restrict(effective);
        OPEN.put(location, database);
      }
      database.holders++;
      return database;
    }
  }

  /**
   * A datasource's own database at {@code url}, in a pool of its own with {@code settings}, its
   * migrations applied; closed by its one {@link #release} (or the last, once a store holds it
   * too).
   *
   * @throws IllegalStateException when the driver is missing, the database cannot be reached or a
   *     migration fails or does not match the history
   */
  static Database open(
      String name,
      String url,
      String user,
      String password,
      StorePool.Settings settings,
      List<Migration> migrations) {
    String effective = withoutCloseOnExit(url);
    Dialect dialect = Dialect.of(effective);
    Location location = new Location(effective, user, password);
    Own key = new Own(name, location);
    synchronized (OPEN) {
      DataFiles.prepare(effective);
      HikariDataSource pool = StorePool.open(settings, effective, user, password, dialect);
      Database database = new Database(key, pool, pool, location, dialect, "the name " + name);
      database.migrateOrClose(SchemaMigrator.Schema.project(name, migrations));
      DataFiles.restrict(effective);
      OPEN.put(key, database);
      database.holders++;
      return database;
    }
  }

  /**
   * A name's database behind a caller's {@code dataSource}, which hookc never closes, its
   * migrations applied.
   *
   * @throws IllegalStateException when no connection can be had, or a migration fails or does not
   *     match the history
   */
  static Database over(String name, DataSource dataSource, List<Migration> migrations) {
    Dialect dialect = dialectOf(dataSource, "the name " + name);
    Own key = new Own(name, dataSource);
    synchronized (OPEN) {
      Database database = new Database(key, dataSource, null, null, dialect, "the name " + name);
      database.migrateOrClose(SchemaMigrator.Schema.project(name, migrations));
      OPEN.put(key, database);
      database.holders++;
      return database;
    }
  }

  /**
   * Takes this database for hookc's store as well, its tables created or migrated next to the
   * project's; the store's {@link #release} lets go of it again.
   *
   * @throws IllegalStateException when hookc's tables in it do not match this version of hookc
   */
  Database holdForStore() {
    synchronized (OPEN) {
      if (closed) {
        throw new IllegalStateException(owner + " is closed");
      }
      migrate(SchemaMigrator.Schema.hookcs(dialect));
      holders++;
      return this;
    }
  }

  private static Dialect dialectOf(DataSource dataSource, String owner) {
    try (Connection c = dataSource.getConnection()) {
      return Dialect.of(c.getMetaData());
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot connect to " + owner + " through the data source: " + e.getMessage(), e);
    }
  }

  /** The database behind {@code dataSource}, whose schema its first holder migrates. */
  static Database acquire(DataSource dataSource) {
    synchronized (OPEN) {
      Database database = OPEN.get(dataSource);
      if (database == null) {
        Dialect dialect = dialectOf(dataSource, "hookc's store");
        database = new Database(dataSource, dataSource, null, null, dialect, "hookc's store");
        database.migrateOrClose(SchemaMigrator.Schema.hookcs(dialect));
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

  /** Whose database this is, for messages: {@code hookc's store}, {@code the datasource db}. */
  String owner() {
    return owner;
  }

  /**
   * The data source for code other than hookc's: the caller's own as it is, or hookc's pool with
   * auto-commit turned on for each connection it hands out.
   */
  DataSource forCallers() {
    return pool == null ? dataSource : new AutoCommitDataSource(pool);
  }

  /** The pool hookc opened (a HikariCP pool), else the caller's data source: for its metrics. */
  DataSource monitored() {
    return pool != null ? pool : dataSource;
  }

  /** Runs {@code work} in a transaction, committed when it returns and rolled back if it throws. */
  <T> T transaction(JdbcStore.Work<T> work) throws SQLException {
    try (Transaction transaction = begin()) {
      T result = work.run(transaction.connection());
      transaction.commit();
      return result;
    }
  }

  /**
   * A connection in a transaction of its own, read committed, which is rolled back when closed
   * uncommitted and then given back as it was handed out.
   *
   * @throws IllegalStateException when the database is closed
   */
  Transaction begin() throws SQLException {
    if (closed) {
      throw new IllegalStateException(owner + " is closed");
    }
    Connection connection = dataSource.getConnection();
    try {
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
      return new Transaction(connection, autoCommit, isolation);
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** One transaction's connection: see {@link #begin}. */
  static final class Transaction implements AutoCloseable {
    private final Connection connection;
    private final boolean autoCommit;
    private final int isolation;
    private boolean committed;

    private Transaction(Connection connection, boolean autoCommit, int isolation) {
      this.connection = connection;
      this.autoCommit = autoCommit;
      this.isolation = isolation;
    }

    Connection connection() {
      return connection;
    }

    void commit() throws SQLException {
      connection.commit();
      committed = true;
    }

    /** Rolls back what was not committed, gives the connection back as it was, and closes it. */
    @Override
    public void close() throws SQLException {
      try {
        if (!committed) {
          connection.rollback();
        }
      } finally {
        restore(connection, autoCommit, isolation);
        connection.close();
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
    try (Connection connection =
            DriverManager.getConnection(location.url(), location.user(), location.password());
        Statement s = connection.createStatement()) {
      s.execute("SHUTDOWN");
    } catch (SQLException e) {
      // Already closed by someone else: what matters, that it is closed, holds.
    }
  }

  private void migrateOrClose(SchemaMigrator.Schema schema) {
    try {
      migrate(schema);
    } catch (RuntimeException e) {
      closePool();
      throw e;
    }
  }

  private void migrate(SchemaMigrator.Schema schema) {
    long started = System.nanoTime();
    SchemaMigrator.Outcome outcome;
    try {
      outcome = transaction(c -> SchemaMigrator.migrate(c, dialect, schema));
    } catch (SQLException | RuntimeException e) {
      if (e instanceof IllegalStateException state) {
        throw state;
      }
      throw new IllegalStateException(
          (schema.hookcs() ? "cannot prepare hookc's tables in " : "cannot migrate ")
              + (schema.hookcs() ? key : schema.owner() + " (" + key + ")")
              + ": "
              + e.getMessage(),
          e);
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
          "{0}: applied {1} in {2} ms, now at schema version {3}",
          schema.owner(),
          String.join(", ", outcome.applied()),
          (System.nanoTime() - started) / 1_000_000,
          outcome.version());
    }
  }
}

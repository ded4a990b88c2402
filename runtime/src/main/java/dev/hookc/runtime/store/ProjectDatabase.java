package dev.hookc.runtime.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * The database of a project's {@code type: jdbc} datasource: a HikariCP pool (or a {@code
 * DataSource} of the caller's, never closed), the project's migrations applied when it opens and
 * recorded in {@code flyway_schema_history} as Flyway records them, and transactions bound to the
 * thread that runs them. A store opened {@linkplain JdbcStore#on on it} keeps hookc's tables next
 * to the project's, and an inbox's deliveries then complete in the transaction of their workflow.
 *
 * <p>Generated applications open one per datasource; the named statements are run by the {@code
 * JdbcDatasource} that the application wires on top of it.
 */
public final class ProjectDatabase implements AutoCloseable {
  /** How long a statement waits for a connection when every one is in use, by default. */
  public static final Duration CONNECTION_TIMEOUT = StorePool.CONNECTION_TIMEOUT;

  private final String name;
  private final Database database;

  // One per database: a thread in a transaction of one datasource is in none of another's. A
  // database lives as long as its application, so the per-instance ThreadLocal does not pile up.
  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<Database.Transaction> current = new ThreadLocal<>();

  private final AtomicBoolean closed = new AtomicBoolean();

  private ProjectDatabase(String name, Database database) {
    this.name = name;
    this.database = database;
  }

  /** Work done with the connection of a transaction. */
  @FunctionalInterface
  public interface Work<T> {
    /** Does the work; whatever it throws rolls the transaction back. */
    T run(Connection connection) throws Exception;
  }

  /** A builder for the database of the datasource {@code name}. */
  public static Builder builder(String name) {
    return new Builder(Objects.requireNonNull(name, "name"));
  }

  /**
   * The URL of a datasource's embedded default: an H2 file database {@code <dataDirectory>/<name>},
   * written through on every commit, closed by hookc rather than at the JVM's exit.
   */
  public static String h2Url(Path dataDirectory, String name) {
    return "jdbc:h2:file:"
        + dataDirectory.toAbsolutePath().resolve(name)
        + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
  }

  /**
   * Why a datasource cannot be opened on {@code url} — a database other than H2 and PostgreSQL, or
   * no JDBC driver for it on the class path — or empty when it can be tried. Connects to nothing.
   */
  public static Optional<String> check(String url) {
    return JdbcStore.check(url);
  }

  /** The datasource's name. */
  public String name() {
    return name;
  }

  /**
   * The database for code of the project's own, with connections handed out with auto-commit on; a
   * connection taken from it is never the one of a transaction of {@link #inTransaction}.
   */
  public DataSource dataSource() {
    return database.forCallers();
  }

  /**
   * The connection pool under the datasource, for telemetry modules to measure (a HikariCP pool,
   * unless the data source is a caller's); it stays hookc's to close.
   */
  public DataSource pool() {
    return database.monitored();
  }

  /** Whether the database is PostgreSQL (else H2). */
  public boolean isPostgresql() {
    return database.dialect() == Dialect.POSTGRESQL;
  }

  /** Whether the calling thread is inside a transaction of this database. */
  public boolean inTransaction() {
    return current.get() != null;
  }

  /**
   * Runs {@code work} in a transaction bound to the calling thread: committed when it returns,
   * rolled back when it throws (and the exception rethrown as it is). Inside one, a nested call
   * joins it: the work gets the same connection, and only the outermost call commits.
   *
   * @throws SQLException when no connection can be had (within the pool's timeout), or the commit
   *     fails
   * @throws IllegalStateException when the database is closed
   */
  public <T> T inTransaction(Work<T> work) throws Exception {
    Database.Transaction joined = current.get();
    if (joined != null) {
      return work.run(joined.connection());
    }
    if (closed.get()) {
      throw new IllegalStateException("the datasource " + name + " is closed");
    }
    try (Database.Transaction transaction = database.begin()) {
      current.set(transaction);
      try {
        T result = work.run(transaction.connection());
        transaction.commit();
        return result;
      } finally {
        current.remove();
      }
    }
  }

  /** The database a store on it shares, held for that store until it releases it. */
  Database holdForStore() {
    return database.holdForStore();
  }

  /**
   * Closes the pool hookc opened (an embedded H2 database with {@code SHUTDOWN} too), once no store
   * on it holds it either; a {@code DataSource} of the caller's stays open. Calling it again does
   * nothing.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      database.release();
    }
  }

  @Override
  public String toString() {
    return "the datasource " + name;
  }

  /** The settings of a {@link ProjectDatabase}. */
  public static final class Builder {
    private final String name;
    private String url;
    private String user;
    private String password;
    private DataSource dataSource;
    private int maximumPoolSize = StorePool.MAX_CONNECTIONS;
    private Duration connectionTimeout = CONNECTION_TIMEOUT;
    private final List<Migration> migrations = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    /** The database's JDBC URL ({@code jdbc:h2:} or {@code jdbc:postgresql:}) and credentials. */
    public Builder url(String url, String user, String password) {
      this.url = Objects.requireNonNull(url, "url");
      this.user = user;
      this.password = password;
      return this;
    }

    /** A {@code DataSource} of the caller's instead of a pool on a URL; hookc never closes it. */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      return this;
    }

    /** The most connections of the pool on the URL; default 10. */
    public Builder maximumPoolSize(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("a pool needs at least one connection: " + size);
      }
      this.maximumPoolSize = size;
      return this;
    }

    /** How long a statement waits for a connection when all are in use; default 5 s. */
    public Builder connectionTimeout(Duration timeout) {
      if (timeout.toMillis() < 250) {
        throw new IllegalArgumentException(
            "a pool's connection timeout is at least 250 ms: " + timeout);
      }
      this.connectionTimeout = timeout;
      return this;
    }

    /**
     * A migration in Flyway's layout, run once, in version order, when the database opens.
     *
     * @param version its version, dotted numbers ({@code 1}, {@code 1.1})
     * @param description its description, as the history records it
     * @param script its file name, {@code V<version>__<description>.sql}
     * @param sql its statements, run as one script
     */
    public Builder migration(String version, String description, String script, String sql) {
      try {
        Migration.compare(version, "0");
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a migration version: '" + version + "'", e);
      }
      migrations.add(Migration.project(version, description, script, sql));
      return this;
    }

    /**
     * Opens the pool (or takes the caller's data source) and applies the migrations not applied
     * yet.
     *
     * @throws IllegalStateException when the driver is missing, the database cannot be reached, or
     *     a migration fails, was changed since it was applied or is missing from the project
     */
    public ProjectDatabase open() {
      if ((url == null) == (dataSource == null)) {
        throw new IllegalStateException("give the datasource " + name + " a URL or a DataSource");
      }
      Database database =
          dataSource != null
              ? Database.over(name, dataSource, migrations)
              : Database.open(
                  name,
                  url,
                  user,
                  password,
                  StorePool.Settings.datasource(name, maximumPoolSize, connectionTimeout),
                  migrations);
      return new ProjectDatabase(name, database);
    }
  }
}

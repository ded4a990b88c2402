package dev.hookc.runtime.store;

import dev.hookc.runtime.Store;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * One JDBC database holding hookc's durable state, with its tables created or migrated when it is
 * opened (versioned SQL migrations with checksums, recorded in {@code hookc_schema_history}).
 * Without a URL it is H2 in file mode under the data directory, which needs no set-up; {@code
 * jdbc:postgresql:} lets several instances share one database, which then enforces the uniqueness
 * of idempotency keys across them.
 *
 * <p>From a URL, hookc opens a small HikariCP pool that validates idle connections; a project with
 * a {@code DataSource} of its own passes that instead ({@link #of}). The JDBC driver is the
 * project's dependency ({@code com.h2database:h2} or {@code org.postgresql:postgresql}); without
 * it, opening fails with a message that says which to add.
 *
 * <p>Each {@link #open} returns a store of its own on a database shared by every store on the same
 * URL and credentials in the process. {@link #close} releases the idempotency claims taken through
 * this store by requests that did not complete, so that the sender's retry after a restart runs
 * instead of waiting for the claim to lapse; the last store to close closes the pool (an embedded
 * H2 database with {@code SHUTDOWN} first).
 */
public final class JdbcStore implements Store {
  private static final System.Logger LOG = System.getLogger(JdbcStore.class.getName());

  private final Database database;
  private final ProjectDatabase shared; // the datasource it is on, or null
  private final Set<Claim> claims = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  private IdempotencyWriter idempotency; // started by the first idempotent request

  private JdbcStore(Database database) {
    this(database, null);
  }

  private JdbcStore(Database database, ProjectDatabase shared) {
    this.database = database;
    this.shared = shared;
  }

  /** The JDBC URL of the embedded default under {@code dataDirectory}. */
  public static String h2Url(Path dataDirectory) {
    // DB_CLOSE_DELAY keeps the database open between connections; file locking keeps a second
    // process from opening the same files. WRITE_DELAY=0 writes every commit to the file before
    // the commit returns: H2 otherwise buffers commits for up to half a second, and a delivery
    // acknowledged in that window would be lost if the process were killed. DB_CLOSE_ON_EXIT=FALSE
    // leaves closing to hookc, after the requests in flight (see Database.withoutCloseOnExit).
    return "jdbc:h2:file:"
        + dataDirectory.toAbsolutePath().resolve("hookc")
        + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
  }

  /**
   * A store on the database with these settings, opened once per URL and credentials in this
   * process as a pool shared by every store on them. An H2 URL gets {@code DB_CLOSE_ON_EXIT=FALSE}
   * unless it sets it, and the directory of an H2 file database is created for its owner only.
   *
   * @param url a {@code jdbc:h2:} or {@code jdbc:postgresql:} URL
   * @param user the database user, or null for the URL's own or the driver's default
   * @param password the user's password, or null
   * @throws IllegalStateException when the driver is missing, the database cannot be reached, or
   *     its hookc tables do not match this version of hookc
   */
  public static JdbcStore open(String url, String user, String password) {
    Objects.requireNonNull(url, "url");
    return new JdbcStore(Database.acquire(url, user, password));
  }

  /**
   * A store on a {@code DataSource} of the caller's (a pool with settings of its own, say), on an
   * H2 or PostgreSQL database; hookc creates or migrates its tables in it. The data source stays
   * the caller's: closing the store releases its claims but leaves the data source open, so close
   * that after the store: with {@code HookcServer.closeOnShutdown}, or with the builder's {@code
   * closeOnStop} registered before the store's, since the last registered closes first.
   *
   * @throws IllegalArgumentException when the database is neither H2 nor PostgreSQL
   * @throws IllegalStateException when no connection can be had, or the database's hookc tables do
   *     not match this version of hookc
   */
  public static JdbcStore of(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new JdbcStore(Database.acquire(dataSource));
  }

  /**
   * A store on a project datasource's database ({@code store: {datasource: db}} in {@code
   * http.yaml}): one pool, hookc's tables (recorded in {@code hookc_schema_history}) next to the
   * project's (in {@code flyway_schema_history}). An inbox on this store runs each delivery's
   * workflow in one transaction of the datasource that also marks the delivery done, so that the
   * rows the workflow writes there and the delivery's completion commit together or not at all.
   * Closing the store leaves the datasource open; the last of the two to close closes the pool.
   *
   * @throws IllegalStateException when the datasource is closed, or hookc's tables in it do not
   *     match this version of hookc
   */
  public static JdbcStore on(ProjectDatabase datasource) {
    Objects.requireNonNull(datasource, "datasource");
    return new JdbcStore(datasource.holdForStore(), datasource);
  }

  /**
   * The store the environment names: {@code HOOKC_STORE_URL}, else {@code url}, else H2 under
   * {@code HOOKC_DATA_DIR}, else under {@code dataDirectory}, else under {@code ./data}; connected
   * as {@code HOOKC_STORE_USER} with {@code HOOKC_STORE_PASSWORD} when they are set, else with the
   * credentials the URL itself carries, if any.
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
    return open(
        chosen,
        orNull(System.getenv("HOOKC_STORE_USER")),
        orNull(System.getenv("HOOKC_STORE_PASSWORD")));
  }

  private static String orNull(String s) {
    return isBlank(s) ? null : s;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * Why a store cannot be opened on {@code url} — a database other than H2 and PostgreSQL, or no
   * JDBC driver for it on the class path — or empty when it can be tried. Connects to nothing.
   */
  public static Optional<String> check(String url) {
    Objects.requireNonNull(url, "url");
    Dialect dialect;
    try {
      dialect = Dialect.of(url);
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
    return StorePool.missingDriver(url, dialect);
  }

  /**
   * The database this store keeps its tables in, for the application's own tables. A data source
   * the store was opened on ({@link #of}) is returned as it is; hookc's own pool hands out its
   * connections with auto-commit on, as a {@code DataSource}'s usually are (hookc's transactions
   * get theirs without), and takes them back as they were.
   */
  @Override
  public DataSource dataSource() {
    return database.forCallers();
  }

  /**
   * The connection pool under the store, for telemetry modules to measure (a HikariCP pool, unless
   * the data source is a caller's); it stays hookc's to close.
   */
  public DataSource pool() {
    return database.monitored();
  }

  Dialect dialect() {
    return database.dialect();
  }

  /** The datasource this store is on, whose transactions an inbox's deliveries complete in. */
  Optional<ProjectDatabase> sharedDatasource() {
    return Optional.ofNullable(shared);
  }

  /** Work done with one connection, in one transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs {@code work} in a transaction, committed when it returns and rolled back if it throws. */
  <T> T transaction(Work<T> work) throws SQLException {
    if (closed.get()) {
      throw new IllegalStateException("hookc's store is closed");
    }
    return database.transaction(work);
  }

  /** The group committer of this store's idempotency claims and records. */
  synchronized IdempotencyWriter idempotency() {
    if (closed.get()) {
      throw new IllegalStateException("hookc's store is closed");
    }
    if (idempotency == null) {
      idempotency = new IdempotencyWriter(database);
    }
    return idempotency;
  }

  /** An idempotency key claimed by a request that has not completed yet. */
  record Claim(String scope, String key, String owner) {}

  /** Notes a claim about to be taken, to be released on close unless it is settled first. */
  void claiming(Claim claim) {
    claims.add(claim);
  }

  /** Notes that a claim's request completed: recorded, released, or never taken. */
  void settled(Claim claim) {
    claims.remove(claim);
  }

  /**
   * Releases the claims of requests that did not complete (a request still running when its
   * server's grace ran out), then lets go of the database, which closes with the last store on it.
   * Work asked of this store afterwards fails. Calling it again does nothing.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      // What was accepted is written first: a claim committed now is among those released next.
      IdempotencyWriter writer;
      synchronized (this) {
        writer = idempotency;
      }
      if (writer != null) {
        writer.close();
      }
      releaseClaims();
    } finally {
      database.release();
    }
  }

  private void releaseClaims() {
    if (claims.isEmpty()) {
      return;
    }
    int released = 0;
    try {
      released =
          database.transaction(
              c -> {
                int n = 0;
                try (PreparedStatement delete =
                    c.prepareStatement(
                        "DELETE FROM hookc_idempotency WHERE scope = ? AND idem_key = ?"
                            + " AND owner = ? AND done = FALSE")) {
                  for (Claim claim : claims) {
                    delete.setString(1, claim.scope());
                    delete.setString(2, claim.key());
                    delete.setString(3, claim.owner());
                    n += delete.executeUpdate();
                  }
                }
                return n;
              });
      claims.clear();
    } catch (SQLException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "cannot release the idempotency claims of requests that did not complete; they lapse"
              + " after their lease",
          e);
      return;
    }
    if (released > 0) {
      LOG.log(
          Level.INFO,
          "released {0} idempotency claim(s) of requests that did not complete",
          released);
    }
  }
}

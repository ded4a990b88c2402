package dev.hookc.runtime.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HikariCP pool hookc opens on a store's URL. Its settings are small and fixed; a project that
 * needs others builds its own {@code DataSource} and passes it to {@link JdbcStore#of}.
 *
 * <ul>
 *   <li>At most {@value #MAX_CONNECTIONS} connections, {@value #MIN_IDLE} kept idle: a store's
 *       transactions are short (a request's handler runs outside them), and instances sharing
 *       PostgreSQL should not each hold many of its connections.
 *   <li>A connection idle for more than half a second is validated ({@code Connection.isValid})
 *       before it is handed out, and idle ones are checked every 2 minutes, so that one the
 *       database or a firewall closed is replaced instead of failing a request. Connections are
 *       renewed after 30 minutes, and idle ones beyond the minimum closed after 10.
 *   <li>A transaction waits at most 5 s for a connection, then fails (the request gets a 503, and
 *       the sender retries).
 * </ul>
 */
final class StorePool {
  static final int MAX_CONNECTIONS = 10;
  static final int MIN_IDLE = 2;
  static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

  /**
   * What differs between the store's pool and a datasource's: its name, size, and how long a caller
   * waits for a connection.
   *
   * @param name the pool's name, in HikariCP's log lines and thread names
   * @param owner whose pool it is, for messages
   * @param maximumSize the most connections
   * @param connectionTimeout the longest wait for a connection when all are in use
   */
  record Settings(String name, String owner, int maximumSize, Duration connectionTimeout) {
    Settings {
      if (maximumSize < 1) {
        throw new IllegalArgumentException("a pool needs at least one connection: " + maximumSize);
      }
      if (connectionTimeout.toMillis() < 250) {
        // HikariCP's own floor: it takes anything shorter as its 30 s default.
        throw new IllegalArgumentException(
            "a pool's connection timeout is at least 250 ms: " + connectionTimeout);
      }
    }

    /** The store's pool, as described above. */
    static Settings store() {
      return new Settings(
          "hookc-store-" + POOLS.incrementAndGet(),
          "hookc's store",
          MAX_CONNECTIONS,
          CONNECTION_TIMEOUT);
    }

    /** The pool of the datasource {@code name}. */
    static Settings datasource(String name, int maximumSize, Duration connectionTimeout) {
      return new Settings(
          "hookc-" + name + "-" + POOLS.incrementAndGet(),
          "the datasource " + name,
          maximumSize,
          connectionTimeout);
    }
  }

  private static final AtomicInteger POOLS = new AtomicInteger();

  // HikariCP logs through slf4j, which slf4j-jdk14 hands to java.util.logging and so to hookc's
  // console. Its INFO lines (starting, connection added, started, shutting down, shut down) are
  // five lines per pool that say nothing a webhook receiver's operator acts on: they are shown only
  // when a logging configuration sets com.zaxxer.hikari.level. Held here, since the JDK keeps
  // loggers only weakly and would forget the level.
  @SuppressWarnings("UnusedVariable") // held, never read: see above
  private static final Logger HIKARI_LOG = quiet(Logger.getLogger("com.zaxxer.hikari"));

  private StorePool() {}

  private static Logger quiet(Logger logger) {
    if (logger.getLevel() == null) {
      logger.setLevel(Level.WARNING);
    }
    return logger;
  }

  /**
   * HikariCP drops a connection whose failure says it is broken by the SQLSTATEs it knows (class
   * 08, PostgreSQL's shutdowns); H2 reports a database closed under its connection — its server
   * restarted — as its own codes, which HikariCP keeps. Without this, a pool under steady traffic
   * (never idle long enough to be validated) would hand the same dead connections out for every
   * request after the database came back.
   */
  private static final class EvictBroken implements SQLExceptionOverride {
    // Database closed (twice over) and connection broken.
    private static final Set<String> H2_BROKEN = Set.of("90121", "90098", "90067");

    @java.lang.Override // the interface's nested enum is also named Override
    public Override adjudicate(SQLException e) {
      return H2_BROKEN.contains(e.getSQLState()) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
  }

  /** What to add when no JDBC driver on the class path takes {@code url}; empty when one does. */
  static Optional<String> missingDriver(String url, Dialect dialect) {
    try {
      DriverManager.getDriver(url);
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of(
          "no JDBC driver for "
              + Dialect.redacted(url)
              + "; add "
              + (dialect == Dialect.H2 ? "com.h2database:h2" : "org.postgresql:postgresql")
              + " to the project's dependencies");
    }
  }

  /**
   * A pool on {@code url}, with one connection open: failing to connect fails here, at start-up.
   *
   * @throws IllegalStateException when the driver is missing or the database cannot be reached
   */
  static HikariDataSource open(
      Settings settings, String url, String user, String password, Dialect dialect) {
    Optional<String> missing = missingDriver(url, dialect);
    if (missing.isPresent()) {
      throw new IllegalStateException(missing.get());
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName(settings.name());
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setAutoCommit(false);
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    config.setMaximumPoolSize(settings.maximumSize());
    config.setMinimumIdle(Math.min(MIN_IDLE, settings.maximumSize()));
    config.setConnectionTimeout(settings.connectionTimeout().toMillis());
    config.setValidationTimeout(
        Math.min(Duration.ofSeconds(2).toMillis(), settings.connectionTimeout().toMillis()));
    config.setKeepaliveTime(Duration.ofMinutes(2).toMillis());
    config.setIdleTimeout(Duration.ofMinutes(10).toMillis());
    config.setMaxLifetime(Duration.ofMinutes(30).toMillis());
    config.setExceptionOverride(new EvictBroken());
    try {
      return new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalStateException(
          "cannot connect to "
              + settings.owner()
              + " "
              + Dialect.redacted(url)
              + ": "
              + cause.getMessage(),
          cause);
    }
  }
}

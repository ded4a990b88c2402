package dev.hookc.runtime.store;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * hookc's pool as the application's own code sees it: each connection is handed out with
 * auto-commit on. hookc's transactions take theirs with it off; code that writes without a
 * transaction of its own would otherwise see its writes rolled back when it closes the connection.
 * HikariCP restores the pool's setting when a connection comes back, so hookc's next transaction
 * gets it as it expects.
 */
final class AutoCommitDataSource implements DataSource {
  private final HikariDataSource pool;

  AutoCommitDataSource(HikariDataSource pool) {
    this.pool = pool;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection = pool.getConnection();
    try {
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    // As HikariCP: a pool's connections all belong to its one user.
    throw new SQLFeatureNotSupportedException("hookc's store has one user");
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return pool.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    pool.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    pool.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return pool.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return pool.getParentLogger();
  }

  // The pool itself is not handed out: closing it belongs to hookc.
  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("hookc's store wraps no " + type.getName() + " it hands out");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }

  @Override
  public String toString() {
    return "hookc's store " + pool.getPoolName();
  }
}

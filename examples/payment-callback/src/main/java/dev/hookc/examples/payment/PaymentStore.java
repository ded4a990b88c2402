package dev.hookc.examples.payment;

import dev.hookc.runtime.HookcServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The payments table in an embedded H2 database, in a file under {@code target/} unless {@code
 * PAYMENTS_DB} names another JDBC URL.
 *
 * <p>The shared store is closed by hookc when the process stops, after the callbacks in flight have
 * been recorded: it registers itself with {@link HookcServer#closeOnShutdown}. The URL therefore
 * turns off H2's own shutdown hook ({@code DB_CLOSE_ON_EXIT=FALSE}), which would otherwise close
 * the database at the first moment of the stop, under those callbacks; a {@code PAYMENTS_DB} URL
 * should do the same.
 */
public final class PaymentStore implements AutoCloseable {
  private static final String DEFAULT_URL =
      "jdbc:h2:file:./target/payments-db/payments;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE";
  private static volatile PaymentStore shared;

  private final JdbcDataSource dataSource = new JdbcDataSource();

  /** A stored payment. */
  public record Payment(
      String transactionId, String orderId, String status, BigDecimal amount, String currency) {}

  PaymentStore(String url) throws SQLException {
    dataSource.setURL(url);
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS payments ("
              + " transaction_id VARCHAR(255) PRIMARY KEY,"
              + " order_id VARCHAR(255),"
              + " status VARCHAR(32) NOT NULL,"
              + " amount DECIMAL(19, 4) NOT NULL,"
              + " currency CHAR(3),"
              + " updated_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL)");
    }
  }

  /** The store the functions share, opened on first use. */
  public static PaymentStore shared() throws SQLException {
    PaymentStore store = shared;
    if (store == null) {
      synchronized (PaymentStore.class) {
        if (shared == null) {
          String url = System.getenv("PAYMENTS_DB");
          shared = new PaymentStore(url == null || url.isBlank() ? DEFAULT_URL : url);
          HookcServer.closeOnShutdown(shared);
        }
        store = shared;
      }
    }
    return store;
  }

  /** Closes the database: H2 writes what it still holds and closes its files. */
  @Override
  public void close() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    }
  }

  /** Inserts the payment, or updates it when the transaction is known; true when inserted. */
  public boolean upsert(
      String transactionId, String orderId, String status, BigDecimal amount, String currency)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean exists = find(connection, transactionId).isPresent();
      try (PreparedStatement merge =
          connection.prepareStatement(
              "MERGE INTO payments (transaction_id, order_id, status, amount, currency, updated_at)"
                  + " KEY (transaction_id) VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
        merge.setString(1, transactionId);
        merge.setString(2, orderId);
        merge.setString(3, status);
        merge.setBigDecimal(4, amount);
        merge.setString(5, currency);
        merge.executeUpdate();
      }
      return !exists;
    }
  }

  /** A connection to the payments database, for maintenance and tests. */
  Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  /** The payment of a transaction, if recorded. */
  public Optional<Payment> find(String transactionId) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return find(connection, transactionId);
    }
  }

  private static Optional<Payment> find(Connection connection, String transactionId)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT transaction_id, order_id, status, amount, currency FROM payments"
                + " WHERE transaction_id = ?")) {
      select.setString(1, transactionId);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Payment(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getBigDecimal(4),
                row.getString(5)));
      }
    }
  }
}

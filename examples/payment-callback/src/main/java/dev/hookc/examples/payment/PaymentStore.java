package dev.hookc.examples.payment;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The payments table, in the database the application gives its functions: by default the embedded
 * H2 database in its data directory, which the application closes when it stops, after the
 * callbacks in flight have been recorded. The table is created on first use.
 */
public final class PaymentStore {
  private final DataSource dataSource;
  private volatile boolean created;

  /** A stored payment. */
  public record Payment(
      String transactionId, String orderId, String status, BigDecimal amount, String currency) {}

  /** The payments table in {@code dataSource}; nothing is read until it is used. */
  public PaymentStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  private void createTable() throws SQLException {
    if (created) {
      return;
    }
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
    created = true;
  }

  /** Inserts the payment, or updates it when the transaction is known; true when inserted. */
  public boolean upsert(
      String transactionId, String orderId, String status, BigDecimal amount, String currency)
      throws SQLException {
    createTable();
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

  /** A connection to the payments database, its table created, for maintenance and tests. */
  Connection connection() throws SQLException {
    createTable();
    return dataSource.getConnection();
  }

  /** The payment of a transaction, if recorded. */
  public Optional<Payment> find(String transactionId) throws SQLException {
    createTable();
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

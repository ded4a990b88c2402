package dev.hookc.examples.payment;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The payments table as the tests read it, with plain JDBC, beside the application. */
final class PaymentsTable {
  /** A row of the table. */
  record Payment(
      String transactionId, String orderId, String status, BigDecimal amount, String currency) {}

  private final JdbcDataSource dataSource = new JdbcDataSource();

  /** A fresh in-memory database, kept until the JVM exits, for {@code dataSource("db", ..)}. */
  PaymentsTable() {
    dataSource.setURL("jdbc:h2:mem:payments-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
  }

  DataSource dataSource() {
    return dataSource;
  }

  Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  /** The row of {@code transactionId}, if any. */
  Optional<Payment> find(String transactionId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
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

  /** How many rows {@code transactionId} has. */
  int count(String transactionId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT COUNT(*) FROM payments WHERE transaction_id = ?")) {
      select.setString(1, transactionId);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }
}

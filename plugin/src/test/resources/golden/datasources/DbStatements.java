package dev.hookc.test.datasources.datasources;

import dev.hookc.runtime.datasource.JdbcDatasource;
import dev.hookc.runtime.datasource.TransactionWork;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The statements of jdbc datasource {@code db} (src/datasources/db.yaml), typed as the build
 * checked them.
 *
 * <p>Integer columns read as {@code Long}, numeric ones as {@code BigDecimal}, booleans as {@code
 * Boolean}, text as {@code String}; dates, times and UUIDs as their ISO-8601 {@code String}, as
 * tasks see them; JSON and columns of a type the build could not tell as the driver gives them. A
 * SQL {@code NULL} is {@code null}.
 */
@Generated("dev.hookc.compiler")
public final class DbStatements {
  private final JdbcDatasource datasource;

  /**
   * Runs the statements on {@code datasource}, the jdbc datasource {@code db}.
   */
  public DbStatements(JdbcDatasource datasource) {
    this.datasource = Objects.requireNonNull(datasource, "datasource");
  }

  /**
   * The datasource the statements run on.
   */
  public JdbcDatasource datasource() {
    return datasource;
  }

  /**
   * Runs {@code work} in one transaction, as {@link JdbcDatasource#inTransaction} does: the
   * statements it runs commit or roll back together.
   */
  public <T> T inTransaction(TransactionWork<T> work) {
    return datasource.inTransaction(work);
  }

  /**
   * Runs statement {@code recordPayment} (src/datasources/db.yaml:8).
   *
   * @return the number of rows it changed
   */
  public int recordPayment(String id, String status, BigDecimal amount, String currency) {
    return this.datasource.update(
        "recordPayment",
        arguments("id", id, "status", status, "amount", amount, "currency", currency));
  }

  /**
   * Runs statement {@code findPayment} (src/datasources/db.yaml:11).
   *
   * @return its rows, in the order the database gives them
   */
  public List<FindPaymentRow> findPayment(String id) {
    return this.datasource
        .query("findPayment", arguments("id", id))
        .stream()
        .map(FindPaymentRow::of)
        .toList();
  }

  /**
   * Runs statement {@code markPaid} (src/datasources/db.yaml:12).
   *
   * @return the number of rows it changed
   */
  public int markPaid(String id) {
    return this.datasource.update("markPaid", arguments("id", id));
  }

  /**
   * Runs statement {@code order_summary} (src/datasources/db.yaml:13).
   *
   * @return its rows, in the order the database gives them
   */
  public List<OrderSummaryRow> orderSummary(String since, Boolean paid) {
    return this.datasource
        .query("order_summary", arguments("since", since, "paid", paid))
        .stream()
        .map(OrderSummaryRow::of)
        .toList();
  }

  private static Map<String, Object> arguments(Object... namesAndValues) {
    // Not Map.of, which refuses the null a parameter may be given.
    Map<String, Object> arguments = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      arguments.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return arguments;
  }

  private static Long longValue(Object value) {
    return value == null ? null : ((Number) value).longValue();
  }

  private static BigDecimal decimalValue(Object value) {
    if (value == null || value instanceof BigDecimal) {
      return (BigDecimal) value;
    }
    return new BigDecimal(value.toString());
  }

  /**
   * A row of statement {@code findPayment}.
   */
  public record FindPaymentRow(String id, String status, BigDecimal amount, String currency) {
    static FindPaymentRow of(Map<String, Object> row) {
      return new FindPaymentRow(
          Objects.toString(row.get("id"), null),
          Objects.toString(row.get("status"), null),
          decimalValue(row.get("amount")),
          Objects.toString(row.get("currency"), null));
    }
  }

  /**
   * A row of statement {@code order_summary}.
   */
  public record OrderSummaryRow(String id, String paymentId, String paymentId2, Boolean paid,
      Long class_, String since) {
    static OrderSummaryRow of(Map<String, Object> row) {
      return new OrderSummaryRow(
          Objects.toString(row.get("id"), null),
          Objects.toString(row.get("payment_id"), null),
          Objects.toString(row.get("payment id"), null),
          (Boolean) row.get("paid"),
          longValue(row.get("class")),
          Objects.toString(row.get("since"), null));
    }
  }
}

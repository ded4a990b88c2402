package dev.hookc.runtime.datasource;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A database declared with {@code type: jdbc}: a connection pool, its migrations applied when the
 * application starts, and the named SQL statements of its YAML, run with named parameters only.
 *
 * <p>Inside {@link #inTransaction}, every statement this datasource runs on the same thread uses
 * the transaction's connection, so that they commit or roll back together.
 */
public interface JdbcDatasource {

  /** The datasource's name: its file's name in {@code src/datasources}. */
  String name();

  /**
   * The pool, for code that needs JDBC itself. A connection taken from it inside {@link
   * #inTransaction} is not the transaction's.
   */
  DataSource dataSource();

  /**
   * Runs the statement {@code statement} that returns rows.
   *
   * @param args a value for each of its named parameters, by name
   * @return its rows, each a map from column label (as the YAML's SQL spells it, lower case) to
   *     value, in the order of the select list
   * @throws IllegalArgumentException when no statement has that name, or a parameter has no value
   * @throws DatasourceException when the database refuses or fails it
   */
  List<Map<String, Object>> query(String statement, Map<String, ?> args);

  /**
   * Runs the statement {@code statement} that changes rows.
   *
   * @param args a value for each of its named parameters, by name
   * @return the number of rows it changed
   * @throws IllegalArgumentException when no statement has that name, or a parameter has no value
   * @throws DatasourceException when the database refuses or fails it
   */
  int update(String statement, Map<String, ?> args);

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws
   * (and the exception rethrown). Nested calls join the outer transaction.
   */
  <T> T inTransaction(TransactionWork<T> work);
}

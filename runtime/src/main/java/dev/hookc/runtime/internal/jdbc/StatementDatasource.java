package dev.hookc.runtime.internal.jdbc;

import dev.hookc.runtime.datasource.DatasourceException;
import dev.hookc.runtime.datasource.JdbcDatasource;
import dev.hookc.runtime.datasource.TransactionWork;
import dev.hookc.runtime.internal.datasource.NamedSql;
import dev.hookc.runtime.store.ProjectDatabase;
import dev.hookc.runtime.telemetry.Observation;
import dev.hookc.runtime.telemetry.WorkContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * A {@code type: jdbc} datasource: its named statements, parsed once, run on a {@link
 * ProjectDatabase}. A statement outside a transaction runs in one of its own; inside one (on the
 * same thread) it joins it, behind a savepoint, so that a statement that fails and whose failure
 * the workflow handles ({@code on_error}) leaves the transaction usable — PostgreSQL would
 * otherwise refuse everything after it until the rollback.
 */
public final class StatementDatasource implements JdbcDatasource, AutoCloseable {
  private final ProjectDatabase database;
  private final Map<String, NamedSql> statements;
  // The SQL type of each parameter, as the driver told it the first time the statement ran.
  private final Map<String, int[]> parameterTypes = new ConcurrentHashMap<>();

  /**
   * A datasource on {@code database} with {@code statements}, by name, as {@link NamedSql} read
   * them.
   */
  public StatementDatasource(ProjectDatabase database, Map<String, NamedSql> statements) {
    this.database = Objects.requireNonNull(database, "database");
    this.statements = Collections.unmodifiableMap(new LinkedHashMap<>(statements));
  }

  /**
   * Reads each of {@code statements} with {@link NamedSql}.
   *
   * @throws NamedSql.SyntaxException for the first one that cannot be read, its message naming it
   */
  public static Map<String, NamedSql> parse(Map<String, String> statements) {
    Map<String, NamedSql> parsed = new LinkedHashMap<>();
    statements.forEach(
        (name, text) -> {
          try {
            parsed.put(name, NamedSql.parse(text));
          } catch (NamedSql.SyntaxException e) {
            throw new IllegalArgumentException(
                "the statement " + name + " cannot be read: " + e.getMessage(), e);
          }
        });
    return parsed;
  }

  @Override
  public String name() {
    return database.name();
  }

  @Override
  public DataSource dataSource() {
    return database.dataSource();
  }

  /** The database under this datasource. */
  public ProjectDatabase database() {
    return database;
  }

  @Override
  public List<Map<String, Object>> query(String statement, Map<String, ?> args) {
    return run(
        statement,
        args,
        prepared -> {
          try (ResultSet rows = prepared.executeQuery()) {
            return RowReader.rows(rows);
          }
        });
  }

  @Override
  public int update(String statement, Map<String, ?> args) {
    return run(statement, args, PreparedStatement::executeUpdate);
  }

  @Override
  public <T> T inTransaction(TransactionWork<T> work) {
    Objects.requireNonNull(work, "work");
    Observation observation = WorkContext.telemetry().datasource(name(), "jdbc", "transaction");
    try {
      return database.inTransaction(c -> work.run());
    } catch (SQLException e) {
      DatasourceException failure = SqlFailures.of(name(), "transaction", e);
      observation.failure(failure.kind().code(), failure);
      throw failure;
    } catch (RuntimeException e) {
      observation.failure(
          e instanceof DatasourceException failure ? failure.kind().code() : "exception", e);
      throw e;
    } catch (Exception e) {
      observation.failure("exception", e);
      throw new IllegalStateException(
          name() + ": the transaction's work failed: " + e.getMessage(), e);
    } finally {
      observation.close();
    }
  }

  @FunctionalInterface
  private interface Execution<T> {
    T run(PreparedStatement statement) throws SQLException;
  }

  private <T> T run(String name, Map<String, ?> args, Execution<T> execution) {
    NamedSql sql = statement(name);
    checkArgs(name, sql, args);
    Observation observation = WorkContext.telemetry().datasource(name(), "jdbc", name);
    try {
      return observed(name, sql, args, execution);
    } catch (DatasourceException e) {
      observation.failure(e.kind().code(), e);
      throw e;
    } catch (RuntimeException e) {
      observation.failure("exception", e);
      throw e;
    } finally {
      observation.close();
    }
  }

  private <T> T observed(String name, NamedSql sql, Map<String, ?> args, Execution<T> execution) {
    try {
      return database.inTransaction(
          c -> {
            if (!database.inTransaction() || c.getAutoCommit()) {
              return execute(c, name, sql, args, execution);
            }
            return behindSavepoint(c, () -> execute(c, name, sql, args, execution));
          });
    } catch (SQLException e) {
      throw SqlFailures.of(name(), name, e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e); // the work above throws SQLException only
    }
  }

  private NamedSql statement(String name) {
    NamedSql sql = statements.get(Objects.requireNonNull(name, "statement"));
    if (sql == null) {
      throw new IllegalArgumentException(
          "the datasource "
              + name()
              + " has no statement named "
              + name
              + "; it has "
              + (statements.isEmpty()
                  ? "none"
                  : String.join(", ", new TreeSet<>(statements.keySet()))));
    }
    return sql;
  }

  private void checkArgs(String name, NamedSql sql, Map<String, ?> args) {
    Objects.requireNonNull(args, "args");
    Set<String> names = sql.names();
    List<String> missing = new ArrayList<>();
    for (String parameter : names) {
      if (!args.containsKey(parameter)) {
        missing.add(parameter);
      }
    }
    Set<String> extra = new TreeSet<>(args.keySet());
    extra.removeAll(names);
    if (!missing.isEmpty() || !extra.isEmpty()) {
      throw new IllegalArgumentException(
          name()
              + ": the statement "
              + name
              + (missing.isEmpty() ? "" : " has no value for :" + String.join(", :", missing))
              + (!missing.isEmpty() && !extra.isEmpty() ? " and" : "")
              + (extra.isEmpty() ? "" : " has no parameter " + String.join(", ", extra)));
    }
  }

  private <T> T execute(
      Connection c, String name, NamedSql sql, Map<String, ?> args, Execution<T> execution)
      throws SQLException {
    try (PreparedStatement prepared = c.prepareStatement(sql.jdbc())) {
      List<NamedSql.Parameter> parameters = sql.parameters();
      int[] types =
          parameterTypes.computeIfAbsent(
              name, n -> ValueBinder.parameterTypes(prepared, parameters.size()));
      for (int i = 0; i < parameters.size(); i++) {
        ValueBinder.bind(prepared, i + 1, args.get(parameters.get(i).name()), types[i]);
      }
      return execution.run(prepared);
    }
  }

  @FunctionalInterface
  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  private static <T> T behindSavepoint(Connection c, SqlWork<T> work) throws SQLException {
    Savepoint savepoint = c.setSavepoint();
    try {
      return work.run();
    } catch (SQLException | RuntimeException e) {
      try {
        c.rollback(savepoint);
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      throw e;
    }
  }

  /** Closes the database (its pool, unless it is a caller's data source). */
  @Override
  public void close() {
    database.close();
  }

  @Override
  public String toString() {
    return database.toString();
  }
}

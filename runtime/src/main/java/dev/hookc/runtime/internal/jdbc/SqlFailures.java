package dev.hookc.runtime.internal.jdbc;

import dev.hookc.runtime.datasource.DatasourceException;
import dev.hookc.runtime.datasource.DatasourceException.Kind;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Database failures as {@link DatasourceException}s, their kind told from the SQLSTATE that H2 and
 * PostgreSQL report. Drivers quote the values of a refused row in their messages (PostgreSQL's
 * {@code Detail: Key (id)=(...)}, H2's {@code VALUES (...)}), and those values come from senders:
 * so a message names the datasource, the statement and the constraint or column only, and the
 * driver's own message and exception are kept only for failures that quote no value (a missing
 * table, a refused connection).
 */
final class SqlFailures {
  // An identifier only: whatever else a driver's message holds is never copied.
  private static final Pattern PG_CONSTRAINT = Pattern.compile("constraint \"([\\w$]+)\"");
  private static final Pattern COLUMN = Pattern.compile("(?i)column \"([\\w$]+)\"");
  private static final Pattern H2_NAME = Pattern.compile("violation: \"(?:[\\w$]+\\.)?([\\w$]+)");
  // SQLSTATE classes whose messages quote no value of a statement: syntax and access (42),
  // features (0A), connections (08), resources (53), operator actions (57), catalogs and schemas
  // (3D, 3F), authorization (28), transaction rollbacks (40), and the pool's own (HY).
  private static final Set<String> SAFE_CLASSES =
      Set.of("42", "0A", "08", "53", "57", "3D", "3F", "28", "40", "HY");

  private SqlFailures() {}

  /** {@code e}, raised by {@code operation} (a statement's name) on {@code datasource}. */
  static DatasourceException of(String datasource, String operation, SQLException e) {
    String state = state(e);
    Kind kind = Kind.of(e);
    StringBuilder message = new StringBuilder(datasource).append(": ").append(operation);
    String name = null;
    switch (kind) {
      case UNIQUE_VIOLATION -> message.append(" violated a unique constraint");
      case FOREIGN_KEY_VIOLATION -> message.append(" violated a foreign key");
      case CHECK_VIOLATION -> message.append(" violated a check constraint");
      case NOT_NULL_VIOLATION -> message.append(" left a required column empty");
      case UNAVAILABLE -> message.append(" could not reach the database");
      case TIMEOUT -> message.append(" timed out");
      case TRANSIENT -> message.append(" failed, and may succeed if tried again");
      default -> message.append(" failed");
    }
    if (kind == Kind.NOT_NULL_VIOLATION) {
      name = first(COLUMN, e.getMessage());
      if (name != null) {
        message.append(" (column ").append(name).append(')');
      }
    } else if (kind.name().endsWith("_VIOLATION")) {
      name = first(PG_CONSTRAINT, e.getMessage());
      if (name == null) {
        name = first(H2_NAME, e.getMessage());
      }
      if (name != null) {
        message.append(' ').append(name);
      }
    }
    boolean safe =
        e instanceof SQLTransientConnectionException
            || (state != null
                && state.length() >= 2
                && SAFE_CLASSES.contains(state.substring(0, 2)));
    if (safe) {
      message.append(": ").append(firstLine(e.getMessage()));
    }
    if (state != null) {
      message.append(" (SQLSTATE ").append(state).append(')');
    }
    return new DatasourceException(
        datasource, operation, kind, message.toString(), safe ? e : null);
  }

  /** The first SQLSTATE in the chain of {@code e}. */
  private static String state(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }

  private static String first(Pattern pattern, String text) {
    if (text == null) {
      return null;
    }
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : null;
  }

  /** The driver's message without H2's quoted statement or PostgreSQL's detail lines. */
  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf('\n');
    String line = end < 0 ? message : message.substring(0, end);
    int statement = line.indexOf("; SQL statement:");
    return (statement < 0 ? line : line.substring(0, statement)).strip();
  }
}

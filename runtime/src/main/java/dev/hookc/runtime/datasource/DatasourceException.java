package dev.hookc.runtime.datasource;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * A datasource call that failed: a constraint the database enforces, a database or provider that
 * cannot be reached, a deadline passed. Its {@link #kind()} says which, so that a workflow's {@code
 * on_error} (or a Java function) can tell a duplicate from an outage.
 */
public final class DatasourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, independent of the database or provider. */
  public enum Kind {
    /** A row with the same unique key exists (SQLSTATE 23505). */
    UNIQUE_VIOLATION,
    /** A referenced row does not exist, or a referencing one does (23503). */
    FOREIGN_KEY_VIOLATION,
    /** A required column got no value (23502). */
    NOT_NULL_VIOLATION,
    /** A check constraint refused the row (23514). */
    CHECK_VIOLATION,
    /** A failure that trying again may cure: a deadlock, a serialization failure. */
    TRANSIENT,
    /** The datasource could not be reached: refused, reset, no connection from the pool. */
    UNAVAILABLE,
    /** The call's deadline passed. */
    TIMEOUT,
    /** A provider answered with an error status (4xx or 5xx), after any retries. */
    ERROR_STATUS,
    /** Anything else. */
    OTHER;

    /** The kind as a workflow reads it: {@code unique_violation}, ... */
    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether trying the same call again later may succeed: an outage, not a mistake. */
    public boolean mayPass() {
      return this == TRANSIENT || this == UNAVAILABLE || this == TIMEOUT;
    }

    /**
     * The kind of a database failure, told from the SQLSTATE that H2 and PostgreSQL report (the
     * first in its chain) and from the pool's own exceptions.
     */
    public static Kind of(SQLException e) {
      if (e instanceof SQLTransientConnectionException) {
        return UNAVAILABLE; // no connection from the pool within its timeout
      }
      if (e instanceof SQLTimeoutException) {
        return TIMEOUT;
      }
      String state = null;
      for (Throwable t = e; t != null && state == null; t = t.getCause()) {
        if (t instanceof SQLException sql) {
          state = sql.getSQLState();
        }
      }
      if (state == null) {
        return OTHER;
      }
      return switch (state) {
        case "23505" -> UNIQUE_VIOLATION;
        // H2 says 23506 for a missing parent row, 23503 for a child row left behind.
        case "23503", "23506" -> FOREIGN_KEY_VIOLATION;
        case "23502" -> NOT_NULL_VIOLATION;
        case "23514", "23513" -> CHECK_VIOLATION; // PostgreSQL, H2
        // Serialization failure, deadlock; PostgreSQL's lock not available, H2's lock timeout.
        case "40001", "40P01", "55P03", "HYT00" -> TRANSIENT;
        // Query cancelled (statement_timeout).
        case "57014" -> TIMEOUT;
        // Shutting down, too many connections; H2's database closed, connection broken, and the
        // database closed under a connection the pool kept from before the server restarted.
        case "57P01", "57P02", "57P03", "53300", "90098", "90067", "90121" -> UNAVAILABLE;
        default -> state.startsWith("08") ? UNAVAILABLE : OTHER;
      };
    }
  }

  private final String datasource;
  private final String operation;
  private final Kind kind;
  private final transient HttpResult response;

  /**
   * A failure of {@code operation} (a statement's name, or an HTTP method and path) on {@code
   * datasource}.
   */
  public DatasourceException(
      String datasource, String operation, Kind kind, String message, Throwable cause) {
    this(datasource, operation, kind, message, cause, null);
  }

  /**
   * A provider's error answer {@code response} to {@code operation} ({@link Kind#ERROR_STATUS}).
   */
  public DatasourceException(String datasource, String operation, HttpResult response) {
    this(
        datasource,
        operation,
        Kind.ERROR_STATUS,
        datasource + ": " + operation + " was answered " + response.status(),
        null,
        response);
  }

  /**
   * An error answer {@code response} ({@link Kind#ERROR_STATUS}) told with {@code message}, for an
   * answer that is not {@code operation}'s own, such as an OAuth token endpoint's.
   */
  public DatasourceException(
      String datasource, String operation, String message, HttpResult response) {
    this(
        datasource,
        operation,
        Kind.ERROR_STATUS,
        message,
        null,
        java.util.Objects.requireNonNull(response, "response"));
  }

  private DatasourceException(
      String datasource,
      String operation,
      Kind kind,
      String message,
      Throwable cause,
      HttpResult response) {
    super(message, cause);
    this.datasource = java.util.Objects.requireNonNull(datasource, "datasource");
    this.operation = java.util.Objects.requireNonNull(operation, "operation");
    this.kind = java.util.Objects.requireNonNull(kind, "kind");
    this.response = response;
  }

  /** The provider's answer, for {@link Kind#ERROR_STATUS}. */
  public java.util.Optional<HttpResult> response() {
    return java.util.Optional.ofNullable(response);
  }

  /** The datasource's name. */
  public String datasource() {
    return datasource;
  }

  /** The statement's name, or the HTTP call's method and path. */
  public String operation() {
    return operation;
  }

  /** What went wrong. */
  public Kind kind() {
    return kind;
  }
}

package dev.hookc.runtime.datasource;

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

package dev.hookc.runtime.store;

import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.datasource.DatasourceException.Kind;
import java.lang.System.Logger.Level;
import java.sql.SQLException;

/**
 * Tells a request whose delivery could not be stored because the store is away or busy from one
 * that failed on a bug. The store not reachable, a lock not granted in time, a conflict the
 * database asks to retry: nothing was acknowledged, so the sender is answered 503 with {@code
 * Retry-After} and its retry stores the delivery. Everything else (a row the database refuses, a
 * bug) stays a 500.
 */
final class StoreOutages {
  private static final System.Logger LOG = System.getLogger(StoreOutages.class.getName());

  /** The seconds a sender is asked to wait, as after a datasource outage. */
  static final String RETRY_AFTER = "5";

  private StoreOutages() {}

  /**
   * What a request whose {@code operation} on the store failed with {@code e} throws: a 503 problem
   * when trying again may succeed, else {@code e} itself.
   */
  static Exception answer(String operation, SQLException e) {
    Kind kind = Kind.of(e);
    if (!kind.mayPass()) {
      return e;
    }
    String why =
        switch (kind) {
          case UNAVAILABLE -> "could not be reached";
          case TIMEOUT -> "did not answer in time";
          default -> "was busy"; // TRANSIENT: a lock, a deadlock, a serialization failure
        };
    // Expected while the database is down or overloaded: one line, no stack trace. The driver's
    // message may quote a row's values, which come from senders: only its SQLSTATE is logged.
    LOG.log(
        Level.WARNING,
        "hookc''s store {0} ({1}), answered 503: SQLSTATE {2}",
        why,
        operation,
        e.getSQLState());
    return new HttpProblem(
            503,
            "Service Unavailable",
            "hookc's store " + why + " (" + operation + "); retry after the given delay")
        .withType("https://hookc.dev/problems/store-unavailable")
        .withHeader("Retry-After", RETRY_AFTER);
  }
}

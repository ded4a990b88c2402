package dev.hookc.runtime;

import dev.hookc.runtime.datasource.DatasourceException;
import dev.hookc.runtime.json.Problems;

/**
 * Tells a synchronous request that failed on a datasource outage from one that failed on a bug. A
 * workflow that ends on a datasource that could not be reached, did not answer in time or failed in
 * a way that trying again may cure, and that no {@code on_error} handled, is answered 503 with
 * {@code Retry-After}: the sender's retry is the cure. Everything else (a constraint violated, a
 * provider's error answer, a bug) stays a 500, which senders retry too.
 */
final class DatasourceOutages {
  // A Java function may wrap what it caught; a task wraps what it threw; a chain this long is not
  // one of those.
  private static final int MAX_DEPTH = 16;

  private DatasourceOutages() {}

  /** The outage {@code thrown} came from, or null when it came from anything else. */
  static DatasourceException of(Throwable thrown) {
    Throwable cause = thrown;
    for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++) {
      if (cause instanceof DatasourceException failure) {
        return failure.kind().mayPass() ? failure : null;
      }
      cause = cause.getCause();
    }
    return null;
  }

  /** The 503 problem of {@code outage}. */
  static HttpProblem problem(DatasourceException outage) {
    return Problems.datasourceUnavailable(outage.datasource(), outage.operation(), why(outage));
  }

  private static String why(DatasourceException failure) {
    return switch (failure.kind()) {
      case UNAVAILABLE -> "could not be reached";
      case TIMEOUT -> "did not answer in time";
      default -> "failed in a way that may pass"; // TRANSIENT: of() lets no other kind through
    };
  }
}

package dev.hookc.runtime.internal.datasource;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.runtime.datasource.DatasourceException;
import dev.hookc.runtime.workflow.Status;

/**
 * The failed status an {@code on_error} receives for a datasource call that failed, so that it can
 * tell a duplicate row from an outage: {@code code} 409 for a constraint the database enforces, 503
 * for what trying later may cure, the provider's status for its error answer, 500 otherwise; {@code
 * data} is {@code {error, datasource, operation}} (and the provider's {@code status} and {@code
 * body}); {@code message} is the exception's.
 */
public final class DatasourceFailures {
  private DatasourceFailures() {}

  /** The failed status for {@code failure}. */
  public static Status status(DatasourceException failure) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("error", failure.kind().code());
    data.put("datasource", failure.datasource());
    data.put("operation", failure.operation());
    failure
        .response()
        .ifPresent(
            response -> {
              data.put("status", response.status());
              data.set("body", response.body());
            });
    return new Status(false, code(failure), failure.getMessage(), data, null, false);
  }

  private static int code(DatasourceException failure) {
    return switch (failure.kind()) {
      case UNIQUE_VIOLATION, FOREIGN_KEY_VIOLATION, NOT_NULL_VIOLATION, CHECK_VIOLATION -> 409;
      case TRANSIENT, UNAVAILABLE, TIMEOUT -> 503;
      case ERROR_STATUS ->
          failure.response().map(r -> r.status()).filter(s -> s >= 400 && s <= 599).orElse(502);
      case OTHER -> 500;
    };
  }
}

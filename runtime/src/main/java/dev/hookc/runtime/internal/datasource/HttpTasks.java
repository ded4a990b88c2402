package dev.hookc.runtime.internal.datasource;

import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.datasource.DatasourceException;
import dev.hookc.runtime.datasource.HttpCall;
import dev.hookc.runtime.datasource.HttpDatasource;
import dev.hookc.runtime.datasource.HttpResult;
import dev.hookc.runtime.workflow.Status;

/**
 * What a generated workflow's {@code fn: datasource.<name>.<method>./<path>} task runs. A 2xx (or
 * 3xx) answer is a successful status: {@code code} is the response's status and {@code data} its
 * body. An error answer (after the datasource's retries) or no answer is thrown as a {@link
 * DatasourceException}: it ends the workflow unless the task's {@code on_error} handles it — unlike
 * Godspeed, where the workflow goes on and a failed call-back can end in a 2xx.
 */
public final class HttpTasks {
  private HttpTasks() {}

  /**
   * Makes {@code call} on {@code datasource}.
   *
   * @throws HttpProblem 422 when a value the workflow computed cannot be sent (a path value such as
   *     {@code ..}, a header value with a line break): the build checked every other part of the
   *     call, so such a value came from the delivery, and trying it again cannot help
   */
  public static Status call(HttpDatasource datasource, HttpCall call) {
    HttpResult result;
    try {
      result = datasource.call(call);
    } catch (IllegalArgumentException e) {
      throw new HttpProblem(
          422,
          "Unprocessable value",
          "a value of this request cannot be sent to " + datasource.name() + ": " + e.getMessage());
    }
    if (result.status() >= 400) {
      throw new DatasourceException(datasource.name(), call.method() + " " + call.path(), result);
    }
    return new Status(true, result.status(), null, result.body(), null, false);
  }
}

package dev.hookc.runtime.internal.datasource;

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

  /** Makes {@code call} on {@code datasource}. */
  public static Status call(HttpDatasource datasource, HttpCall call) {
    HttpResult result = datasource.call(call);
    if (result.status() >= 400) {
      throw new DatasourceException(datasource.name(), call.method() + " " + call.path(), result);
    }
    return new Status(true, result.status(), null, result.body(), null, false);
  }
}

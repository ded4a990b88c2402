package dev.hookc.runtime.datasource;

/**
 * A provider's HTTP API declared with {@code type: http} (or Godspeed's {@code type: axios}): a
 * base URL, default headers, authentication, a deadline for every call and a retry policy.
 */
public interface HttpDatasource {

  /** The datasource's name: its file's name in {@code src/datasources}. */
  String name();

  /**
   * Makes {@code call}, retried as the datasource's policy says, within its deadline.
   *
   * @return the last response, whatever its status
   * @throws DatasourceException when no response came (refused, reset, timed out) after the retries
   */
  HttpResult call(HttpCall call);
}

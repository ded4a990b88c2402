package dev.hookc.runtime.datasource;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One call of an {@link HttpDatasource}.
 *
 * @param method the HTTP method, upper case
 * @param path the path below the datasource's base URL, a template whose {@code {name}} segments
 *     {@code pathValues} fill (each value percent-encoded as one segment)
 * @param pathValues a value for each {@code {name}} of {@code path}
 * @param query the query string's parameters (Godspeed's {@code params}), each with its values
 * @param headers headers added to (or replacing) the datasource's defaults
 * @param body the JSON body, if any
 * @param timeout this call's deadline, retries included, when it is not the datasource's
 */
public record HttpCall(
    String method,
    String path,
    Map<String, String> pathValues,
    Map<String, List<String>> query,
    Map<String, String> headers,
    Optional<JsonNode> body,
    Optional<Duration> timeout) {

  public HttpCall {
    pathValues = Map.copyOf(pathValues);
    query = Map.copyOf(query);
    headers = Map.copyOf(headers);
  }
}

package dev.hookc.runtime.datasource;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The response to an {@link HttpCall}.
 *
 * @param status its status code
 * @param headers its headers, names in lower case
 * @param body its body: JSON as parsed, text as a JSON string, nothing as JSON {@code null}
 */
public record HttpResult(int status, Map<String, List<String>> headers, JsonNode body) {}

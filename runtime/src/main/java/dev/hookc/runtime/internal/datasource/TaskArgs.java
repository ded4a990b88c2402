package dev.hookc.runtime.internal.datasource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.datasource.HttpCall;
import dev.hookc.runtime.workflow.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of generated datasource tasks, from the values their compiled {@code args} give: a
 * statement's parameters (JSON values as the Java values JDBC binds, nulls kept), an http call's
 * parts.
 */
public final class TaskArgs {
  private TaskArgs() {}

  /**
   * A statement's arguments, by parameter name.
   *
   * @param namesAndValues each parameter's name followed by its value
   */
  public static Map<String, Object> statement(Object... namesAndValues) {
    Map<String, Object> args = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      args.put((String) namesAndValues[i], plain(namesAndValues[i + 1]));
    }
    return Collections.unmodifiableMap(args);
  }

  /**
   * An http call: the compiled {@code args.path}, {@code params}, {@code headers} (JSON objects, or
   * null when not given) and {@code data} (null when not given).
   */
  public static HttpCall http(
      String method,
      String path,
      Object pathValues,
      Object query,
      Object headers,
      Object body,
      Duration timeout) {
    Map<String, List<String>> queryValues = new LinkedHashMap<>();
    strings(query).forEach((name, value) -> queryValues.put(name, List.of(value)));
    if (query != null && Status.toJson(query).isObject()) {
      Status.toJson(query)
          .properties()
          .forEach(
              e -> {
                if (e.getValue().isArray()) {
                  List<String> all = new ArrayList<>();
                  e.getValue().forEach(v -> all.add(text(v)));
                  queryValues.put(e.getKey(), all);
                }
              });
    }
    return new HttpCall(
        method,
        path,
        strings(pathValues),
        queryValues,
        strings(headers),
        body == null ? Optional.empty() : Optional.of(Status.toJson(body)),
        Optional.ofNullable(timeout));
  }

  /** A JSON object's members as text; null members left out. */
  private static Map<String, String> strings(Object value) {
    Map<String, String> strings = new LinkedHashMap<>();
    if (value == null) {
      return strings;
    }
    JsonNode node = Status.toJson(value);
    node.properties()
        .forEach(
            e -> {
              if (!e.getValue().isNull() && !e.getValue().isArray()) {
                strings.put(e.getKey(), text(e.getValue()));
              }
            });
    return strings;
  }

  private static String text(JsonNode node) {
    return node.isValueNode() ? node.asText() : node.toString();
  }

  /** A JSON value as the Java value JDBC binds: text, integer, decimal, boolean or null. */
  private static Object plain(Object value) {
    if (!(value instanceof JsonNode node)) {
      return value;
    }
    if (node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    // An object or array: its JSON text, for a json column.
    return node.toString();
  }
}

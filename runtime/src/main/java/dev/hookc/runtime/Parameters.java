package dev.hookc.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.runtime.validation.JsonPointers;
import dev.hookc.runtime.validation.ViolationCollector;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A request's path, query, header and cookie parameters as a workflow sees them: the declared ones
 * converted to their schema's type and validated, the rest kept as sent.
 *
 * <p>A generated controller declares each parameter in turn, then calls {@link #check()}, which
 * answers 400 listing every missing, unconvertible or invalid parameter at once. Violations point
 * into the inputs, e.g. {@code /query/limit} or {@code /headers/x-api-key}. Header names are
 * matched case-insensitively and appear in lower case; a repeated query parameter of an array type
 * gives every value, and a header of an array type is split at commas.
 */
public final class Parameters {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Validates a converted value: a generated validator's {@code validate(node, pointer, out)}. */
  @FunctionalInterface
  public interface Check {
    void validate(JsonNode value, String pointer, ViolationCollector out);
  }

  private final Request request;
  private final String route;
  private final ObjectNode params = NODES.objectNode();
  private final ObjectNode query = NODES.objectNode();
  private final ObjectNode headers = NODES.objectNode();
  private final ObjectNode cookies = NODES.objectNode();
  private final ViolationCollector violations = new ViolationCollector();
  private final Set<String> named = new LinkedHashSet<>();

  /**
   * @param route the route, for messages: {@code GET /items/{id}}
   */
  public Parameters(Request request, String route) {
    this.request = request;
    this.route = route;
    request.pathParams().forEach(params::put);
    copy(request.queryParams(), query);
    request.forEachHeader((name, list) -> put(name, list, headers));
  }

  /** Declares path parameter {@code name}; {@code check} may be null when it has no schema. */
  public Parameters path(String name, Conversion conversion, Check check) {
    String value = request.pathParam(name);
    bind(
        params,
        "params",
        "path",
        name,
        value == null ? List.of() : List.of(value),
        conversion,
        true,
        check);
    return this;
  }

  /** Declares query parameter {@code name}. */
  public Parameters query(String name, Conversion conversion, boolean required, Check check) {
    List<String> values = request.queryParams().getOrDefault(name, List.of());
    bind(query, "query", "query", name, values, conversion, required, check);
    return this;
  }

  /** Declares header {@code name}, matched case-insensitively. */
  public Parameters header(String name, Conversion conversion, boolean required, Check check) {
    String key = name.toLowerCase(Locale.ROOT);
    List<String> values = request.headerValues(key);
    if (conversion.isArray()) {
      List<String> split = new ArrayList<>();
      values.forEach(v -> List.of(v.split(",")).forEach(part -> split.add(part.trim())));
      values = split;
    }
    bind(headers, "headers", "header", key, values, conversion, required, check);
    return this;
  }

  /** Declares cookie {@code name}. */
  public Parameters cookie(String name, Conversion conversion, boolean required, Check check) {
    String value = request.cookie(name);
    bind(
        cookies,
        "cookies",
        "cookie",
        name,
        value == null ? List.of() : List.of(value),
        conversion,
        required,
        check);
    return this;
  }

  /**
   * @throws HttpProblem 400 listing every parameter that is missing, does not convert, or breaks
   *     its schema
   */
  public Parameters check() {
    if (!violations.isEmpty()) {
      throw HttpProblem.badRequest(
          "The request's parameters do not match " + route + ": " + String.join(", ", named) + ".",
          violations.violations());
    }
    return this;
  }

  /** The path parameters ({@code inputs.params}). */
  public JsonNode params() {
    return params;
  }

  /** The query parameters ({@code inputs.query}); repeated undeclared ones are lists. */
  public JsonNode query() {
    return query;
  }

  /** The headers, by lower-case name ({@code inputs.headers}). */
  public JsonNode headers() {
    return headers;
  }

  /** The declared cookies. */
  public JsonNode cookies() {
    return cookies;
  }

  private void bind(
      ObjectNode into,
      String section,
      String in,
      String name,
      List<String> values,
      Conversion conversion,
      boolean required,
      Check check) {
    String pointer = JsonPointers.child("/" + section, name);
    if (values.isEmpty()) {
      into.remove(name);
      if (required) {
        named.add(name);
        violations.add(pointer, "required", in + " parameter '" + name + "' is required", in);
      }
      return;
    }
    JsonNode value = conversion.convert(values);
    if (value == null) {
      named.add(name);
      violations.add(
          pointer, "type", in + " parameter '" + name + "' must be " + conversion.described(), in);
      return;
    }
    into.set(name, value);
    if (check != null) {
      ViolationCollector found = new ViolationCollector();
      check.validate(value, pointer, found);
      if (!found.isEmpty()) {
        named.add(name);
        found.violations().forEach(v -> violations.add(v.pointer(), v.keyword(), v.message(), in));
      }
    }
  }

  private static void copy(Map<String, List<String>> values, ObjectNode into) {
    values.forEach((name, list) -> put(name, list, into));
  }

  private static void put(String name, List<String> list, ObjectNode into) {
    if (list.size() == 1) {
      into.put(name, list.get(0));
    } else {
      ArrayNode array = into.putArray(name);
      list.forEach(array::add);
    }
  }
}

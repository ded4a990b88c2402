package dev.hookc.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Request;
import dev.hookc.runtime.internal.validation.JsonPointers;
import dev.hookc.runtime.internal.validation.ViolationCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * gives every value, and a header of an array type is split at commas; a parameter of any other
 * type sent more than once is a violation.
 *
 * <p>The declared parameters are converted and checked at once, since a bad one is a 400 before the
 * workflow runs; the objects a workflow reads ({@link #params()}, {@link #query()}, {@link
 * #headers()}, {@link #cookies()}) are built only when asked for, each time anew, since most
 * workflows read none of them and a tree of every header cost as much as routing.
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
  // What each declared parameter does to the object as sent, by section: its converted value, or
  // null to leave it out. Null until a parameter of the section is declared.
  private Map<String, JsonNode> params;
  private Map<String, JsonNode> query;
  private Map<String, JsonNode> headers;
  private Map<String, JsonNode> cookies;
  private ViolationCollector violations;
  private Set<String> named;

  /**
   * @param route the route, for messages: {@code GET /items/{id}}
   */
  public Parameters(Request request, String route) {
    this.request = request;
    this.route = route;
  }

  /** Declares path parameter {@code name}, which has no schema besides its type. */
  public Parameters path(String name, Conversion conversion) {
    return path(name, conversion, null);
  }

  /** Declares path parameter {@code name}, checked by {@code check}. */
  public Parameters path(String name, Conversion conversion, Check check) {
    String value = request.pathParam(name);
    params = bind(params, "params", "path", name, one(value), conversion, true, check);
    return this;
  }

  /** Declares query parameter {@code name}, which must be sent. */
  public Parameters requiredQuery(String name, Conversion conversion) {
    return query(name, conversion, true, null);
  }

  /** Declares query parameter {@code name}, which must be sent and pass {@code check}. */
  public Parameters requiredQuery(String name, Conversion conversion, Check check) {
    return query(name, conversion, true, check);
  }

  /** Declares query parameter {@code name}, which may be left out. */
  public Parameters optionalQuery(String name, Conversion conversion) {
    return query(name, conversion, false, null);
  }

  /**
   * Declares query parameter {@code name}, which may be left out but, sent, must pass {@code
   * check}.
   */
  public Parameters optionalQuery(String name, Conversion conversion, Check check) {
    return query(name, conversion, false, check);
  }

  /** Declares header {@code name}, which must be sent; matched case-insensitively. */
  public Parameters requiredHeader(String name, Conversion conversion) {
    return header(name, conversion, true, null);
  }

  /** Declares header {@code name}, which must be sent and pass {@code check}. */
  public Parameters requiredHeader(String name, Conversion conversion, Check check) {
    return header(name, conversion, true, check);
  }

  /** Declares header {@code name}, which may be left out; matched case-insensitively. */
  public Parameters optionalHeader(String name, Conversion conversion) {
    return header(name, conversion, false, null);
  }

  /** Declares header {@code name}, which may be left out but, sent, must pass {@code check}. */
  public Parameters optionalHeader(String name, Conversion conversion, Check check) {
    return header(name, conversion, false, check);
  }

  /** Declares cookie {@code name}, which must be sent. */
  public Parameters requiredCookie(String name, Conversion conversion) {
    return cookie(name, conversion, true, null);
  }

  /** Declares cookie {@code name}, which must be sent and pass {@code check}. */
  public Parameters requiredCookie(String name, Conversion conversion, Check check) {
    return cookie(name, conversion, true, check);
  }

  /** Declares cookie {@code name}, which may be left out. */
  public Parameters optionalCookie(String name, Conversion conversion) {
    return cookie(name, conversion, false, null);
  }

  /** Declares cookie {@code name}, which may be left out but, sent, must pass {@code check}. */
  public Parameters optionalCookie(String name, Conversion conversion, Check check) {
    return cookie(name, conversion, false, check);
  }

  private Parameters query(String name, Conversion conversion, boolean required, Check check) {
    List<String> values = request.queryParams().getOrDefault(name, List.of());
    query = bind(query, "query", "query", name, values, conversion, required, check);
    return this;
  }

  private Parameters header(String name, Conversion conversion, boolean required, Check check) {
    String key = name.toLowerCase(Locale.ROOT);
    List<String> values = request.headerValues(key);
    if (conversion.isArray()) {
      List<String> split = new ArrayList<>();
      values.forEach(v -> List.of(v.split(",")).forEach(part -> split.add(part.trim())));
      values = split;
    }
    headers = bind(headers, "headers", "header", key, values, conversion, required, check);
    return this;
  }

  private Parameters cookie(String name, Conversion conversion, boolean required, Check check) {
    String value = request.cookie(name);
    cookies = bind(cookies, "cookies", "cookie", name, one(value), conversion, required, check);
    return this;
  }

  private static List<String> one(String value) {
    return value == null ? List.of() : List.of(value);
  }

  /**
   * Fails the request when any parameter was wrong; returns this otherwise.
   *
   * @throws HttpProblem 400 listing every parameter that is missing, does not convert, or breaks
   *     its schema
   */
  public Parameters check() {
    if (violations != null) {
      throw HttpProblem.badRequest(
          "The request's parameters do not match " + route + ": " + String.join(", ", named) + ".",
          violations.violations());
    }
    return this;
  }

  /** The path parameters ({@code inputs.params}), built anew on each call. */
  public JsonNode params() {
    ObjectNode tree = NODES.objectNode();
    request.pathParams().forEach(tree::put);
    return declared(params, tree);
  }

  /**
   * The query parameters ({@code inputs.query}); repeated undeclared ones are lists. Built anew on
   * each call.
   */
  public JsonNode query() {
    ObjectNode tree = NODES.objectNode();
    request.queryParams().forEach((name, list) -> put(name, list, tree));
    return declared(query, tree);
  }

  /** The headers, by lower-case name ({@code inputs.headers}), built anew on each call. */
  public JsonNode headers() {
    ObjectNode tree = NODES.objectNode();
    request.forEachHeader((name, list) -> put(name, list, tree));
    return declared(headers, tree);
  }

  /** The declared cookies ({@code inputs.cookies}), built anew on each call. */
  public JsonNode cookies() {
    return declared(cookies, NODES.objectNode());
  }

  /** {@code tree} with the declared parameters' converted values in place of the text sent. */
  private static JsonNode declared(Map<String, JsonNode> values, ObjectNode tree) {
    if (values != null) {
      values.forEach(
          (name, value) -> {
            if (value == null) {
              tree.remove(name);
            } else {
              tree.set(name, value);
            }
          });
    }
    return tree;
  }

  /**
   * Converts and checks one declared parameter.
   *
   * @param into the section's declared values, or null when it has none yet
   * @return {@code into}, created when needed
   */
  private Map<String, JsonNode> bind(
      Map<String, JsonNode> into,
      String section,
      String in,
      String name,
      List<String> values,
      Conversion conversion,
      boolean required,
      Check check) {
    Map<String, JsonNode> result = into == null ? new LinkedHashMap<>() : into;
    String pointer = JsonPointers.child("/" + section, name);
    if (values.isEmpty()) {
      result.put(name, null);
      if (required) {
        violation(name).add(pointer, "required", in + " parameter '" + name + "' is required", in);
      }
      return result;
    }
    if (values.size() > 1 && !conversion.isArray()) {
      // Taking the first would let a filter in front check one value and the workflow get another.
      violation(name)
          .add(
              pointer,
              "type",
              in + " parameter '" + name + "' must be one value, not " + values.size(),
              in);
      return result;
    }
    JsonNode value = conversion.convert(values);
    if (value == null) {
      // The text sent stays in the object, as it did before any parameter was declared.
      violation(name)
          .add(
              pointer,
              "type",
              in + " parameter '" + name + "' must be " + conversion.described(),
              in);
      return result;
    }
    result.put(name, value);
    if (check != null) {
      ViolationCollector found = new ViolationCollector();
      check.validate(value, pointer, found);
      if (!found.isEmpty()) {
        ViolationCollector all = violation(name);
        found.violations().forEach(v -> all.add(v.pointer(), v.keyword(), v.message(), in));
      }
    }
    return result;
  }

  /** The collector of violations, once parameter {@code name} is named as one that broke. */
  private ViolationCollector violation(String name) {
    if (violations == null) {
      violations = new ViolationCollector();
      named = new LinkedHashSet<>();
    }
    named.add(name);
    return violations;
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

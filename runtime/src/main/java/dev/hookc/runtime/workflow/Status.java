package dev.hookc.runtime.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a task or workflow, with Godspeed's {@code GSStatus} fields: whether it succeeded,
 * an HTTP-style code, a message, the data, and headers to send with the response.
 *
 * @param returned whether a {@code com.gs.return} produced it, which ends the current workflow
 */
public record Status(
    boolean success,
    int code,
    String message,
    JsonNode data,
    Map<String, String> headers,
    boolean returned) {
  private static final ObjectMapper VALUES =
      new ObjectMapper().setNodeFactory(new JsonNodeFactory(true));

  public Status {
    data = data == null ? NullNode.getInstance() : data;
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  /** A successful status with code 200 and {@code data}. */
  public static Status ok(Object data) {
    return new Status(true, 200, null, toJson(data), Map.of(), false);
  }

  /**
   * The status of a function declared to return data (any type but {@code Status} and {@code
   * Object}): a successful 200 with {@code result} as its data, whatever keys it has. A {@code
   * Status} stays itself, for an implementation given in place of the declared one (a test's fake).
   */
  public static Status ofData(Object result) {
    return result instanceof Status status ? status : ok(result);
  }

  /** A successful status with code 201 (Created) and {@code data}. */
  public static Status created(Object data) {
    return new Status(true, 201, null, toJson(data), Map.of(), false);
  }

  /** A successful status with code 202 (Accepted) and no data. */
  public static Status accepted() {
    return new Status(true, 202, null, NullNode.getInstance(), Map.of(), false);
  }

  /**
   * A failed status: the response has {@code code} and {@code body} (any value that converts to
   * JSON, e.g. {@code Map.of("message", "no such order")}). The workflow goes on unless the task's
   * {@code on_error} ends it, as with any failed task; {@link #andReturn()} ends it at once.
   *
   * @throws IllegalArgumentException when {@code code} is not between 400 and 599
   */
  public static Status error(int code, Object body) {
    if (code < 400 || code > 599) {
      throw new IllegalArgumentException("not an error code: " + code);
    }
    return new Status(false, code, null, toJson(body), Map.of(), false);
  }

  /**
   * This status with response header {@code name} set to {@code value}, replacing a value set
   * before under the same name in any case.
   *
   * @throws IllegalArgumentException when the name is not a header name or the value has a line
   *     break
   */
  public Status withHeader(String name, String value) {
    checkHeader(name, value);
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.keySet().removeIf(name::equalsIgnoreCase);
    copy.put(name, value);
    return new Status(success, code, message, data, copy, returned);
  }

  /** This status with {@code message}, which {@code outputs.<task>.message} reads. */
  public Status withMessage(String message) {
    return new Status(success, code, message, data, headers, returned);
  }

  /**
   * This status, ending the workflow when its task finishes, as {@code com.gs.return} does: the
   * tasks after it do not run, and the response is this status.
   */
  public Status andReturn() {
    return asReturn();
  }

  /**
   * The status a task's result stands for, by Godspeed's rules: a {@link Status} is itself; an
   * object with a {@code success} or {@code code} key is a status ({@code success} defaults to
   * {@code code < 400}, {@code code} to 200, {@code data} is the payload); anything else is the
   * data of a successful 200.
   */
  public static Status of(Object result) {
    if (result instanceof Status status) {
      return status;
    }
    JsonNode json = toJson(result);
    if (json.isObject() && (json.has("success") || json.has("code"))) {
      int code =
          json.has("code") && json.get("code").canConvertToInt()
              ? json.get("code").intValue()
              : 200;
      boolean success = json.has("success") ? json.get("success").asBoolean() : code < 400;
      String message = json.hasNonNull("message") ? json.get("message").asText() : null;
      return new Status(
          success, code, message, json.get("data"), headers(json.get("headers")), false);
    }
    return new Status(true, 200, null, json, Map.of(), false);
  }

  /**
   * The status a {@code com.gs.return} (or a task with only {@code args}) ends its workflow with.
   * Besides Godspeed's status keys it understands {@code statusCode} and {@code body}, as the
   * "Handle Callbacks" guide writes them.
   */
  public static Status returning(Object args) {
    JsonNode json = toJson(args);
    if (json.isObject() && (json.has("statusCode") || json.has("body"))) {
      int code =
          json.has("statusCode") && json.get("statusCode").canConvertToInt()
              ? json.get("statusCode").intValue()
              : 200;
      return new Status(
          code < 400, code, null, json.get("body"), headers(json.get("headers")), true);
    }
    return of(json).asReturn();
  }

  /**
   * The status of a task that threw: a 500 whose body is an {@code application/problem+json}
   * document revealing nothing of the cause, which is logged instead.
   */
  public static Status crashed() {
    ObjectNode problem = JsonNodeFactory.instance.objectNode();
    problem.put("type", "https://hookc.dev/problems/internal-error");
    problem.put("title", "Internal Server Error");
    problem.put("status", 500);
    problem.put("detail", "the server failed to handle the request");
    return new Status(
        false,
        500,
        "Internal server error",
        problem,
        Map.of("Content-Type", "application/problem+json"),
        false);
  }

  /**
   * The status an {@code on_error.response} turns {@code failed} into: a status of its own when it
   * has a {@code code} or {@code success} key, otherwise the failure's code with {@code response}
   * as its data.
   */
  public static Status handled(Status failed, Object response) {
    JsonNode json = toJson(response);
    if (json.isObject() && (json.has("success") || json.has("code"))) {
      return of(json);
    }
    return new Status(false, failed.code, failed.message, json, Map.of(), false);
  }

  /**
   * The result of {@code com.gs.parallel} and the loops: a successful status whose data lists each
   * branch's status ({@code success}, {@code code}, {@code message}, {@code data}) in order, as
   * Godspeed does. A branch that returned ends the workflow: its status is the result instead.
   */
  public static Status branches(java.util.List<Status> results) {
    com.fasterxml.jackson.databind.node.ArrayNode list = JsonNodeFactory.instance.arrayNode();
    for (Status result : results) {
      if (result.returned()) {
        return result;
      }
      list.add(result.toJson());
    }
    return ok(list);
  }

  /** This status as a JSON object with Godspeed's {@code GSStatus} fields. */
  public JsonNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("success", success);
    node.put("code", code);
    if (message == null) {
      node.putNull("message");
    } else {
      node.put("message", message);
    }
    node.set("data", data);
    node.set("headers", headersNode());
    return node;
  }

  /** This status, marked as ending its workflow. */
  public Status asReturn() {
    return new Status(success, code, message, data, headers, true);
  }

  /** This status as the result of a whole workflow: no longer ending anything above it. */
  public Status asResult() {
    return returned ? new Status(success, code, message, data, headers, false) : this;
  }

  /** The code as a number for expressions ({@code outputs.task.code}). */
  public Long codeNumber() {
    return (long) code;
  }

  /**
   * The items of {@code data} when it is an array (a jdbc statement's rows), for expressions that
   * read them as a list ({@code outputs.find.data[0].amount}); empty otherwise.
   */
  public java.util.List<JsonNode> rows() {
    java.util.List<JsonNode> rows = new java.util.ArrayList<>(data.size());
    if (data.isArray()) {
      data.forEach(rows::add);
    }
    return java.util.List.copyOf(rows);
  }

  /** The headers as a JSON object for expressions. */
  public JsonNode headersNode() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    headers.forEach(node::put);
    return node;
  }

  /** Converts a Java value (map, list, POJO, scalar, JSON node) to a JSON tree. */
  public static JsonNode toJson(Object value) {
    if (value == null) {
      return NullNode.getInstance();
    }
    if (value instanceof JsonNode node) {
      return node;
    }
    return VALUES.valueToTree(value);
  }

  private static void checkHeader(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (name.isEmpty() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
      throw new IllegalArgumentException("not a valid header name: " + name);
    }
    // A line break would let the value smuggle extra headers into the response.
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("header value contains a line break: " + name);
    }
  }

  private static Map<String, String> headers(JsonNode node) {
    if (node == null || !node.isObject()) {
      return Map.of();
    }
    Map<String, String> headers = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getValue().isNull()) {
        headers.put(
            field.getKey(),
            field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString());
      }
    }
    return headers;
  }
}

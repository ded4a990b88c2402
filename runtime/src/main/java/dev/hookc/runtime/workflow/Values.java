package dev.hookc.runtime.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds and reads JSON values in generated workflow code; reads never throw. */
public final class Values {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private Values() {}

  /** An object from alternating keys and values: {@code object("a", 1L, "b", "x")}. */
  public static ObjectNode object(Object... keysAndValues) {
    ObjectNode object = NODES.objectNode();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      object.set((String) keysAndValues[i], Status.toJson(keysAndValues[i + 1]));
    }
    return object;
  }

  /** An array of the given values. */
  public static ArrayNode array(Object... values) {
    ArrayNode array = NODES.arrayNode();
    for (Object value : values) {
      array.add(Status.toJson(value));
    }
    return array;
  }

  /** The field {@code name} of an object, or JSON null when absent or not an object. */
  public static JsonNode member(JsonNode node, String name) {
    if (node == null || !node.isObject()) {
      return NullNode.getInstance();
    }
    JsonNode value = node.get(name);
    return value == null ? NullNode.getInstance() : value;
  }

  /** A JSON value bound to a payload class, as a nested workflow's typed inputs need. */
  public static <T> T bind(JsonNode node, Class<T> type) {
    return dev.hookc.runtime.Json.bind(node, type);
  }

  /** The text of a value in a template: strings as they are, null as empty, others as JSON. */
  public static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof JsonNode node) {
      return node.isNull() || node.isMissingNode()
          ? ""
          : node.isTextual() ? node.asText() : node.toString();
    }
    return String.valueOf(value);
  }
}

package dev.hookc.runtime.internal.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** The project's configuration and the server settings read from the environment at start-up. */
public final class ProjectConfig {
  private static final System.Logger LOG = System.getLogger("hookc.config");
  private static final ObjectMapper JSON = new ObjectMapper();

  private ProjectConfig() {}

  /** The configuration of a project without a {@code config} directory: an empty object. */
  public static JsonNode load() {
    return JsonNodeFactory.instance.objectNode();
  }

  /**
   * The configuration {@code config.*} reads, assembled as node-config does: {@code
   * config/default.yaml}, overridden key by key by {@code config/<HOOKC_ENV>.yaml}, then by the
   * environment variables that {@code config/custom-environment-variables.yaml} names.
   *
   * @param defaults the default file as JSON text
   * @param environments each environment file as JSON text, by environment name
   * @param variables the environment variable mapping as JSON text: the config's shape, with an
   *     environment variable name (or {@code {__name, __format}}) at each leaf
   * @param env the process environment
   * @throws IllegalArgumentException if a variable's value does not parse in its {@code __format}
   */
  public static JsonNode load(
      String defaults,
      Map<String, String> environments,
      String variables,
      Map<String, String> env) {
    ObjectNode config = parse(defaults).deepCopy();
    String name = env.get("HOOKC_ENV");
    if (name != null && !name.isBlank()) {
      String overrides = environments.get(name);
      if (overrides == null) {
        LOG.log(
            System.Logger.Level.WARNING,
            "HOOKC_ENV is ''{0}'' but there is no config/{0}.yaml; using the defaults",
            name);
      } else {
        merge(config, parse(overrides));
      }
    }
    merge(config, fromVariables(parse(variables), env));
    return config;
  }

  private static ObjectNode fromVariables(JsonNode mapping, Map<String, String> env) {
    ObjectNode values = JsonNodeFactory.instance.objectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = mapping.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode leaf = field.getValue();
      if (leaf.isObject() && !leaf.has("__name")) {
        ObjectNode nested = fromVariables(leaf, env);
        if (!nested.isEmpty()) {
          values.set(field.getKey(), nested);
        }
        continue;
      }
      String variable = leaf.isObject() ? leaf.get("__name").asText() : leaf.asText();
      String format = leaf.isObject() && leaf.has("__format") ? leaf.get("__format").asText() : "";
      String value = env.get(variable);
      // node-config ignores unset and empty variables, so a default stays in force.
      if (value != null && !value.isEmpty()) {
        values.set(field.getKey(), typed(variable, value, format));
      }
    }
    return values;
  }

  private static JsonNode typed(String variable, String value, String format) {
    switch (format) {
      case "json":
        try {
          return JSON.readTree(value);
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException(variable + " must hold JSON, not '" + value + "'");
        }
      case "number":
        try {
          return JsonNodeFactory.instance.numberNode(new java.math.BigDecimal(value.trim()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(variable + " must be a number, not '" + value + "'");
        }
      case "boolean":
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
          return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value));
        }
        throw new IllegalArgumentException(
            variable + " must be true or false, not '" + value + "'");
      default:
        return JsonNodeFactory.instance.textNode(value);
    }
  }

  /** Deep-merges {@code overrides} into {@code target}: objects merge, anything else replaces. */
  private static void merge(ObjectNode target, JsonNode overrides) {
    Iterator<Map.Entry<String, JsonNode>> fields = overrides.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode existing = target.get(field.getKey());
      if (existing instanceof ObjectNode object && field.getValue().isObject()) {
        merge(object, field.getValue());
      } else {
        target.set(field.getKey(), field.getValue().deepCopy());
      }
    }
  }

  private static ObjectNode parse(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      return node instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The port in {@code value} (the {@code PORT} environment variable), or {@code fallback} when it
   * is unset.
   *
   * @throws IllegalArgumentException if it is set but not a port number, naming the value
   */
  public static int port(String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below with the value
    }
    throw new IllegalArgumentException(
        "PORT must be a number from 0 to 65535, not '" + value + "'");
  }
}

package dev.hookc.compiler.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.yaml.ScalarType;
import dev.hookc.compiler.yaml.YamlJson;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import dev.hookc.compiler.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a literal YAML value against a JSON Schema at build time, for the keywords whose answer
 * cannot depend on anything at runtime: {@code type}, {@code enum}, {@code const}, {@code
 * required}, {@code properties}, {@code additionalProperties: false} and {@code items}, following
 * {@code $ref: '#/definitions/...'}. Other keywords are left to the runtime.
 */
final class LiteralChecker {
  /** A contradiction: where in the literal, and what the schema says. */
  record Mismatch(Location location, String message) {}

  private final Map<String, YamlNode> definitions;

  LiteralChecker(Map<String, YamlNode> definitions) {
    this.definitions = definitions;
  }

  /** Whether {@code value} has no {@code <% %>} anywhere, so its whole content is known now. */
  static boolean isLiteral(YamlNode value) {
    if (value instanceof YamlMapping mapping) {
      return mapping.entries().stream().allMatch(e -> isLiteral(e.value()));
    }
    if (value instanceof YamlSequence sequence) {
      return sequence.items().stream().allMatch(LiteralChecker::isLiteral);
    }
    return !((YamlScalar) value).value().contains("<%");
  }

  List<Mismatch> check(YamlNode value, JsonNode schema) {
    List<Mismatch> found = new ArrayList<>();
    check(value, schema, "", found, 0);
    return found;
  }

  private void check(
      YamlNode value, JsonNode schema, String path, List<Mismatch> found, int depth) {
    if (schema == null || !schema.isObject() || depth > 32) {
      return;
    }
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      String prefix = "#/definitions/";
      if (ref.startsWith(prefix) && definitions.containsKey(ref.substring(prefix.length()))) {
        check(
            value,
            YamlJson.toJson(definitions.get(ref.substring(prefix.length()))),
            path,
            found,
            depth + 1);
      }
      return;
    }
    JsonNode json = YamlJson.toJson(value);
    String where = path.isEmpty() ? "the body" : "'" + path + "'";
    if (schema.has("type") && !typeMatches(json, schema.get("type"))) {
      found.add(
          new Mismatch(
              value.location(),
              where
                  + " is "
                  + kind(json)
                  + ", but the response schema says "
                  + schema.get("type")));
      return;
    }
    if (schema.has("const") && !schema.get("const").equals(json)) {
      found.add(new Mismatch(value.location(), where + " must be " + schema.get("const")));
    }
    if (schema.has("enum") && schema.get("enum").isArray() && !contains(schema.get("enum"), json)) {
      found.add(new Mismatch(value.location(), where + " must be one of " + schema.get("enum")));
    }
    if (value instanceof YamlMapping mapping) {
      object(mapping, schema, path, found, depth);
    }
    if (value instanceof YamlSequence sequence && schema.has("items")) {
      for (int i = 0; i < sequence.items().size(); i++) {
        check(sequence.items().get(i), schema.get("items"), path + "[" + i + "]", found, depth + 1);
      }
    }
  }

  private void object(
      YamlMapping mapping, JsonNode schema, String path, List<Mismatch> found, int depth) {
    String prefix = path.isEmpty() ? "" : path + ".";
    if (schema.has("required")) {
      for (JsonNode required : schema.get("required")) {
        if (mapping.get(required.asText()).isEmpty()) {
          found.add(
              new Mismatch(
                  mapping.location(),
                  "the response schema requires '" + prefix + required.asText() + "'"));
        }
      }
    }
    JsonNode properties = schema.path("properties");
    boolean closed =
        schema.has("additionalProperties")
            && schema.get("additionalProperties").isBoolean()
            && !schema.get("additionalProperties").asBoolean();
    for (YamlMapping.Entry entry : mapping.entries()) {
      String key = entry.key().value();
      Optional<JsonNode> property = Optional.ofNullable(properties.get(key));
      if (property.isPresent()) {
        check(entry.value(), property.get(), prefix + key, found, depth + 1);
      } else if (closed) {
        found.add(
            new Mismatch(
                entry.key().location(),
                "the response schema allows no property '" + prefix + key + "'"));
      }
    }
  }

  private static boolean typeMatches(JsonNode json, JsonNode type) {
    if (type.isArray()) {
      for (JsonNode one : type) {
        if (typeMatches(json, one)) {
          return true;
        }
      }
      return false;
    }
    switch (type.asText()) {
      case "string":
        return json.isTextual();
      case "integer":
        return json.isIntegralNumber()
            || (json.isNumber() && json.decimalValue().stripTrailingZeros().scale() <= 0);
      case "number":
        return json.isNumber();
      case "boolean":
        return json.isBoolean();
      case "object":
        return json.isObject();
      case "array":
        return json.isArray();
      case "null":
        return json.isNull();
      default:
        return true;
    }
  }

  private static boolean contains(JsonNode values, JsonNode json) {
    for (JsonNode value : values) {
      if (value.equals(json)
          || (value.isNumber()
              && json.isNumber()
              && value.decimalValue().compareTo(json.decimalValue()) == 0)) {
        return true;
      }
    }
    return false;
  }

  private static String kind(JsonNode json) {
    if (json.isTextual()) {
      return "a string";
    }
    if (json.isNumber()) {
      return "a number";
    }
    if (json.isBoolean()) {
      return "a boolean";
    }
    if (json.isNull()) {
      return "null";
    }
    return json.isArray() ? "an array" : "an object";
  }

  static boolean isInteger(YamlNode node) {
    return node instanceof YamlScalar scalar && scalar.type() == ScalarType.INTEGER;
  }
}

package dev.hookc.compiler.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Converts a YAML tree into the equivalent JSON tree, keeping numbers exact. */
public final class YamlJson {
  private static final JsonNodeFactory NODES = new JsonNodeFactory(true);

  private YamlJson() {}

  /**
   * The JSON value of a YAML node: mappings become objects, scalars typed by YAML's core schema.
   */
  public static JsonNode toJson(YamlNode node) {
    if (node instanceof YamlMapping mapping) {
      ObjectNode object = NODES.objectNode();
      mapping.entries().forEach(e -> object.set(e.key().value(), toJson(e.value())));
      return object;
    }
    if (node instanceof YamlSequence sequence) {
      ArrayNode array = NODES.arrayNode();
      sequence.items().forEach(item -> array.add(toJson(item)));
      return array;
    }
    return scalar((YamlScalar) node);
  }

  private static JsonNode scalar(YamlScalar scalar) {
    String text = scalar.value();
    return switch (scalar.type()) {
      case STRING -> NODES.textNode(text);
      case BOOLEAN ->
          NODES.booleanNode(Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT)));
      case NULL -> NODES.nullNode();
      case INTEGER -> integer(text);
      case FLOAT -> decimal(text);
    };
  }

  private static JsonNode integer(String text) {
    String digits = text.replace("_", "");
    try {
      BigInteger value;
      if (digits.startsWith("0x") || digits.startsWith("0X")) {
        value = new BigInteger(digits.substring(2), 16);
      } else if (digits.startsWith("0o")) {
        value = new BigInteger(digits.substring(2), 8);
      } else {
        value = new BigInteger(digits);
      }
      return value.bitLength() < 64 ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
    } catch (NumberFormatException e) {
      return NODES.textNode(text);
    }
  }

  private static JsonNode decimal(String text) {
    try {
      return NODES.numberNode(new BigDecimal(text.replace("_", "")));
    } catch (NumberFormatException e) {
      // .inf and .nan have no JSON form; keep the text so the schema check can name it
      return NODES.textNode(text);
    }
  }
}

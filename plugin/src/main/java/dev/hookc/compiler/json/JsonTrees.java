package dev.hookc.compiler.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON text to and from Jackson's trees, on Jackson's streaming parser and generator alone.
 *
 * <p>{@code JsonNode.toString()} and {@code ObjectMapper.readTree} give the same text and trees,
 * but they bring up an {@code ObjectMapper}: in the cold JVM a build runs the generator in, that
 * loads about 350 classes (serializer and deserializer factories, introspection) and took 150 to
 * 400 ms of the one-changed-event build, for trees of strings and numbers that need none of it.
 * Written here, a tree costs the 120 classes of the streaming layer. The text is the same as
 * Jackson's, byte for byte ({@code JsonTreesTest} compares them).
 */
public final class JsonTrees {
  private static final JsonFactory FACTORY = new JsonFactory();

  /** Numbers exactly as written, decimals as {@code BigDecimal}: what a schema means. */
  private static final JsonNodeFactory EXACT = new JsonNodeFactory(true);

  private JsonTrees() {}

  /** {@code node} as compact JSON, as {@code node.toString()} writes it. */
  public static String compact(JsonNode node) {
    return text(node, null);
  }

  /** {@code node} as JSON laid out by {@code printer}. */
  public static String pretty(JsonNode node, PrettyPrinter printer) {
    return text(node, printer);
  }

  /**
   * The tree of {@code json}, as {@code ObjectMapper.readTree} builds it with {@code
   * USE_BIG_DECIMAL_FOR_FLOATS} and an exact node factory: integers as int, long or big integer
   * nodes by size, every other number as a decimal node keeping its digits.
   *
   * @throws UncheckedIOException if {@code json} is not one JSON value
   */
  public static JsonNode read(String json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new IOException("no JSON value");
      }
      JsonNode tree = value(parser, first);
      if (parser.nextToken() != null) {
        throw new IOException("more than one JSON value at " + parser.currentLocation());
      }
      return tree;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(JsonNode node, PrettyPrinter printer) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      generator.setPrettyPrinter(printer);
      write(node, generator);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void write(JsonNode node, JsonGenerator out) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        out.writeStartObject();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          out.writeFieldName(field.getKey());
          write(field.getValue(), out);
        }
        out.writeEndObject();
      }
      case ARRAY -> {
        out.writeStartArray();
        for (JsonNode item : node) {
          write(item, out);
        }
        out.writeEndArray();
      }
      case STRING -> out.writeString(node.textValue());
      case BOOLEAN -> out.writeBoolean(node.booleanValue());
      case NULL, MISSING -> out.writeNull();
      case NUMBER -> number(node, out);
      default ->
          throw new IllegalArgumentException(
              "a " + node.getNodeType() + " node has no JSON text here");
    }
  }

  private static void number(JsonNode node, JsonGenerator out) throws IOException {
    switch (node.numberType()) {
      case INT -> out.writeNumber(node.intValue());
      case LONG -> out.writeNumber(node.longValue());
      case BIG_INTEGER -> out.writeNumber(node.bigIntegerValue());
      case FLOAT -> out.writeNumber(node.floatValue());
      case DOUBLE -> out.writeNumber(node.doubleValue());
      case BIG_DECIMAL -> out.writeNumber(node.decimalValue());
    }
  }

  /**
   * The value starting at {@code token}. Recursive: the parser refuses nesting deeper than its
   * {@code StreamReadConstraints} allow (1,000 levels), long before the stack would.
   */
  private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> {
        ObjectNode object = EXACT.objectNode();
        for (JsonToken next = parser.nextToken();
            next != JsonToken.END_OBJECT;
            next = parser.nextToken()) {
          String name = parser.currentName();
          // Like readTree: a repeated name keeps the last value.
          object.set(name, value(parser, parser.nextToken()));
        }
        yield object;
      }
      case START_ARRAY -> {
        ArrayNode array = EXACT.arrayNode();
        for (JsonToken next = parser.nextToken();
            next != JsonToken.END_ARRAY;
            next = parser.nextToken()) {
          array.add(value(parser, next));
        }
        yield array;
      }
      case VALUE_STRING -> EXACT.textNode(parser.getText());
      case VALUE_TRUE -> EXACT.booleanNode(true);
      case VALUE_FALSE -> EXACT.booleanNode(false);
      case VALUE_NULL -> EXACT.nullNode();
      case VALUE_NUMBER_INT ->
          switch (parser.getNumberType()) {
            case INT -> EXACT.numberNode(parser.getIntValue());
            case LONG -> EXACT.numberNode(parser.getLongValue());
            default -> EXACT.numberNode(parser.getBigIntegerValue());
          };
      case VALUE_NUMBER_FLOAT -> EXACT.numberNode(parser.getDecimalValue());
      default -> throw new IOException("unexpected " + token + " at " + parser.currentLocation());
    };
  }
}

package dev.hookc.runtime.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.Json;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON tree as UTF-8 bytes with a generator of the shared mapper's factory, producing the
 * bytes {@link Json#write} produces.
 *
 * <p>Every response body and problem is a small tree, and the mapper sets up a serializer provider
 * per call, which costs more than writing a tree of a few fields. So the common node kinds go to
 * the generator directly; a tree holding anything else (POJO or missing nodes) is written by the
 * mapper instead, whole.
 */
public final class JacksonTreeWriter {

  private final JsonGenerator out;

  private JacksonTreeWriter(JsonGenerator out) {
    this.out = out;
  }

  /** {@code node} as UTF-8 JSON, byte for byte what {@code Json.write(node)} gives. */
  public static byte[] write(JsonNode node) {
    ByteArrayBuilder bytes = new ByteArrayBuilder(256);
    try (JsonGenerator generator =
        Json.mapper().getFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
      if (!new JacksonTreeWriter(generator).value(node)) {
        return Json.write(node);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot happen: writing to memory", e);
    }
    return bytes.toByteArray();
  }

  /** Writes {@code node}; false if it holds a node this writer leaves to the mapper. */
  private boolean value(JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        out.writeStartObject();
        Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          out.writeFieldName(field.getKey());
          if (!value(field.getValue())) {
            return false;
          }
        }
        out.writeEndObject();
      }
      case ARRAY -> {
        out.writeStartArray();
        for (JsonNode item : node) {
          if (!value(item)) {
            return false;
          }
        }
        out.writeEndArray();
      }
      case STRING -> out.writeString(node.textValue());
      case BOOLEAN -> out.writeBoolean(node.booleanValue());
      case NULL -> out.writeNull();
      case BINARY -> out.writeBinary(node.binaryValue());
      case NUMBER -> {
        return number(node);
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private boolean number(JsonNode node) throws IOException {
    switch (node.numberType()) {
      case INT -> out.writeNumber(node.intValue());
      case LONG -> out.writeNumber(node.longValue());
      case BIG_INTEGER -> out.writeNumber(node.bigIntegerValue());
      case BIG_DECIMAL -> out.writeNumber(node.decimalValue());
      case DOUBLE -> out.writeNumber(node.doubleValue());
      case FLOAT -> out.writeNumber(node.floatValue());
      default -> {
        return false;
      }
    }
    return true;
  }
}

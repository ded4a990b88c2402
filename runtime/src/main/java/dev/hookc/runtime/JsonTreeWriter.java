package dev.hookc.runtime;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON tree as UTF-8 bytes straight to a generator, producing the same bytes as {@link
 * Json#write}.
 *
 * <p>Every response body and problem is a small tree. The mapper sets up a serializer provider per
 * call and walks trees with a general-purpose iterator stack; for a tree of a few fields that cost
 * more than writing it, on every request.
 */
final class JsonTreeWriter {

  private JsonTreeWriter() {}

  /** {@code node} as UTF-8 JSON, byte for byte what {@code Json.write(node)} gives. */
  static byte[] write(JsonNode node) {
    try (ByteArrayBuilder bytes = new ByteArrayBuilder(256);
        JsonGenerator out = Json.mapper().getFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
      write(node, out);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      // Nothing here does I/O; the generator only writes to memory.
      throw new UncheckedIOException(e);
    }
  }

  private static void write(JsonNode node, JsonGenerator out) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        out.writeStartObject(node);
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          out.writeFieldName(field.getKey());
          write(field.getValue(), out);
        }
        out.writeEndObject();
      }
      case ARRAY -> {
        out.writeStartArray(node, node.size());
        for (JsonNode item : node) {
          write(item, out);
        }
        out.writeEndArray();
      }
      case STRING -> out.writeString(node.textValue());
      case BOOLEAN -> out.writeBoolean(node.booleanValue());
      case NULL -> out.writeNull();
      case NUMBER -> writeNumber(node, out);
      // Binary, POJO and missing nodes are rare in responses: the mapper writes them in place.
      default -> Json.mapper().writeTree(out, node);
    }
  }

  private static void writeNumber(JsonNode node, JsonGenerator out) throws IOException {
    switch (node.numberType()) {
      case INT -> out.writeNumber(node.intValue());
      case LONG -> out.writeNumber(node.longValue());
      case BIG_INTEGER -> out.writeNumber(node.bigIntegerValue());
      case FLOAT -> out.writeNumber(node.floatValue());
      case DOUBLE -> out.writeNumber(node.doubleValue());
      case BIG_DECIMAL -> out.writeNumber(node.decimalValue());
      default -> Json.mapper().writeTree(out, node);
    }
  }
}

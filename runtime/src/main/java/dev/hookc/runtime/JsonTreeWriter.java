package dev.hookc.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON tree as UTF-8 bytes, producing the same bytes as {@link Json#write}.
 *
 * <p>Every response body and problem is a small tree. The mapper sets up a serializer provider per
 * call and walks trees with a general-purpose iterator stack, and even a bare generator costs a
 * buffer recycler and context objects per call; for a tree of a few fields that cost more than
 * writing it, on every request. So the common node kinds are written here byte by byte, with
 * Jackson's escaping and number formats; a tree holding anything else (binary, POJO or missing
 * nodes) is written by the mapper instead, whole.
 */
final class JsonTreeWriter {

  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  /** For each ASCII character, 0 if written as is, else the letter after its backslash. */
  private static final byte[] ESCAPES = new byte[128];

  static {
    for (int c = 0; c < 0x20; c++) {
      ESCAPES[c] = 'u';
    }
    ESCAPES['\b'] = 'b';
    ESCAPES['\t'] = 't';
    ESCAPES['\n'] = 'n';
    ESCAPES['\f'] = 'f';
    ESCAPES['\r'] = 'r';
    ESCAPES['"'] = '"';
    ESCAPES['\\'] = '\\';
  }

  private byte[] out = new byte[256];
  private int n;

  private JsonTreeWriter() {}

  /** {@code node} as UTF-8 JSON, byte for byte what {@code Json.write(node)} gives. */
  static byte[] write(JsonNode node) {
    JsonTreeWriter writer = new JsonTreeWriter();
    if (writer.value(node)) {
      return Arrays.copyOf(writer.out, writer.n);
    }
    return Json.write(node);
  }

  /** Writes {@code node}; false if it holds a node this writer leaves to Jackson. */
  private boolean value(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        return object(node);
      }
      case ARRAY -> {
        ascii('[');
        int i = 0;
        for (JsonNode item : node) {
          if (i++ > 0) {
            ascii(',');
          }
          if (!value(item)) {
            return false;
          }
        }
        ascii(']');
        return true;
      }
      case STRING -> string(node.textValue());
      case BOOLEAN -> ascii(node.booleanValue() ? "true" : "false");
      case NULL -> ascii("null");
      case NUMBER -> {
        return number(node);
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private boolean object(JsonNode node) {
    ascii('{');
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    boolean first = true;
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!first) {
        ascii(',');
      }
      first = false;
      string(field.getKey());
      ascii(':');
      if (!value(field.getValue())) {
        return false;
      }
    }
    ascii('}');
    return true;
  }

  private boolean number(JsonNode node) {
    switch (node.numberType()) {
      case INT -> integer(node.intValue());
      case LONG -> integer(node.longValue());
      case BIG_INTEGER -> ascii(node.bigIntegerValue().toString());
      case BIG_DECIMAL -> {
        BigDecimal value = node.decimalValue();
        ascii(value.toString());
      }
      case DOUBLE -> floating(node.doubleValue(), Double.toString(node.doubleValue()));
      case FLOAT -> floating(node.floatValue(), Float.toString(node.floatValue()));
      default -> {
        return false;
      }
    }
    return true;
  }

  // The mapper writes NaN and infinities as strings (WRITE_NAN_AS_STRINGS, on by default).
  private void floating(double value, String text) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      ascii('"');
      ascii(text);
      ascii('"');
    } else {
      ascii(text);
    }
  }

  private void integer(long value) {
    if (value < 0) {
      if (value == Long.MIN_VALUE) {
        ascii(Long.toString(value));
        return;
      }
      ascii('-');
      value = -value;
    }
    if (value < 10) {
      ascii((char) ('0' + value));
      return;
    }
    int digits = 1;
    for (long rest = value / 10; rest > 0; rest /= 10) {
      digits++;
    }
    room(digits);
    for (int i = n + digits - 1; i >= n; i--) {
      out[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    n += digits;
  }

  /**
   * {@code text} quoted and escaped as Jackson escapes it: {@code "} and {@code \} and control
   * characters, with short forms where JSON has them and {@code \}{@code u00XX} otherwise;
   * everything else as UTF-8, except surrogates, which Jackson writes as {@code \}{@code uXXXX}
   * escapes one by one (COMBINE_UNICODE_SURROGATES_IN_UTF8 is off by default).
   */
  private void string(String text) {
    int length = text.length();
    room(length + 2);
    out[n++] = '"';
    boolean roomForEscapes = false;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80 && ESCAPES[c] == 0) {
        out[n++] = (byte) c;
        continue;
      }
      if (!roomForEscapes) {
        // No character takes more than six bytes (an escape), nor the closing quote one.
        room((length - i) * 6 + 1);
        roomForEscapes = true;
      }
      if (c < 0x80) {
        out[n++] = '\\';
        byte escape = ESCAPES[c];
        if (escape == 'u') {
          unicodeEscape(c);
        } else {
          out[n++] = escape;
        }
      } else if (c < 0x800) {
        out[n++] = (byte) (0xC0 | c >> 6);
        out[n++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        out[n++] = '\\';
        unicodeEscape(c);
      } else {
        out[n++] = (byte) (0xE0 | c >> 12);
        out[n++] = (byte) (0x80 | (c >> 6 & 0x3F));
        out[n++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    out[n++] = '"';
  }

  private void unicodeEscape(char c) {
    out[n++] = 'u';
    out[n++] = HEX[c >> 12];
    out[n++] = HEX[c >> 8 & 0xF];
    out[n++] = HEX[c >> 4 & 0xF];
    out[n++] = HEX[c & 0xF];
  }

  private void ascii(char c) {
    room(1);
    out[n++] = (byte) c;
  }

  private void ascii(String text) {
    int length = text.length();
    room(length);
    for (int i = 0; i < length; i++) {
      out[n++] = (byte) text.charAt(i); // ASCII only: numbers and literals
    }
  }

  private void room(int more) {
    if (n + more > out.length) {
      out = Arrays.copyOf(out, Math.max(out.length * 2, n + more));
    }
  }
}

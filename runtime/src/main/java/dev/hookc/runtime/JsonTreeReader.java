package dev.hookc.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads one UTF-8 JSON document (RFC 8259) from bytes straight into Jackson tree nodes, equal to
 * and of the same classes as those the shared mapper's tree reader builds.
 *
 * <p>A request body is small and read once, so setting up Jackson's parser and deserialization
 * context per call cost more than parsing it. The grammar, by recursive descent:
 *
 * <pre>
 * document = ws value ws
 * value    = object | array | string | number | "true" | "false" | "null"
 * object   = "{" ws [ string ws ":" ws value ws *( "," ws string ws ":" ws value ws ) ] "}"
 * array    = "[" ws [ value ws *( "," ws value ws ) ] "]"
 * </pre>
 *
 * <p>It rejects what the mapper rejects (duplicate keys, nesting deeper than {@link
 * Json#MAX_DEPTH}, numbers longer than 1000 digits, property names longer than 50,000 bytes) and,
 * unlike the mapper, any text that is not well-formed UTF-8: overlong forms, encoded surrogates,
 * and UTF-16 or UTF-32 bodies. Positions are 1-based lines ({@code \n}, {@code \r} or {@code \r\n}
 * end one) and 1-based columns counted in bytes, as Jackson counts them for byte input.
 */
final class JsonTreeReader {

  // Jackson's default StreamReadConstraints, which the mapper keeps.
  static final int MAX_NUMBER_LENGTH = 1000;
  static final int MAX_NAME_BYTES = 50_000;
  static final int MAX_STRING_LENGTH = 20_000_000;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final byte[] in;
  private final int start;
  private final int end;
  private int pos;
  private int line = 1;
  private int lineStart;
  private int depth;
  private char[] chars;
  // The property whose value is being read, and where its name starts.
  private String name;
  private int nameLine;
  private int nameColumn;

  private JsonTreeReader(byte[] in, int offset, int length) {
    this.in = in;
    this.start = offset;
    this.end = offset + length;
    this.pos = offset;
    this.lineStart = offset;
  }

  /**
   * The JSON document in {@code length} bytes of {@code in} from {@code offset}.
   *
   * @throws HttpProblem 400 if they hold no document, more than one, or a malformed one
   */
  static JsonNode read(byte[] in, int offset, int length) {
    return new JsonTreeReader(in, offset, length).document();
  }

  private JsonNode document() {
    refuseOtherEncodings();
    if (end - pos >= 3 && in[pos] == (byte) 0xEF && in[pos + 1] == (byte) 0xBB) {
      if (in[pos + 2] == (byte) 0xBF) {
        pos += 3; // A byte-order mark, which Jackson skips too.
      }
    }
    skipWhitespace();
    if (pos == end) {
      throw JsonProblems.empty();
    }
    JsonNode root = value();
    skipWhitespace();
    if (pos < end) {
      throw JsonProblems.trailing(line, column());
    }
    return root;
  }

  /**
   * UTF-16 and UTF-32 start with a byte-order mark or have a zero byte among the first four, which
   * UTF-8 JSON never has; saying so beats reporting the first odd byte.
   */
  private void refuseOtherEncodings() {
    int n = Math.min(4, end - pos);
    boolean other = n >= 2 && (in[pos] & 0xFE) == 0xFE && (in[pos + 1] & 0xFE) == 0xFE;
    for (int i = 0; i < n && !other; i++) {
      other = in[pos + i] == 0;
    }
    if (other) {
      throw error("the body is not UTF-8 (it looks like UTF-16 or UTF-32); send JSON as UTF-8");
    }
  }

  /**
   * The value at {@code pos}, containers included. Nesting is kept on an explicit stack rather than
   * by recursion: handler threads run with small stacks, and a document may nest {@value
   * Json#MAX_DEPTH} levels deep.
   */
  private JsonNode value() {
    JsonNode root = null;
    ContainerNode<?>[] open = new ContainerNode<?>[8];
    int top = -1;
    while (true) {
      // A value is expected at pos.
      JsonNode value = pos < end && (in[pos] == '{' || in[pos] == '[') ? container() : scalar();
      if (top < 0) {
        root = value;
      } else {
        attach(open[top], value);
      }
      if (value instanceof ContainerNode<?> container && !closesAtOnce(container)) {
        if (++top == open.length) {
          open = Arrays.copyOf(open, top * 2);
        }
        open[top] = container;
        continue;
      }
      // After a value: a comma leads to the next one, a closing bracket ends its container.
      while (true) {
        if (top < 0) {
          return root;
        }
        skipWhitespace();
        boolean object = open[top].isObject();
        if (pos < end && in[pos] == ',') {
          pos++;
          skipWhitespace();
          if (object) {
            name();
          }
          break;
        }
        if (pos < end && in[pos] == (object ? '}' : ']')) {
          pos++;
          depth--;
          top--;
        } else {
          throw error(unexpected(object ? "',' or '}'" : "',' or ']'"));
        }
      }
    }
  }

  private ContainerNode<?> container() {
    enter();
    boolean object = in[pos++] == '{';
    return object ? NODES.objectNode() : NODES.arrayNode();
  }

  /** Whether the container just opened is empty, reading its closing bracket if so. */
  private boolean closesAtOnce(ContainerNode<?> container) {
    skipWhitespace();
    boolean object = container.isObject();
    if (pos < end && in[pos] == (object ? '}' : ']')) {
      pos++;
      depth--;
      return true;
    }
    if (object) {
      name();
    }
    return false;
  }

  private void attach(ContainerNode<?> parent, JsonNode value) {
    if (parent instanceof ArrayNode array) {
      array.add(value);
    } else if (((ObjectNode) parent).replace(name, value) != null) {
      throw JsonProblems.malformed(nameLine, nameColumn, "duplicate key '" + name + "'");
    }
  }

  /** Reads a property name and its colon, leaving {@code pos} where its value starts. */
  private void name() {
    if (pos == end || in[pos] != '"') {
      throw error(unexpected("a property name in double quotes"));
    }
    nameLine = line;
    nameColumn = column();
    name = string(-1);
    skipWhitespace();
    if (pos == end || in[pos] != ':') {
      throw error(unexpected("':' after the property name"));
    }
    pos++;
    skipWhitespace();
  }

  private JsonNode scalar() {
    if (pos == end) {
      throw error("unexpected end of the document; expected a value");
    }
    int c = in[pos];
    switch (c) {
      case '"':
        return TextNode.valueOf(string(MAX_STRING_LENGTH));
      case 't':
        return literal("true", BooleanNode.TRUE);
      case 'f':
        return literal("false", BooleanNode.FALSE);
      case 'n':
        return literal("null", NullNode.getInstance());
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error(unexpected("a value"));
    }
  }

  private void enter() {
    if (++depth > Json.MAX_DEPTH) {
      throw error("the document nests deeper than " + Json.MAX_DEPTH + " levels");
    }
  }

  private JsonNode literal(String word, JsonNode node) {
    int n = word.length();
    if (end - pos >= n) {
      int i = 1;
      while (i < n && in[pos + i] == word.charAt(i)) {
        i++;
      }
      if (i == n) {
        pos += n;
        return node;
      }
    }
    throw error(unexpected("a value"));
  }

  /**
   * The string that starts at {@code pos}, which is on its opening quote. A name ({@code limit}
   * negative) is limited in UTF-8 bytes, a value in characters, as Jackson limits them.
   */
  private String string(int limit) {
    int first = ++pos;
    // Plain ASCII without escapes, the usual case, becomes a string without a char buffer.
    for (int i = first; i < end; i++) {
      int b = in[i];
      if (b == '"') {
        int length = i - first;
        if (limit < 0 ? length > MAX_NAME_BYTES : length > limit) {
          throw tooLong(first, limit);
        }
        pos = i + 1;
        return new String(in, first, length, StandardCharsets.ISO_8859_1);
      }
      if (b < 0x20 || b == '\\') { // also every non-ASCII byte, which is negative
        break;
      }
    }
    return new Utf8Strings(this).rest(first, limit);
  }

  private HttpProblem tooLong(int first, int limit) {
    pos = first - 1; // the opening quote
    return error(
        limit < 0
            ? "a property name in the document is too long"
            : "a string in the document is too long");
  }

  private JsonNode number() {
    int first = pos;
    boolean negative = in[pos] == '-';
    if (negative) {
      pos++;
    }
    if (pos == end || !isDigit(in[pos])) {
      throw error(
          pos == end
              ? "unexpected end of the document; expected a digit after '-'"
              : unexpected("a digit after '-'"));
    }
    int intStart = pos;
    if (in[pos] == '0' && pos + 1 < end && isDigit(in[pos + 1])) {
      throw error("leading zeros are not allowed in numbers");
    }
    while (pos < end && isDigit(in[pos])) {
      pos++;
    }
    int intDigits = pos - intStart;
    int fractionDigits = 0;
    int exponentDigits = 0;
    boolean integral = true;
    if (pos < end && in[pos] == '.') {
      integral = false;
      pos++;
      fractionDigits = digits("a digit after the decimal point");
    }
    if (pos < end && (in[pos] == 'e' || in[pos] == 'E')) {
      integral = false;
      pos++;
      if (pos < end && (in[pos] == '+' || in[pos] == '-')) {
        pos++;
      }
      exponentDigits = digits("a digit in the exponent");
    }
    if (intDigits + fractionDigits + exponentDigits > MAX_NUMBER_LENGTH) {
      pos = first;
      throw error("a number in the document is too long");
    }
    return integral
        ? Numbers.integer(in, intStart, intDigits, negative)
        : decimal(first, pos - first);
  }

  private int digits(String expected) {
    int from = pos;
    while (pos < end && isDigit(in[pos])) {
      pos++;
    }
    if (pos == from) {
      throw error(
          pos == end
              ? "unexpected end of the document; expected " + expected
              : unexpected(expected));
    }
    return pos - from;
  }

  private JsonNode decimal(int from, int length) {
    BigDecimal value;
    try {
      value = new BigDecimal(new String(in, from, length, StandardCharsets.ISO_8859_1));
    } catch (NumberFormatException e) {
      pos = from;
      throw error("a number in the document is out of range");
    }
    // The mapper's node factory strips trailing zeros (1.50 is 1.5, 0.0 is 0) unless the scale
    // would overflow, in which case it keeps the value as written.
    try {
      value = value.stripTrailingZeros();
    } catch (ArithmeticException e) {
      // kept as written
    }
    return DecimalNode.valueOf(value);
  }

  private static boolean isDigit(int b) {
    return b >= '0' && b <= '9';
  }

  private void skipWhitespace() {
    while (pos < end) {
      int b = in[pos];
      if (b == ' ' || b == '\t') {
        pos++;
      } else if (b == '\n') {
        newLine(++pos);
      } else if (b == '\r') {
        if (++pos < end && in[pos] == '\n') {
          pos++;
        }
        newLine(pos);
      } else {
        return;
      }
    }
  }

  private void newLine(int at) {
    line++;
    lineStart = at;
  }

  /** What was found at {@code pos} instead of {@code expected}, for a message. */
  private String unexpected(String expected) {
    if (pos == end) {
      return "unexpected end of the document; expected " + expected;
    }
    int b = in[pos] & 0xFF;
    String found;
    if (b == '/') {
      found = "'/' (comments are not allowed in JSON)";
    } else if (b == '\'') {
      found = "''' (strings are in double quotes in JSON)";
    } else if (b > 0x20 && b < 0x7F) {
      found = "'" + (char) b + "'";
    } else if (b < 0x80) {
      found = String.format("character U+%04X", b);
    } else {
      found = String.format("byte 0x%02X", b);
    }
    return "unexpected " + found + "; expected " + expected;
  }

  int column() {
    return pos - lineStart + 1;
  }

  HttpProblem error(String reason) {
    return JsonProblems.malformed(line, column(), reason);
  }

  // Shared with Utf8Strings, which decodes the strings that need more than the ASCII fast path.
  byte[] input() {
    return in;
  }

  int end() {
    return end;
  }

  void moveTo(int position) {
    pos = position;
  }

  char[] chars(int minimum) {
    if (chars == null || chars.length < minimum) {
      chars = new char[Math.max(minimum, chars == null ? 64 : chars.length * 2)];
    }
    return chars;
  }

  /** Integer nodes of the classes the mapper's tree reader picks for each size. */
  private static final class Numbers {
    private Numbers() {}

    static JsonNode integer(byte[] in, int from, int digits, boolean negative) {
      if (digits <= 18) {
        long value = 0;
        for (int i = from; i < from + digits; i++) {
          value = value * 10 + (in[i] - '0');
        }
        if (negative) {
          value = -value;
        }
        return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
      }
      String text =
          (negative ? "-" : "") + new String(in, from, digits, StandardCharsets.ISO_8859_1);
      BigInteger value = new BigInteger(text);
      return value.bitLength() < 64
          ? LongNode.valueOf(value.longValue())
          : BigIntegerNode.valueOf(value);
    }
  }
}

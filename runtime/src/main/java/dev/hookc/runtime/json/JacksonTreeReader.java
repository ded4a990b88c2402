package dev.hookc.runtime.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
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
import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Reads one UTF-8 JSON document (RFC 8259) into Jackson tree nodes with a loop over Jackson's
 * streaming parser, building the trees the shared mapper's tree reader builds.
 *
 * <p>The mapper's {@code readTree} sets up a deserialization context per call, which for the small
 * bodies of webhooks costs more than the tokenising; a parser from a shared factory does not. The
 * factory keeps Jackson's default {@link StreamReadConstraints} (numbers of 1000 characters,
 * property names of 50,000 bytes, strings of 20,000,000 characters) except for the nesting, which
 * is {@link Json#MAX_DEPTH}.
 *
 * <p>Stricter than Jackson in one respect: the body must be well-formed UTF-8. Jackson decodes
 * overlong forms and encoded surrogates without complaint and reads UTF-16 and UTF-32, so the bytes
 * are checked first ({@link Utf8#firstMalformed}); of two mistakes, the problem names the first.
 * Duplicate keys are found as the tree is built, which costs less than Jackson's own detection.
 */
public final class JacksonTreeReader {

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(Json.MAX_DEPTH).build())
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .build();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final byte[] in;
  private final int start;
  private final int end;
  // Set when a key repeats: the document is read again, noting where each property name starts.
  private final boolean locateNames;
  private int nameLine;
  private int nameColumn;

  private JacksonTreeReader(byte[] in, int offset, int length, boolean locateNames) {
    this.in = in;
    this.start = offset;
    this.end = offset + length;
    this.locateNames = locateNames;
  }

  /** The limits the reader keeps. */
  public static StreamReadConstraints constraints() {
    return FACTORY.streamReadConstraints();
  }

  /**
   * The JSON document in {@code length} bytes of {@code in} from {@code offset}.
   *
   * @throws HttpProblem 400 if they hold no document, more than one, or a malformed one
   */
  public static JsonNode read(byte[] in, int offset, int length) {
    refuseOtherEncodings(in, offset, offset + length);
    try {
      return new JacksonTreeReader(in, offset, length, false).document();
    } catch (DuplicateKey e) {
      return new JacksonTreeReader(in, offset, length, true).document();
    }
  }

  /**
   * UTF-16 and UTF-32 start with a byte-order mark or have a zero byte among the first four, which
   * UTF-8 JSON never has; saying so beats reporting the first odd byte.
   */
  private static void refuseOtherEncodings(byte[] in, int from, int to) {
    int n = Math.min(4, to - from);
    boolean other = n >= 2 && (in[from] & 0xFE) == 0xFE && (in[from + 1] & 0xFE) == 0xFE;
    for (int i = 0; i < n && !other; i++) {
      other = in[from + i] == 0;
    }
    if (other) {
      throw JsonProblems.malformed(
          1, 1, "the body is not UTF-8 (it looks like UTF-16 or UTF-32); send JSON as UTF-8");
    }
  }

  private JsonNode document() {
    int malformed = Utf8.firstMalformed(in, start, end);
    JsonMistakes.Mistake mistake;
    try (JsonParser parser = FACTORY.createParser(in, start, end - start)) {
      JsonMistakes mistakes = new JsonMistakes(in, start, end, parser);
      try {
        JsonNode root = tree(parser);
        requireNothingAfter(parser.currentLocation(), malformed < 0 ? end : malformed);
        if (malformed < 0) {
          return root;
        }
        mistake = mistakes.first(null, malformed);
      } catch (JsonProcessingException e) {
        mistake = mistakes.first(e, malformed);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot happen: parsing bytes in memory", e);
    }
    throw JsonProblems.malformed(mistake.line(), mistake.column(), mistake.reason());
  }

  /**
   * The tree of the parser's first value. Open containers are kept on an explicit stack rather than
   * by recursion: handler threads run with small stacks, and a document may nest {@value
   * Json#MAX_DEPTH} levels deep.
   */
  private JsonNode tree(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw JsonProblems.empty();
    }
    JsonNode root = null;
    ContainerNode<?>[] open = new ContainerNode<?>[8];
    int top = -1;
    String name = null;
    while (true) {
      JsonNode value;
      switch (token) {
        case START_OBJECT -> value = NODES.objectNode();
        case START_ARRAY -> value = NODES.arrayNode();
        case END_OBJECT, END_ARRAY -> {
          if (--top < 0) {
            return root;
          }
          token = parser.nextToken();
          continue;
        }
        case FIELD_NAME -> {
          name = parser.currentName();
          if (locateNames) {
            JsonLocation at = parser.currentTokenLocation();
            nameLine = at.getLineNr();
            nameColumn = at.getColumnNr();
          }
          token = parser.nextToken();
          continue;
        }
        case VALUE_STRING -> value = TextNode.valueOf(parser.getText());
        case VALUE_NUMBER_INT -> value = integer(parser);
        case VALUE_NUMBER_FLOAT -> value = decimal(parser);
        case VALUE_TRUE -> value = BooleanNode.TRUE;
        case VALUE_FALSE -> value = BooleanNode.FALSE;
        case VALUE_NULL -> value = NullNode.getInstance();
        default -> throw new IllegalStateException("not a JSON token: " + token);
      }
      if (top < 0) {
        root = value;
      } else if (open[top] instanceof ArrayNode array) {
        array.add(value);
      } else if (((ObjectNode) open[top]).replace(name, value) != null) {
        if (!locateNames) {
          throw new DuplicateKey();
        }
        throw JsonProblems.malformed(nameLine, nameColumn, "duplicate key '" + name + "'");
      }
      if (value instanceof ContainerNode<?> container) {
        if (++top == open.length) {
          open = Arrays.copyOf(open, top * 2);
        }
        open[top] = container;
      } else if (top < 0) {
        return root;
      }
      token = parser.nextToken();
    }
  }

  /** Integer nodes of the classes the mapper's tree reader picks for each size. */
  private static JsonNode integer(JsonParser parser) throws IOException {
    return switch (parser.getNumberType()) {
      case INT -> IntNode.valueOf(parser.getIntValue());
      case LONG -> LongNode.valueOf(parser.getLongValue());
      default -> BigIntegerNode.valueOf(parser.getBigIntegerValue());
    };
  }

  private JsonNode decimal(JsonParser parser) throws IOException {
    BigDecimal value;
    try {
      value = parser.getDecimalValue();
    } catch (NumberFormatException | ArithmeticException e) {
      // An exponent beyond an int: no exact decimal holds it.
      JsonLocation at = parser.currentTokenLocation();
      throw JsonProblems.malformed(
          at.getLineNr(), at.getColumnNr(), "a number in the document is out of range");
    }
    // The mapper's tree reader strips trailing zeros (1.50 is 1.5, 0.0 is 0) unless the scale
    // would overflow, in which case it keeps the value as written.
    try {
      value = value.stripTrailingZeros();
    } catch (ArithmeticException e) {
      // kept as written
    }
    return DecimalNode.valueOf(value);
  }

  /**
   * Refuses anything but whitespace after the document, which ends at {@code after}, and before
   * {@code limit}.
   */
  private void requireNothingAfter(JsonLocation after, int limit) {
    int line = after.getLineNr();
    int column = after.getColumnNr();
    for (int i = start + (int) after.getByteOffset(); i < limit; i++) {
      byte b = in[i];
      if (b == '\n' || (b == '\r' && (i + 1 == end || in[i + 1] != '\n'))) {
        line++;
        column = 1;
      } else if (b == ' ' || b == '\t' || b == '\r') {
        column++;
      } else {
        throw JsonProblems.trailing(line, column);
      }
    }
  }

  /** A repeated key, found before its position was known. */
  private static final class DuplicateKey extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DuplicateKey() {
      super(null, null, false, false);
    }
  }
}

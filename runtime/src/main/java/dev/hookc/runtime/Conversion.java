package dev.hookc.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How text sent as a parameter or form field becomes the JSON value its schema declares: {@code
 * "5"} as the integer 5, {@code "true"} as a boolean, and repeated values as an array.
 *
 * <p>Conversions are strict: an integer is an optional minus and ASCII digits, a number follows the
 * JSON grammar, and a boolean is exactly {@code true} or {@code false}, so that what a schema
 * validator then sees is what the sender meant.
 */
public final class Conversion {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern INTEGER_TEXT = Pattern.compile("-?(0|[1-9][0-9]*)");
  private static final Pattern NUMBER_TEXT =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  /** Digits beyond this are refused rather than parsed, so a hostile value costs nothing. */
  private static final int MAX_DIGITS = 400;

  private enum Kind {
    STRING("a string"),
    INTEGER("a 64-bit integer"),
    NUMBER("a number"),
    BOOLEAN("a boolean");

    final String described;

    Kind(String described) {
      this.described = described;
    }
  }

  /** The text as sent. */
  public static final Conversion STRING = new Conversion(Kind.STRING, false);

  /** A whole number that fits in 64 bits. */
  public static final Conversion INTEGER = new Conversion(Kind.INTEGER, false);

  /** A JSON number, kept exact. */
  public static final Conversion NUMBER = new Conversion(Kind.NUMBER, false);

  /** {@code true} or {@code false}. */
  public static final Conversion BOOLEAN = new Conversion(Kind.BOOLEAN, false);

  private final Kind kind;
  private final boolean array;

  private Conversion(Kind kind, boolean array) {
    this.kind = kind;
    this.array = array;
  }

  /** Every value of a repeated parameter, each converted by {@code item}. */
  public static Conversion arrayOf(Conversion item) {
    if (item.array) {
      throw new IllegalArgumentException("arrays of arrays are not converted: " + item);
    }
    return new Conversion(item.kind, true);
  }

  /** Whether this takes every value of a repeated parameter. */
  boolean isArray() {
    return array;
  }

  /** What the value must look like, for messages: {@code "an integer"}. */
  String described() {
    return array
        ? "a list of " + kind.name().toLowerCase(java.util.Locale.ROOT) + "s"
        : kind.described;
  }

  /** The values converted, or null if one of them does not convert. */
  JsonNode convert(List<String> values) {
    if (!array) {
      return convert(values.get(0));
    }
    ArrayNode items = NODES.arrayNode();
    for (String value : values) {
      JsonNode item = convert(value);
      if (item == null) {
        return null;
      }
      items.add(item);
    }
    return items;
  }

  private JsonNode convert(String text) {
    switch (kind) {
      case INTEGER:
        // Workflows read integers as Java longs, as they do in bodies, so larger ones are refused.
        return text.length() <= 20
                && INTEGER_TEXT.matcher(text).matches()
                && new BigInteger(text).bitLength() < 64
            ? NODES.numberNode(new BigInteger(text))
            : null;
      case NUMBER:
        return text.length() <= MAX_DIGITS && NUMBER_TEXT.matcher(text).matches()
            ? NODES.numberNode(new BigDecimal(text))
            : null;
      case BOOLEAN:
        return text.equals("true") || text.equals("false")
            ? NODES.booleanNode(text.equals("true"))
            : null;
      default:
        return NODES.textNode(text);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Conversion
        && ((Conversion) o).kind == kind
        && ((Conversion) o).array == array;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, array);
  }

  @Override
  public String toString() {
    return array ? "arrayOf(" + kind + ")" : kind.name();
  }
}

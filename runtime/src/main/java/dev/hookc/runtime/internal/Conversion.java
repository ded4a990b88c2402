package dev.hookc.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How text sent as a parameter or form field becomes the JSON value its schema declares: {@code
 * "5"} as the integer 5, {@code "true"} as a boolean, and repeated values as an array.
 *
 * <p>Conversions are strict: an integer is an optional minus and ASCII digits, a number follows the
 * JSON grammar, and a boolean is exactly {@code true} or {@code false}, so that what a schema
 * validator then sees is what the sender meant.
 *
 * <p>A schema that lists several types ({@code type: [integer, string]}) converts the text to the
 * first of them it fits, always tried in the order null (an empty text only), integer, number,
 * boolean, string, whatever the order in the schema: the most specific reading wins, so {@code "5"}
 * is the integer 5 and {@code "abc"} stays a string.
 */
public final class Conversion {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern INTEGER_TEXT = Pattern.compile("-?(0|[1-9][0-9]*)");
  private static final Pattern NUMBER_TEXT =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  /** Digits beyond this are refused rather than parsed, so a hostile value costs nothing. */
  private static final int MAX_DIGITS = 400;

  /** In the order a list of types is tried: the declaration order is the rule. */
  private enum Kind {
    NULL("empty"),
    INTEGER("a 64-bit integer"),
    NUMBER("a number"),
    BOOLEAN("a boolean"),
    STRING("a string");

    final String described;

    Kind(String described) {
      this.described = described;
    }
  }

  /** The text as sent. */
  public static final Conversion STRING = new Conversion(EnumSet.of(Kind.STRING), false);

  /** A whole number that fits in 64 bits. */
  public static final Conversion INTEGER = new Conversion(EnumSet.of(Kind.INTEGER), false);

  /** A JSON number, kept exact. */
  public static final Conversion NUMBER = new Conversion(EnumSet.of(Kind.NUMBER), false);

  /** {@code true} or {@code false}. */
  public static final Conversion BOOLEAN = new Conversion(EnumSet.of(Kind.BOOLEAN), false);

  /**
   * An empty text as JSON {@code null}: a schema's {@code null} type, only useful in {@link
   * #firstOf}.
   */
  public static final Conversion NULL = new Conversion(EnumSet.of(Kind.NULL), false);

  private final List<Kind> kinds;
  private final boolean array;

  private Conversion(Set<Kind> kinds, boolean array) {
    // An EnumSet iterates in declaration order, which is the order the kinds are tried in.
    this.kinds = List.copyOf(EnumSet.copyOf(kinds));
    this.array = array;
  }

  /** Every value of a repeated parameter, each converted by {@code item}. */
  public static Conversion arrayOf(Conversion item) {
    if (item.array) {
      throw new IllegalArgumentException("arrays of arrays are not converted: " + item);
    }
    return new Conversion(EnumSet.copyOf(item.kinds), true);
  }

  /**
   * The first of {@code alternatives} that the text fits, tried in the fixed order null, integer,
   * number, boolean, string (a schema's {@code type: [string, integer]} is {@code firstOf(STRING,
   * INTEGER)}).
   */
  public static Conversion firstOf(Conversion... alternatives) {
    if (alternatives.length == 0) {
      throw new IllegalArgumentException("no alternatives to convert to");
    }
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    for (Conversion alternative : alternatives) {
      if (alternative.array) {
        throw new IllegalArgumentException("an array is not an alternative: " + alternative);
      }
      kinds.addAll(alternative.kinds);
    }
    return new Conversion(kinds, false);
  }

  /** Whether this takes every value of a repeated parameter. */
  boolean isArray() {
    return array;
  }

  /** What the value must look like, for messages: {@code "a 64-bit integer or a string"}. */
  String described() {
    if (!array) {
      return alternatives(kinds.stream().map(k -> k.described).toList());
    }
    if (kinds.size() == 1) {
      return "a list of " + kinds.get(0).name().toLowerCase(Locale.ROOT) + "s";
    }
    return "a list whose items are each "
        + alternatives(kinds.stream().map(k -> k.described).toList());
  }

  private static String alternatives(List<String> described) {
    if (described.size() == 1) {
      return described.get(0);
    }
    List<String> head = new ArrayList<>(described.subList(0, described.size() - 1));
    return String.join(", ", head) + " or " + described.get(described.size() - 1);
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
    for (Kind kind : kinds) {
      JsonNode value = convert(kind, text);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static JsonNode convert(Kind kind, String text) {
    switch (kind) {
      case NULL:
        return text.isEmpty() ? NODES.nullNode() : null;
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
    return o instanceof Conversion other && other.kinds.equals(kinds) && other.array == array;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kinds, array);
  }

  @Override
  public String toString() {
    String item = kinds.size() == 1 ? kinds.get(0).name() : "firstOf" + kinds;
    return array ? "arrayOf(" + item + ")" : item;
  }
}

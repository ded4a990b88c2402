package dev.hookc.runtime.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * JavaScript's rules for the values of compiled expressions: truthiness, equality, comparison,
 * {@code +}, {@code &&}/{@code ||}/{@code ??}, member access and conversions between Java values
 * and Jackson nodes.
 *
 * <p>A Java {@code null} (and a JSON {@code null}) stands for a missing value. Member access on it
 * yields {@code null} instead of throwing; arithmetic and ordering treat it as JavaScript treats
 * {@code undefined} (the result is {@code null}, a comparison is false).
 */
public final class Js {
  private static final JsonNodeFactory NODES = new JsonNodeFactory(true);
  private static final ObjectMapper MAPPER = new ObjectMapper().setNodeFactory(NODES);

  private Js() {}

  // ---- truthiness and logic ----

  /** JavaScript truthiness: {@code null}, {@code false}, {@code 0} and {@code ""} are false. */
  public static boolean truthy(Object value) {
    Object v = JsValues.primitive(value);
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    if (v instanceof BigDecimal d) {
      return d.signum() != 0;
    }
    return true;
  }

  /** {@code a || b}: {@code a} when it is truthy, else {@code b}. */
  public static <T> T or(T a, T b) {
    return truthy(a) ? a : b;
  }

  /** {@code a && b}: {@code a} when it is falsy, else {@code b}. */
  public static <T> T and(T a, T b) {
    return truthy(a) ? b : a;
  }

  /** {@code a ?? b}: {@code a} unless it is missing. */
  public static <T> T coalesce(T a, T b) {
    return JsValues.isNull(a) ? b : a;
  }

  /** Applies {@code read} to {@code value}, or yields {@code null} when the value is missing. */
  public static <T, R> R then(T value, Function<? super T, ? extends R> read) {
    return value == null ? null : read.apply(value);
  }

  // ---- equality and ordering ----

  /** {@code a === b}: same kind and value; numbers compare by value, objects by identity. */
  public static boolean strictEquals(Object a, Object b) {
    Object x = JsValues.primitive(a);
    Object y = JsValues.primitive(b);
    if (x == null || y == null) {
      return x == y;
    }
    if (x instanceof BigDecimal m && y instanceof BigDecimal n) {
      return m.compareTo(n) == 0;
    }
    if (x instanceof String || x instanceof Boolean) {
      return x.equals(y);
    }
    return x == y;
  }

  /**
   * {@code a == b}: like {@code ===} after JavaScript's conversions between strings, numbers and
   * booleans.
   */
  public static boolean looseEquals(Object a, Object b) {
    Object x = JsValues.primitive(a);
    Object y = JsValues.primitive(b);
    if (x == null || y == null) {
      return x == y;
    }
    if (JsValues.isScalar(x) && JsValues.isScalar(y) && x.getClass() != y.getClass()) {
      BigDecimal m = JsValues.toNumber(x);
      BigDecimal n = JsValues.toNumber(y);
      return m != null && n != null && m.compareTo(n) == 0;
    }
    return strictEquals(x, y);
  }

  /** {@code a < b}. */
  public static boolean lt(Object a, Object b) {
    Integer c = JsValues.compare(a, b);
    return c != null && c < 0;
  }

  /** {@code a <= b}. */
  public static boolean le(Object a, Object b) {
    Integer c = JsValues.compare(a, b);
    return c != null && c <= 0;
  }

  /** {@code a > b}. */
  public static boolean gt(Object a, Object b) {
    Integer c = JsValues.compare(a, b);
    return c != null && c > 0;
  }

  /** {@code a >= b}. */
  public static boolean ge(Object a, Object b) {
    Integer c = JsValues.compare(a, b);
    return c != null && c >= 0;
  }

  // ---- arithmetic on values of known type that may be missing ----

  /**
   * {@code a + b} on integers, exact: beyond a {@code long} the sum is promoted instead of wrapping
   * or failing; {@code null} when either is missing.
   */
  public static BigDecimal add(Long a, Long b) {
    return a == null || b == null ? null : JsNumbers.add(a.longValue(), b.longValue());
  }

  /** {@code a - b} on integers, exact (promoted beyond a {@code long}); {@code null} if missing. */
  public static BigDecimal subtract(Long a, Long b) {
    return a == null || b == null ? null : JsNumbers.subtract(a.longValue(), b.longValue());
  }

  /** {@code a * b} on integers, exact (promoted beyond a {@code long}); {@code null} if missing. */
  public static BigDecimal multiply(Long a, Long b) {
    return a == null || b == null ? null : JsNumbers.multiply(a.longValue(), b.longValue());
  }

  /** {@code a % b} on integers, with the dividend's sign; {@code null} for a zero divisor. */
  public static Long remainder(Long a, Long b) {
    return a == null || b == null || b == 0 ? null : a % b;
  }

  /** {@code -a} on an integer, exact ({@code -Long.MIN_VALUE} is promoted). */
  public static BigDecimal negate(Long a) {
    return a == null ? null : JsNumbers.negate(a.longValue());
  }

  /**
   * {@code a + b} on numbers: exact up to 1000 significant digits, rounded beyond; {@code null}
   * when either is missing.
   */
  public static BigDecimal add(BigDecimal a, BigDecimal b) {
    return a == null || b == null ? null : JsNumbers.add(a, b);
  }

  /** {@code a - b} on numbers, as {@link #add(BigDecimal, BigDecimal)}. */
  public static BigDecimal subtract(BigDecimal a, BigDecimal b) {
    return a == null || b == null ? null : JsNumbers.add(a, b.negate());
  }

  /**
   * {@code a * b} on numbers; {@code null} when either is missing, or when the result is beyond
   * what a decimal holds (JavaScript's {@code Infinity}, which JSON writes as {@code null}).
   */
  public static BigDecimal multiply(BigDecimal a, BigDecimal b) {
    return a == null || b == null ? null : JsNumbers.multiply(a, b);
  }

  /** {@code a % b} on numbers, exact, with the dividend's sign; {@code null} for a zero divisor. */
  public static BigDecimal remainder(BigDecimal a, BigDecimal b) {
    return a == null || b == null ? null : JsNumbers.remainder(a, b);
  }

  /** {@code -a} on a number. */
  public static BigDecimal negate(BigDecimal a) {
    return a == null ? null : a.negate();
  }

  /**
   * {@code a / b}: exact when the quotient has a finite decimal expansion, else rounded to 16
   * significant digits as JavaScript prints it; {@code null} (JavaScript's {@code Infinity} or
   * {@code NaN}, which JSON writes as {@code null}) for a zero divisor.
   */
  public static BigDecimal divide(BigDecimal a, BigDecimal b) {
    return JsValues.divide(a, b);
  }

  /** A {@code Long} as a {@code BigDecimal}, keeping {@code null}. */
  public static BigDecimal decimal(Long value) {
    return value == null ? null : BigDecimal.valueOf(value);
  }

  // ---- arithmetic on values known only at runtime ----

  /** {@code a + b}: concatenation when either side is a string, else numeric addition. */
  public static JsonNode plus(Object a, Object b) {
    Object x = JsValues.primitive(a);
    Object y = JsValues.primitive(b);
    if (x instanceof String
        || y instanceof String
        || JsValues.isContainer(x)
        || JsValues.isContainer(y)) {
      return NODES.textNode(string(a) + string(b));
    }
    return numberNode(add(JsValues.toNumber(x), JsValues.toNumber(y)));
  }

  /** {@code a - b} after converting both to numbers. */
  public static BigDecimal minus(Object a, Object b) {
    return subtract(JsValues.toNumber(a), JsValues.toNumber(b));
  }

  /** {@code a * b} after converting both to numbers. */
  public static BigDecimal times(Object a, Object b) {
    return multiply(JsValues.toNumber(a), JsValues.toNumber(b));
  }

  /** {@code a / b} after converting both to numbers. */
  public static BigDecimal quotient(Object a, Object b) {
    return divide(JsValues.toNumber(a), JsValues.toNumber(b));
  }

  /** {@code a % b} after converting both to numbers. */
  public static BigDecimal modulo(Object a, Object b) {
    return remainder(JsValues.toNumber(a), JsValues.toNumber(b));
  }

  /** {@code -a} after converting to a number. */
  public static BigDecimal negative(Object a) {
    return negate(JsValues.toNumber(a));
  }

  /** {@code +a}: JavaScript's {@code Number(a)}; {@code null} for what would be {@code NaN}. */
  public static BigDecimal toNumber(Object a) {
    return JsValues.toNumber(a);
  }

  // ---- strings ----

  /** JavaScript's {@code String(a)}; a missing value is {@code "null"}. */
  public static String string(Object value) {
    return JsValues.string(value);
  }

  // ---- member access ----

  /** {@code target.name} on a value of unknown shape; {@code null} when there is no such field. */
  public static JsonNode member(Object target, String name) {
    JsonNode node = node(target);
    if (node.isObject()) {
      return nullToMissing(node.get(name));
    }
    if ("length".equals(name)) {
      return numberNode(JsValues.length(node));
    }
    return null;
  }

  /** {@code target[key]}: an array element, an object field or a character of a string. */
  public static JsonNode index(Object target, Object key) {
    JsonNode node = node(target);
    Object k = JsValues.primitive(key);
    if (k instanceof BigDecimal n && (node.isArray() || node.isTextual())) {
      if (n.signum() < 0 || n.stripTrailingZeros().scale() > 0 || n.compareTo(MAX_INT) > 0) {
        return null;
      }
      int i = n.intValue();
      if (node.isTextual()) {
        String s = node.textValue();
        return i < s.length() ? NODES.textNode(String.valueOf(s.charAt(i))) : null;
      }
      return nullToMissing(node.get(i));
    }
    return k == null ? null : member(node, string(k));
  }

  private static final BigDecimal MAX_INT = BigDecimal.valueOf(Integer.MAX_VALUE);

  /**
   * JavaScript's {@code ToIntegerOrInfinity} within a {@code long}, for a method's position: the
   * integer part, the nearest {@code long} beyond; {@code null} stays {@code null}.
   */
  public static Long integer(BigDecimal value) {
    return JsNumbers.integer(value);
  }

  /** {@code list[index]} with a number: {@code null} unless it is a whole index in range. */
  public static <T> T at(List<T> list, BigDecimal index) {
    return at(list, wholeIndex(index));
  }

  /** {@code text[index]} with a number: {@code null} unless it is a whole index in range. */
  public static String charAt(String text, BigDecimal index) {
    return charAt(text, wholeIndex(index));
  }

  private static Long wholeIndex(BigDecimal n) {
    if (n == null || n.signum() < 0 || n.compareTo(MAX_INT) > 0) {
      return null;
    }
    return n.stripTrailingZeros().scale() > 0 ? null : n.longValue();
  }

  /** {@code list[index]}; {@code null} out of range. */
  public static <T> T at(List<T> list, Long index) {
    if (list == null || index == null || index < 0 || index >= list.size()) {
      return null;
    }
    return list.get(index.intValue());
  }

  /**
   * {@code text[index]}: the UTF-16 unit at {@code index} as a string; {@code null} out of range.
   */
  public static String charAt(String text, Long index) {
    if (text == null || index == null || index < 0 || index >= text.length()) {
      return null;
    }
    return String.valueOf(text.charAt(index.intValue()));
  }

  // ---- construction and conversion ----

  /** A JSON object from alternating keys and values, in order. */
  public static ObjectNode object(Object... keysAndValues) {
    ObjectNode object = NODES.objectNode();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      object.set((String) keysAndValues[i], node(keysAndValues[i + 1]));
    }
    return object;
  }

  /** A list of the given items; items may be {@code null}. */
  @SafeVarargs
  public static <T> List<T> list(T... items) {
    List<T> list = new ArrayList<>(items.length);
    for (T item : items) {
      list.add(item);
    }
    return list;
  }

  /** Any value as a JSON node; {@code null} becomes JSON {@code null}. */
  public static JsonNode node(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof JsonNode n) {
      return n;
    }
    if (value instanceof String s) {
      return NODES.textNode(s);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (value instanceof BigDecimal d) {
      return numberNode(d);
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode();
      list.forEach(item -> array.add(node(item)));
      return array;
    }
    return MAPPER.valueToTree(value);
  }

  /** A node's text, or {@code null} when it is not a string. */
  public static String asString(JsonNode node) {
    return node != null && node.isTextual() ? node.textValue() : null;
  }

  /** A node's integer value, or {@code null} when it is not an integral number. */
  public static Long asLong(JsonNode node) {
    BigDecimal d = asDecimal(node);
    if (d == null) {
      return null;
    }
    try {
      return d.longValueExact();
    } catch (ArithmeticException notIntegral) {
      return null;
    }
  }

  /** A node's numeric value, or {@code null} when it is not a number. */
  public static BigDecimal asDecimal(JsonNode node) {
    return node != null && node.isNumber() ? node.decimalValue() : null;
  }

  /** A node's boolean value, or {@code null} when it is not a boolean. */
  public static Boolean asBoolean(JsonNode node) {
    return (node != null && node.isBoolean()) ? node.booleanValue() : null;
  }

  static JsonNode numberNode(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18) {
      return NODES.numberNode(stripped.longValueExact());
    }
    if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= JsNumbers.MAX_DIGITS) {
      return NODES.numberNode(stripped.toBigIntegerExact());
    }
    return NODES.numberNode(stripped);
  }

  private static JsonNode nullToMissing(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode() ? null : node;
  }
}

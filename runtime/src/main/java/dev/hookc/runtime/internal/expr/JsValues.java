package dev.hookc.runtime.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Conversions behind {@link Js}: every value reduced to null, boolean, string, number or object.
 */
final class JsValues {
  /** JavaScript prints a double with at most 17 significant digits; 16 keeps 1/3 as it prints. */
  private static final MathContext DOUBLE_DIGITS = MathContext.DECIMAL64;

  /**
   * A decimal as JavaScript's {@code Number(text)} reads it. The text comes from senders, and
   * java.util.regex needs quadratic time to refuse a long run of digits that ends badly, since
   * {@code \d+\.?\d*} can split the run anywhere: RE2/J takes linear time.
   */
  private static final Pattern DECIMAL_TEXT =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private JsValues() {}

  /**
   * The value as JavaScript sees it: {@code null}, {@code Boolean}, {@code String}, {@code
   * BigDecimal} for every number, or the object itself (a list, a JSON container, a payload).
   */
  static Object primitive(Object value) {
    if (value instanceof JsonNode node) {
      if (node.isNull() || node.isMissingNode()) {
        return null;
      }
      if (node.isTextual()) {
        return node.textValue();
      }
      if (node.isBoolean()) {
        return node.booleanValue();
      }
      if (node.isNumber()) {
        return node.decimalValue();
      }
      return node;
    }
    if (value instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    if (value instanceof Integer i) {
      return BigDecimal.valueOf(i);
    }
    if (value instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? null : BigDecimal.valueOf(d);
    }
    return value;
  }

  static boolean isNull(Object value) {
    return primitive(value) == null;
  }

  static boolean isScalar(Object v) {
    return v instanceof String || v instanceof Boolean || v instanceof BigDecimal;
  }

  static boolean isContainer(Object v) {
    return v != null && !isScalar(v);
  }

  /** JavaScript's {@code Number(v)}, with {@code null} for {@code NaN} and for a missing value. */
  static BigDecimal toNumber(Object value) {
    Object v = primitive(value);
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (v instanceof String s) {
      String t = s.strip();
      if (t.isEmpty()) {
        return BigDecimal.ZERO;
      }
      // Longer than any number a request body may hold: not worth parsing (JavaScript: a double).
      if (t.length() > JsNumbers.MAX_DIGITS || !DECIMAL_TEXT.matches(t)) {
        return null;
      }
      try {
        return new BigDecimal(t.startsWith("+") ? t.substring(1) : t);
      } catch (NumberFormatException exponentOutOfRange) {
        // "1e99999999999": JavaScript's Infinity or 0, which JSON writes as null.
        return null;
      }
    }
    return null;
  }

  /**
   * Orders two values as {@code <} does; {@code null} when JavaScript would answer false both ways.
   */
  static Integer compare(Object a, Object b) {
    Object x = primitive(a);
    Object y = primitive(b);
    if (x instanceof String s && y instanceof String t) {
      return Integer.signum(s.compareTo(t));
    }
    BigDecimal m = toNumber(x);
    BigDecimal n = toNumber(y);
    return m == null || n == null ? null : m.compareTo(n);
  }

  static BigDecimal divide(BigDecimal a, BigDecimal b) {
    if (a == null || b == null || b.signum() == 0) {
      return null;
    }
    try {
      try {
        return a.divide(b);
      } catch (ArithmeticException nonTerminating) {
        return a.divide(b, DOUBLE_DIGITS);
      }
    } catch (ArithmeticException outOfRange) {
      // The exponent is beyond what a decimal holds: JavaScript's Infinity or 0, JSON's null.
      return null;
    }
  }

  /** JavaScript's {@code String(v)}. */
  static String string(Object value) {
    Object v = primitive(value);
    if (v == null) {
      return "null";
    }
    if (v instanceof BigDecimal d) {
      return JsNumbers.string(d);
    }
    if (v instanceof List<?> list) {
      return list.stream()
          .map(item -> item == null ? "" : string(item))
          .collect(Collectors.joining(","));
    }
    if (v instanceof JsonNode node) {
      if (node.isArray()) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < node.size(); i++) {
          joined.append(i > 0 ? "," : "").append(isNull(node.get(i)) ? "" : string(node.get(i)));
        }
        return joined.toString();
      }
      return "[object Object]";
    }
    if (v instanceof String || v instanceof Boolean) {
      return v.toString();
    }
    return "[object Object]";
  }

  /** The length of a string or array node; {@code null} for anything else. */
  static BigDecimal length(JsonNode node) {
    if (node.isTextual()) {
      return BigDecimal.valueOf(node.textValue().length());
    }
    return node.isArray() ? BigDecimal.valueOf(node.size()) : null;
  }
}

package dev.hookc.runtime.internal.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * JSON Schema's view of JSON values, which differs from Jackson's: numbers are compared by value
 * ({@code 1 == 1.0}), {@code 1.0} is an integer, objects are equal regardless of member order, and
 * string lengths count code points.
 */
public final class JsonValues {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().setNodeFactory(new JsonNodeFactory(true));

  private JsonValues() {}

  /** Parses a JSON literal embedded in generated code; the text is known to be valid. */
  public static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + json, e);
    }
  }

  /** Whether {@code node} is a number with no fractional part. */
  public static boolean isInteger(JsonNode node) {
    if (node.isIntegralNumber()) {
      return true;
    }
    if (!node.isNumber()) {
      return false;
    }
    if (node.isBigDecimal()) {
      BigDecimal value = node.decimalValue();
      return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }
    double value = node.doubleValue();
    return !Double.isInfinite(value) && value == Math.rint(value);
  }

  /** The length of a string in code points, as JSON Schema counts it. */
  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  /** Whether two JSON values are equal under JSON Schema's rules. */
  public static boolean equal(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      if ((a.isInt() || a.isLong()) && (b.isInt() || b.isLong())) {
        return a.longValue() == b.longValue();
      }
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.getNodeType() != b.getNodeType() || a.size() != b.size()) {
      return false;
    }
    if (a.isArray()) {
      for (int i = 0; i < a.size(); i++) {
        if (!equal(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject()) {
      for (Map.Entry<String, JsonNode> field : a.properties()) {
        JsonNode other = b.get(field.getKey());
        if (other == null || !equal(field.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** Whether {@code node} equals any of {@code values}. */
  public static boolean isOneOf(JsonNode node, JsonNode values) {
    for (JsonNode value : values) {
      if (equal(node, value)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The index of the first item of {@code array} that equals an earlier one, as {@code {first,
   * second}}, or null when all items are distinct.
   */
  public static int[] firstDuplicate(JsonNode array) {
    int size = array.size();
    for (int i = 1; i < size; i++) {
      JsonNode item = array.get(i);
      for (int j = 0; j < i; j++) {
        if (equal(array.get(j), item)) {
          return new int[] {j, i};
        }
      }
    }
    return null;
  }

  /** Compares a number with an integer limit, exactly. */
  public static int compare(JsonNode number, long limit) {
    if (number.isInt() || number.isLong()) {
      return Long.compare(number.longValue(), limit);
    }
    return number.decimalValue().compareTo(BigDecimal.valueOf(limit));
  }

  /** Compares a number with a decimal limit, exactly. */
  public static int compare(JsonNode number, BigDecimal limit) {
    return number.decimalValue().compareTo(limit);
  }

  /**
   * Whether a number divided by {@code divisor} is an integer, computed exactly and as quickly for
   * {@code 1e999999999} or {@code 1e-999999999} as for {@code 12.5}: the powers of ten are never
   * written out.
   */
  public static boolean isMultipleOf(JsonNode number, BigDecimal divisor) {
    if ((number.isInt() || number.isLong())
        && divisor.scale() == 0
        && divisor.unscaledValue().bitLength() < 63) {
      return number.longValue() % divisor.longValueExact() == 0;
    }
    BigDecimal value = number.decimalValue();
    if (value.signum() == 0) {
      return true;
    }
    // value = a * 10^-s and divisor = b * 10^-t, neither a nor b ending in a zero digit.
    BigDecimal a = value.stripTrailingZeros();
    BigDecimal b = divisor.stripTrailingZeros();
    if (a.scale() > b.scale()) {
      // value / divisor = a / (b * 10^(s-t)), and 10 does not divide a.
      return false;
    }
    // value / divisor = a * 10^(t-s) / b: whole when b divides it.
    BigInteger modulus = b.unscaledValue().abs();
    BigInteger shift =
        BigInteger.TEN.modPow(BigInteger.valueOf((long) b.scale() - a.scale()), modulus);
    return a.unscaledValue().mod(modulus).multiply(shift).mod(modulus).signum() == 0;
  }
}

package dev.hookc.runtime.internal.datasource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.UUID;

/**
 * Column values as JSON, the way the compiler types result columns: whole numbers are integers,
 * other numbers exact decimals, dates and times ISO-8601 strings, binary base64, anything else its
 * text.
 */
public final class JdbcValues {
  private static final JsonNodeFactory JSON = new JsonNodeFactory(true);

  private JdbcValues() {}

  /** {@code value} as JSON. */
  public static JsonNode toJson(Object value) {
    if (value == null) {
      return JSON.nullNode();
    }
    if (value instanceof JsonNode json) {
      return json;
    }
    if (value instanceof Boolean b) {
      return JSON.booleanNode(b);
    }
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return JSON.numberNode(((Number) value).longValue());
    }
    if (value instanceof BigInteger big) {
      return JSON.numberNode(big);
    }
    if (value instanceof BigDecimal decimal) {
      return JSON.numberNode(decimal);
    }
    if (value instanceof Double d) {
      return JSON.numberNode(BigDecimal.valueOf(d));
    }
    if (value instanceof Float f) {
      return JSON.numberNode(new BigDecimal(f.toString()));
    }
    if (value instanceof byte[] bytes) {
      return JSON.textNode(Base64.getEncoder().encodeToString(bytes));
    }
    if (value instanceof java.sql.Timestamp t) {
      return JSON.textNode(t.toLocalDateTime().toString());
    }
    if (value instanceof java.sql.Date d) {
      return JSON.textNode(d.toLocalDate().toString());
    }
    if (value instanceof java.sql.Time t) {
      return JSON.textNode(t.toLocalTime().toString());
    }
    if (value instanceof TemporalAccessor || value instanceof UUID) {
      return JSON.textNode(value.toString());
    }
    return JSON.textNode(value.toString());
  }
}

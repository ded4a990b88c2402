package dev.hookc.runtime.internal.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;

/**
 * Binds a statement's values by their Java type and, where the driver knows it, the parameter's SQL
 * type: values from a workflow are JSON scalars and strings, and PostgreSQL refuses a {@code
 * varchar} where it expects a timestamp, a number or a uuid, so an ISO-8601 string for a date or
 * time parameter is bound as that date or time, a numeric string for a number as that number, and
 * any string for a type the driver does not map (uuid, json) untyped, for the database to convert.
 */
final class ValueBinder {
  /** A parameter whose SQL type the driver does not tell. */
  static final int UNKNOWN = Integer.MIN_VALUE;

  private ValueBinder() {}

  /** The SQL type of each parameter of {@code statement}, {@link #UNKNOWN} where not told. */
  static int[] parameterTypes(PreparedStatement statement, int count) {
    int[] types = new int[count];
    java.util.Arrays.fill(types, UNKNOWN);
    try {
      ParameterMetaData meta = statement.getParameterMetaData();
      for (int i = 0; i < count; i++) {
        types[i] = meta.getParameterType(i + 1);
      }
    } catch (SQLException | RuntimeException e) {
      // A driver that cannot tell: values are bound by their Java type alone.
    }
    return types;
  }

  /** Binds {@code value} to parameter {@code index} (1-based), whose SQL type is {@code type}. */
  static void bind(PreparedStatement statement, int index, Object value, int type)
      throws SQLException {
    Object plain = value instanceof JsonNode json ? unwrapped(json) : value;
    if (plain == null) {
      statement.setNull(index, type == UNKNOWN ? Types.NULL : type);
    } else if (plain instanceof String text) {
      bindText(statement, index, text, type);
    } else if (isCharacter(type) && (plain instanceof Number || plain instanceof Boolean)) {
      statement.setString(
          index, plain instanceof BigDecimal d ? d.toPlainString() : plain.toString());
    } else if (plain instanceof Integer i) {
      statement.setInt(index, i);
    } else if (plain instanceof Long || plain instanceof Short || plain instanceof Byte) {
      statement.setLong(index, ((Number) plain).longValue());
    } else if (plain instanceof BigInteger big) {
      statement.setBigDecimal(index, new BigDecimal(big));
    } else if (plain instanceof BigDecimal decimal) {
      statement.setBigDecimal(index, decimal);
    } else if (plain instanceof Double || plain instanceof Float) {
      if (type == Types.NUMERIC || type == Types.DECIMAL) {
        statement.setBigDecimal(index, new BigDecimal(plain.toString()));
      } else {
        statement.setDouble(index, ((Number) plain).doubleValue());
      }
    } else if (plain instanceof Boolean b) {
      statement.setBoolean(index, b);
    } else {
      statement.setObject(index, plain);
    }
  }

  /** A JSON scalar as its Java value; an object or array as its JSON text. */
  private static Object unwrapped(JsonNode json) {
    if (json.isNull() || json.isMissingNode()) {
      return null;
    }
    if (json.isTextual()) {
      return json.textValue();
    }
    if (json.isBoolean()) {
      return json.booleanValue();
    }
    if (json.isIntegralNumber()) {
      return json.canConvertToLong() ? (Object) json.longValue() : json.bigIntegerValue();
    }
    if (json.isNumber()) {
      return json.decimalValue();
    }
    if (json.isBinary()) {
      try {
        return json.binaryValue();
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e); // a binary node holds its bytes
      }
    }
    return json.toString();
  }

  private static void bindText(PreparedStatement statement, int index, String text, int type)
      throws SQLException {
    Object converted =
        switch (type) {
          case Types.DATE -> temporal(() -> LocalDate.parse(text));
          case Types.TIME -> temporal(() -> LocalTime.parse(text));
          case Types.TIME_WITH_TIMEZONE -> temporal(() -> OffsetTime.parse(text));
          case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> timestamp(text);
          case Types.INTEGER,
              Types.BIGINT,
              Types.SMALLINT,
              Types.TINYINT,
              Types.NUMERIC,
              Types.DECIMAL,
              Types.DOUBLE,
              Types.REAL,
              Types.FLOAT ->
              number(text);
          case Types.BOOLEAN, Types.BIT ->
              "true".equals(text) ? Boolean.TRUE : "false".equals(text) ? Boolean.FALSE : null;
          default -> null;
        };
    if (converted instanceof BigDecimal decimal) {
      statement.setBigDecimal(index, decimal);
    } else if (converted != null) {
      statement.setObject(index, converted);
    } else if (type == Types.OTHER) {
      // uuid, json, an enum: untyped, for the database to read as the parameter's type.
      statement.setObject(index, text, Types.OTHER);
    } else {
      statement.setString(index, text);
    }
  }

  /** A timestamp with its offset when it has one ({@code Z}, {@code +02:00}), else local. */
  private static Object timestamp(String text) {
    Object offset = temporal(() -> OffsetDateTime.parse(text));
    return offset != null ? offset : temporal(() -> LocalDateTime.parse(text));
  }

  private static Object number(String text) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      return null; // bound as text: the database's refusal names the statement
    }
  }

  /**
   * The parsed value, or null when the text is not one: bound as text, for the database to read.
   */
  private static Object temporal(java.util.function.Supplier<Object> parse) {
    try {
      return parse.get();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static boolean isCharacter(int type) {
    return type == Types.VARCHAR
        || type == Types.CHAR
        || type == Types.LONGVARCHAR
        || type == Types.NVARCHAR
        || type == Types.NCHAR
        || type == Types.CLOB;
  }
}

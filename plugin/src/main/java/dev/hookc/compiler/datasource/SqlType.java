package dev.hookc.compiler.datasource;

import dev.hookc.compiler.expr.ExprType;
import java.sql.Types;
import java.util.Locale;

/**
 * The kinds of SQL type a statement's parameter or column has, as far as binding a value and
 * reading one back are concerned.
 */
public enum SqlType {
  INTEGER("an integer"),
  NUMERIC("a number"),
  BOOLEAN("a boolean"),
  TEXT("a string"),
  /** Dates, times, UUIDs: written as strings in JSON. */
  TEMPORAL("a string (ISO-8601)"),
  JSON("any JSON value"),
  /** A type the database could not infer: any single value. */
  ANY("any value");

  private final String accepts;

  SqlType(String accepts) {
    this.accepts = accepts;
  }

  /** What a value bound to it must be, for messages. */
  public String accepts() {
    return accepts;
  }

  /** The kind of a JDBC type. */
  static SqlType of(int jdbcType, String typeName) {
    String name = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
    if (name.startsWith("JSON")) {
      return JSON;
    }
    switch (jdbcType) {
      case Types.TINYINT:
      case Types.SMALLINT:
      case Types.INTEGER:
      case Types.BIGINT:
        return INTEGER;
      case Types.NUMERIC:
      case Types.DECIMAL:
      case Types.REAL:
      case Types.FLOAT:
      case Types.DOUBLE:
        return NUMERIC;
      case Types.BOOLEAN:
      case Types.BIT:
        return BOOLEAN;
      case Types.CHAR:
      case Types.VARCHAR:
      case Types.LONGVARCHAR:
      case Types.NCHAR:
      case Types.NVARCHAR:
      case Types.LONGNVARCHAR:
      case Types.CLOB:
      case Types.NCLOB:
        return TEXT;
      case Types.DATE:
      case Types.TIME:
      case Types.TIMESTAMP:
      case Types.TIME_WITH_TIMEZONE:
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return TEMPORAL;
      case Types.NULL:
      case Types.OTHER:
      case Types.JAVA_OBJECT:
        return name.equals("UUID") ? TEMPORAL : ANY;
      default:
        return TEXT;
    }
  }

  /** How a column of this kind reads in expressions. */
  ExprType exprType() {
    switch (this) {
      case INTEGER:
        return ExprType.INTEGER;
      case NUMERIC:
        return ExprType.NUMBER;
      case BOOLEAN:
        return ExprType.BOOLEAN;
      case JSON:
      case ANY:
        return ExprType.DYNAMIC;
      default:
        return ExprType.STRING;
    }
  }

  /** Whether a value of static type {@code type} can be bound to a parameter of this kind. */
  public boolean binds(ExprType type) {
    if (type instanceof ExprType.DynamicType || type instanceof ExprType.NullType) {
      return true;
    }
    boolean scalar =
        type instanceof ExprType.StringType
            || type instanceof ExprType.IntegerType
            || type instanceof ExprType.NumberType
            || type instanceof ExprType.BooleanType;
    switch (this) {
      case INTEGER:
        return type instanceof ExprType.IntegerType;
      case NUMERIC:
        return type instanceof ExprType.IntegerType || type instanceof ExprType.NumberType;
      case BOOLEAN:
        return type instanceof ExprType.BooleanType;
      case TEXT:
      case TEMPORAL:
        return type instanceof ExprType.StringType;
      case JSON:
        return true;
      default:
        return scalar;
    }
  }
}

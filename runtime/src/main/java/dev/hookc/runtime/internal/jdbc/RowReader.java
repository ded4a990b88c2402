package dev.hookc.runtime.internal.jdbc;

import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads rows as maps from lower-case column label to value, in select order. Dates and times are
 * read as {@code java.time} values, so that they print as ISO-8601 whatever the JVM's time zone (a
 * {@code timestamptz} with its offset); large objects as their text or bytes, since they cannot be
 * read once the connection is back in the pool.
 */
final class RowReader {
  private RowReader() {}

  static List<Map<String, Object>> rows(ResultSet rows) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    int count = meta.getColumnCount();
    String[] labels = new String[count];
    int[] types = new int[count];
    String[] typeNames = new String[count];
    for (int i = 0; i < count; i++) {
      labels[i] = meta.getColumnLabel(i + 1).toLowerCase(Locale.ROOT);
      types[i] = meta.getColumnType(i + 1);
      typeNames[i] = meta.getColumnTypeName(i + 1);
    }
    List<Map<String, Object>> result = new ArrayList<>();
    while (rows.next()) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        row.put(labels[i], value(rows, i + 1, types[i], typeNames[i]));
      }
      result.add(Collections.unmodifiableMap(row));
    }
    return result;
  }

  private static Object value(ResultSet rows, int column, int type, String typeName)
      throws SQLException {
    Object value =
        switch (type) {
          case Types.DATE -> rows.getObject(column, LocalDate.class);
          case Types.TIME -> rows.getObject(column, LocalTime.class);
          case Types.TIME_WITH_TIMEZONE -> rows.getObject(column, OffsetTime.class);
          case Types.TIMESTAMP_WITH_TIMEZONE -> rows.getObject(column, OffsetDateTime.class);
          case Types.TIMESTAMP ->
              // PostgreSQL's driver reports a timestamptz as TIMESTAMP.
              "timestamptz".equalsIgnoreCase(typeName)
                  ? rows.getObject(column, OffsetDateTime.class)
                  : rows.getObject(column, LocalDateTime.class);
          default -> rows.getObject(column);
        };
    if (value instanceof Clob) {
      return rows.getString(column);
    }
    if (value instanceof Blob) {
      return rows.getBytes(column);
    }
    return value;
  }
}

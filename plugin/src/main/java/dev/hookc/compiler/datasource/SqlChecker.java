package dev.hookc.compiler.datasource;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.model.Datasource;
import dev.hookc.runtime.internal.datasource.NamedSql;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a jdbc datasource at build time: its migrations are applied, in version order, to an
 * in-memory H2 database (in PostgreSQL mode for {@code dialect: postgresql}), then every statement
 * is read with the runtime's {@link NamedSql} and prepared there, which finds unknown tables and
 * columns and gives the result columns and parameter types.
 */
public final class SqlChecker {
  private static final String POSTGRESQL_MODE =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  /** A name H2 quotes in its message: {@code Column "idd" not found}. */
  private static final Pattern QUOTED_NAME = Pattern.compile("^[^\"]*\"([^\"\\[]+)\"");

  private final Diagnostics diagnostics;

  public SqlChecker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** The shape of each statement the database accepted, by name; errors reported. */
  public Map<String, StatementShape> check(Datasource.Jdbc datasource) {
    Map<String, StatementShape> shapes = new LinkedHashMap<>();
    String url =
        "jdbc:h2:mem:hookc_check_"
            + UUID.randomUUID().toString().replace("-", "")
            + (datasource.dialect().equals("postgresql") ? POSTGRESQL_MODE : "");
    try (Connection connection = new org.h2.Driver().connect(url, new Properties())) {
      for (Datasource.Migration migration : datasource.migrations()) {
        if (!migrate(connection, migration)) {
          // Later scripts and the statements would only fail for want of this one.
          return shapes;
        }
      }
      for (Datasource.Statement statement : datasource.statements().values()) {
        check(connection, statement).ifPresent(shape -> shapes.put(statement.name(), shape));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the build-time H2 database", e);
    }
    return shapes;
  }

  private boolean migrate(Connection connection, Datasource.Migration migration) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(migration.sql());
      return true;
    } catch (SQLException e) {
      int offset = offset(migration.sql(), e, 0);
      diagnostics.report(
          DatasourceCode.MIGRATION_FAILS,
          at(migration.file(), migration.sql(), offset),
          "migration " + migration.script() + " fails: " + cleaned(e),
          "the build checks migrations on H2; see docs/datasources.md for the SQL it accepts");
      return false;
    }
  }

  private Optional<StatementShape> check(Connection connection, Datasource.Statement statement) {
    NamedSql sql;
    try {
      sql = NamedSql.parse(statement.sql());
    } catch (NamedSql.SyntaxException e) {
      diagnostics.report(
          DatasourceCode.STATEMENT_SYNTAX,
          statement.node().locationAt(e.offset()),
          "statement '" + statement.name() + "': " + e.getMessage());
      return Optional.empty();
    }
    try (PreparedStatement prepared = connection.prepareStatement(sql.jdbc())) {
      Map<String, SqlType> parameters = new LinkedHashMap<>();
      ParameterMetaData metadata = prepared.getParameterMetaData();
      for (int i = 0; i < sql.parameters().size(); i++) {
        SqlType type = SqlType.of(metadata.getParameterType(i + 1), typeName(metadata, i + 1));
        String name = sql.parameters().get(i).name();
        SqlType known = parameters.get(name);
        if (known == null || known == SqlType.ANY) {
          parameters.put(name, type);
        }
      }
      ResultSetMetaData result = prepared.getMetaData();
      Optional<Map<String, SqlType>> columns = Optional.empty();
      if (result != null && result.getColumnCount() > 0) {
        Map<String, SqlType> read = new LinkedHashMap<>();
        for (int i = 1; i <= result.getColumnCount(); i++) {
          read.put(
              result.getColumnLabel(i).toLowerCase(Locale.ROOT),
              SqlType.of(result.getColumnType(i), result.getColumnTypeName(i)));
        }
        columns = Optional.of(read);
      }
      return Optional.of(new StatementShape(parameters, columns));
    } catch (SQLException e) {
      int offset = offset(sql.jdbc(), e, 0);
      diagnostics.report(
          DatasourceCode.STATEMENT_INVALID,
          statement.node().locationAt(original(sql, offset)),
          "statement '" + statement.name() + "': " + cleaned(e),
          "the build checks statements on H2"
              + " against the datasource's migrations; see docs/datasources.md");
      return Optional.empty();
    }
  }

  private static String typeName(ParameterMetaData metadata, int index) {
    try {
      return metadata.getParameterTypeName(index);
    } catch (SQLException e) {
      return "";
    }
  }

  /**
   * Where in {@code text} the problem H2 reports is: at its {@code [*]} mark, else at the name it
   * quotes, else at the start of the statement it quotes.
   */
  static int offset(String text, SQLException e, int fallback) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    int sqlStart = message.indexOf("; SQL statement:\n");
    String statement = "";
    int statementOffset = -1;
    if (sqlStart >= 0) {
      statement = message.substring(sqlStart + "; SQL statement:\n".length());
      statement = statement.replaceFirst("\\s*\\[\\d+-\\d+]\\s*$", "");
      statementOffset = text.indexOf(statement);
    }
    int base = Math.max(statementOffset, 0);
    int mark = message.indexOf("[*]");
    int quote = message.indexOf('"');
    if (mark >= 0 && quote >= 0 && quote < mark && (sqlStart < 0 || mark < sqlStart)) {
      String before = message.substring(quote + 1, mark);
      // The quoted statement is the one H2 ran, from its start: the mark is that far in.
      int found = text.indexOf(before, base == 0 && statementOffset < 0 ? 0 : base);
      if (found >= 0) {
        return found + before.length();
      }
    }
    Matcher name = QUOTED_NAME.matcher(message);
    if (name.find() && statementOffset >= 0) {
      int found =
          indexOfWord(text.toLowerCase(Locale.ROOT), name.group(1).toLowerCase(Locale.ROOT), base);
      if (found >= 0) {
        return found;
      }
    }
    if (statementOffset >= 0) {
      return statementOffset;
    }
    return fallback;
  }

  private static int indexOfWord(String text, String word, int from) {
    int i = text.indexOf(word, from);
    while (i >= 0) {
      boolean before = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
      int end = i + word.length();
      boolean after = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
      if (before && after) {
        return i;
      }
      i = text.indexOf(word, i + 1);
    }
    return -1;
  }

  /** The offset in the statement as written of {@code offset} in its JDBC form. */
  private static int original(NamedSql sql, int offset) {
    int shift = 0;
    int jdbcPosition = 0;
    for (NamedSql.Parameter parameter : sql.parameters()) {
      jdbcPosition = parameter.offset() - shift;
      if (jdbcPosition >= offset) {
        break;
      }
      shift += parameter.name().length();
    }
    return offset + shift;
  }

  /** H2's message without the statement it repeats, its marks and its error code. */
  static String cleaned(SQLException e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    int sql = message.indexOf("; SQL statement:");
    if (sql >= 0) {
      message = message.substring(0, sql);
    }
    message = message.replaceAll("\\s*\"[^\"]*\\[\\*][^\"]*\"", "");
    return message.replaceFirst("\\s*\\[\\d+-\\d+]\\s*$", "").trim();
  }

  /** The location of {@code offset} in a file's {@code text}. */
  private static Location at(String file, String text, int offset) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < Math.min(offset, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new Location(file, line, column);
  }
}

package dev.hookc.compiler.bind;

import com.palantir.javapoet.ClassName;
import dev.hookc.compiler.datasource.SqlType;
import dev.hookc.compiler.datasource.StatementShape;
import dev.hookc.compiler.model.Datasource;
import dev.hookc.compiler.naming.FunctionNames;
import dev.hookc.compiler.naming.Names;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names the typed statements class of each jdbc datasource. Java names are camel case of the SQL's;
 * a keyword, or a name the class or a record already uses, takes a trailing {@code _}; names that
 * still clash are numbered in the order they are written, so that the result is the same in every
 * build.
 */
final class StatementsBinder {
  /**
   * Methods of {@code Object}, of records and of the generated class (its helpers included), which
   * no generated name may take.
   */
  private static final Set<String> RESERVED =
      Names.withObjectMethods(
          "datasource", "inTransaction", "arguments", "longValue", "decimalValue");

  private StatementsBinder() {}

  static List<BoundStatements> bind(
      Names names, List<Datasource> datasources, Map<String, Map<String, StatementShape>> shapes) {
    List<Datasource.Jdbc> jdbc =
        datasources.stream()
            .filter(Datasource.Jdbc.class::isInstance)
            .map(Datasource.Jdbc.class::cast)
            .sorted(java.util.Comparator.comparing(Datasource::name))
            .toList();
    Map<String, ClassName> classes = names.statements(jdbc.stream().map(Datasource::name).toList());
    List<BoundStatements> bound = new ArrayList<>();
    for (Datasource.Jdbc datasource : jdbc) {
      ClassName type = classes.get(datasource.name());
      Map<String, StatementShape> checked = shapes.getOrDefault(datasource.name(), Map.of());
      Set<String> methods = new HashSet<>();
      List<BoundStatements.Statement> statements = new ArrayList<>();
      for (Datasource.Statement statement : datasource.statements().values()) {
        StatementShape shape = checked.get(statement.name());
        if (shape == null) {
          continue;
        }
        String method = unique(javaName(statement.name()), methods);
        ClassName row =
            type.nestedClass(Character.toUpperCase(method.charAt(0)) + method.substring(1) + "Row");
        statements.add(
            new BoundStatements.Statement(
                statement.name(),
                statement.line(),
                method,
                values(shape.parameters()),
                shape.columns().map(StatementsBinder::values),
                row));
      }
      bound.add(
          new BoundStatements(
              datasource.name(), datasource.file(), type, statements, datasource.files()));
    }
    return List.copyOf(bound);
  }

  private static List<BoundStatements.Value> values(Map<String, SqlType> typed) {
    Set<String> taken = new HashSet<>();
    List<BoundStatements.Value> values = new ArrayList<>();
    typed.forEach(
        (name, type) ->
            values.add(new BoundStatements.Value(name, unique(javaName(name), taken), type)));
    return values;
  }

  private static String javaName(String name) {
    String camel = FunctionNames.lowerCamel(name);
    return RESERVED.contains(camel) ? camel + "_" : camel;
  }

  /** {@code name}, else it followed by 2, 3... whichever is first not yet in {@code taken}. */
  private static String unique(String name, Set<String> taken) {
    String candidate = name;
    for (int n = 2; !taken.add(candidate); n++) {
      candidate = name + n;
    }
    return candidate;
  }
}

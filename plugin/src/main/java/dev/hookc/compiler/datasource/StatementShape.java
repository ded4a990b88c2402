package dev.hookc.compiler.datasource;

import dev.hookc.compiler.expr.ExprType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the build-time database says of a statement that it accepted.
 *
 * @param parameters each named parameter, in the order first written, with the SQL type the
 *     database infers for it
 * @param columns a rows statement's result columns, lower case, in select order, with the SQL type
 *     the database gives each; empty for a statement that changes rows
 */
public record StatementShape(
    Map<String, SqlType> parameters, Optional<Map<String, SqlType>> columns) {

  public StatementShape {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    columns = columns.map(c -> Collections.unmodifiableMap(new LinkedHashMap<>(c)));
  }

  /** Whether it returns rows. */
  public boolean returnsRows() {
    return columns.isPresent();
  }

  /** The type of a task's {@code data}: a list of rows of typed columns, or {@code {count}}. */
  public ExprType data() {
    return columns
        .<ExprType>map(
            c -> {
              Map<String, ExprType> types = new LinkedHashMap<>();
              c.forEach((name, type) -> types.put(name, type.exprType()));
              return new ExprType.ListType(new ExprType.ObjectType(types));
            })
        .orElseGet(() -> new ExprType.ObjectType(Map.of("count", ExprType.INTEGER)));
  }
}

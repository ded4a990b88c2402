package dev.hookc.compiler.bind;

import com.palantir.javapoet.ClassName;
import dev.hookc.compiler.datasource.SqlType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The typed statements class of one jdbc datasource ({@code DbStatements}): a method for each of
 * its statements, with the Java names of everything it names chosen once.
 *
 * @param datasource the datasource's name
 * @param file its project-relative YAML file
 * @param type the generated class
 * @param statements its statements, in YAML order
 * @param origins the files the class depends on: the YAML and the migrations
 */
public record BoundStatements(
    String datasource,
    String file,
    ClassName type,
    List<Statement> statements,
    Set<String> origins) {

  public BoundStatements {
    statements = List.copyOf(statements);
    origins = java.util.Collections.unmodifiableSet(new TreeSet<>(origins));
  }

  /**
   * One statement as a method.
   *
   * @param name its name in the YAML
   * @param line the line it is written on
   * @param method the method's name
   * @param parameters its named parameters, in the order first written
   * @param columns a rows statement's columns, in select order; empty for one that changes rows
   * @param row the record of one row, for a rows statement
   */
  public record Statement(
      String name,
      int line,
      String method,
      List<Value> parameters,
      Optional<List<Value>> columns,
      ClassName row) {

    public Statement {
      parameters = List.copyOf(parameters);
      columns = columns.map(List::copyOf);
    }
  }

  /**
   * A parameter or a column.
   *
   * @param sqlName its name in the SQL (a column's lower-case label)
   * @param javaName its Java name
   * @param type its SQL type
   */
  public record Value(String sqlName, String javaName, SqlType type) {}
}

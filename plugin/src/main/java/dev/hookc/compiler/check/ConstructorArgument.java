package dev.hookc.compiler.check;

import java.util.Optional;

/**
 * What hookc passes for one parameter of a Java function's constructor.
 *
 * @param injection what kind of resource
 * @param datasource the datasource's name, for a {@code JdbcDatasource}, {@code HttpDatasource} or
 *     typed statements class
 * @param type the qualified name of the typed statements class, for {@link
 *     Injection#JDBC_STATEMENTS}
 */
public record ConstructorArgument(
    Injection injection, Optional<String> datasource, Optional<String> type) {

  public ConstructorArgument(Injection injection, Optional<String> datasource) {
    this(injection, datasource, Optional.empty());
  }
}

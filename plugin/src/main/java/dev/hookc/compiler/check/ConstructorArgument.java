package dev.hookc.compiler.check;

import java.util.Optional;

/**
 * What hookc passes for one parameter of a Java function's constructor.
 *
 * @param injection what kind of resource
 * @param datasource the datasource's name, for a {@code JdbcDatasource} or {@code HttpDatasource}
 */
public record ConstructorArgument(Injection injection, Optional<String> datasource) {}

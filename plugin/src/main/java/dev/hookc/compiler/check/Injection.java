package dev.hookc.compiler.check;

import dev.hookc.compiler.model.JavaType;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What hookc passes to a Java function's constructor, by parameter type: the application's shared
 * resources, which a test can replace when it builds the application.
 */
public enum Injection {
  /** The project's configuration as JSON, as {@code FunctionContext.config()} gives it. */
  CONFIG("com.fasterxml.jackson.databind.JsonNode"),
  /** The application's data source. */
  DATA_SOURCE("javax.sql.DataSource"),
  /** The application's HTTP client. */
  HTTP_CLIENT("java.net.http.HttpClient"),
  /** The application's clock. */
  CLOCK("java.time.Clock"),
  /** A logger named after the function, {@code hookc.functions.<function>}. */
  LOGGER("java.lang.System.Logger"),
  /** A jdbc datasource: named like the parameter, or the only one. */
  JDBC_DATASOURCE("dev.hookc.runtime.datasource.JdbcDatasource"),
  /** An http datasource: named like the parameter, or the only one. */
  HTTP_DATASOURCE("dev.hookc.runtime.datasource.HttpDatasource"),
  /**
   * A jdbc datasource's generated typed statements, {@code <package>.datasources.DbStatements}:
   * chosen by the class, whose name depends on the project's package ({@link
   * FunctionConstructors}), so {@link #of} never answers it.
   */
  JDBC_STATEMENTS("");

  private final String type;

  Injection(String type) {
    this.type = type;
  }

  /** The parameter type it is injected for, qualified. */
  public String type() {
    return type;
  }

  /** What is injected for a parameter of type {@code type}, if hookc can inject it. */
  public static Optional<Injection> of(JavaType type) {
    return Arrays.stream(values()).filter(i -> i != JDBC_STATEMENTS && type.is(i.type)).findFirst();
  }

  /** The types hookc injects, for messages: {@code JsonNode (the configuration), ...}. */
  static String described() {
    return Arrays.stream(values())
        .map(
            i ->
                switch (i) {
                  case CONFIG -> "JsonNode (the configuration)";
                  case DATA_SOURCE -> "javax.sql.DataSource";
                  case HTTP_CLIENT -> "java.net.http.HttpClient";
                  case CLOCK -> "java.time.Clock";
                  case LOGGER -> "System.Logger (named after the function)";
                  case JDBC_DATASOURCE -> "JdbcDatasource (named like the parameter)";
                  case HTTP_DATASOURCE -> "HttpDatasource (named like the parameter)";
                  case JDBC_STATEMENTS -> "<package>.datasources.<Name>Statements";
                })
        .collect(Collectors.joining(", "));
  }
}

package dev.hookc.runtime.internal.datasource;

/** A datasource of the project, as its YAML in {@code src/datasources} declares it. */
public sealed interface DatasourceDefinition permits JdbcDefinition, HttpDefinition {

  /** Its name: the file's name without {@code .yaml}. */
  String name();
}

package dev.hookc.runtime.internal.app;

import dev.hookc.runtime.internal.datasource.JdbcDefinition;
import dev.hookc.runtime.internal.datasource.MigrationScript;
import dev.hookc.runtime.internal.datasource.NamedSql;
import dev.hookc.runtime.internal.jdbc.StatementDatasource;
import dev.hookc.runtime.store.ProjectDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Opens {@code type: jdbc} datasources: on the builder's {@code DataSource} for it if a test gave
 * one, else on the URL, else (no URL, or an empty one) on an embedded H2 file database {@code <data
 * directory>/<name>}.
 */
final class JdbcOpener implements DatasourceOpener<JdbcDefinition> {

  @Override
  public Planned plan(JdbcDefinition definition, DatasourceContext context, List<String> problems) {
    String name = definition.name();
    String prefix = "the datasource " + name + ": ";
    int before = problems.size();
    String url = context.optional(name, "url", definition.url(), problems);
    // An empty URL (config's default of "") means the embedded database, so that a project can
    // name its URL in config and set it only where it runs on another database.
    boolean embedded = url == null ? definition.url().isEmpty() : url.isBlank();
    String user = context.optional(name, "user", definition.user(), problems);
    String password = context.optional(name, "password", definition.password(), problems);
    if (definition.maximumPoolSize() < 1) {
      problems.add(prefix + "pool.max_size must be at least 1: " + definition.maximumPoolSize());
    }
    Map<String, NamedSql> statements = Map.of();
    try {
      statements = StatementDatasource.parse(definition.statements());
    } catch (IllegalArgumentException e) {
      problems.add(prefix + e.getMessage());
    }
    ProjectDatabase.Builder database = ProjectDatabase.builder(name);
    for (MigrationScript script : definition.migrations()) {
      try {
        database.migration(script.version(), script.description(), script.script(), script.sql());
      } catch (IllegalArgumentException e) {
        problems.add(prefix + "migration " + script.script() + ": " + e.getMessage());
      }
    }
    Optional<DataSource> given = context.dataSource(name);
    if (given.isPresent()) {
      database.dataSource(given.get());
    } else if (!embedded) {
      if (url != null) {
        ProjectDatabase.check(url).ifPresent(problem -> problems.add(prefix + problem));
      }
    } else {
      Path directory = context.dataDirectory();
      if (name.equals("hookc")) {
        problems.add(
            prefix
                + "its embedded database would be hookc's store's own file; name it otherwise, or"
                + " give it a url");
      }
      if (Files.exists(directory) && !Files.isDirectory(directory)) {
        problems.add(prefix + "the data directory " + directory.toAbsolutePath() + " is a file");
      }
      url = ProjectDatabase.h2Url(directory, name);
    }
    if (problems.size() > before) {
      return null;
    }
    if (given.isEmpty()) {
      database.url(url, user, password);
      if (definition.maximumPoolSize() >= 1) {
        database.maximumPoolSize(definition.maximumPoolSize());
      }
    }
    Map<String, NamedSql> parsed = statements;
    return () -> new StatementDatasource(database.open(), parsed);
  }
}

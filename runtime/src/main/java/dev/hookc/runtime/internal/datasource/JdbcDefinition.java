package dev.hookc.runtime.internal.datasource;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code type: jdbc} datasource.
 *
 * @param name its name
 * @param url its JDBC URL; empty for an embedded H2 file database named after it in the
 *     application's data directory
 * @param user the user it connects as, if the URL does not say
 * @param password that user's password
 * @param maximumPoolSize the most connections its pool opens
 * @param migrations its migrations, in version order
 * @param statements its statements by name, as the YAML writes them (named parameters)
 */
public record JdbcDefinition(
    String name,
    Optional<Setting> url,
    Optional<Setting> user,
    Optional<Setting> password,
    int maximumPoolSize,
    List<MigrationScript> migrations,
    Map<String, String> statements)
    implements DatasourceDefinition {

  public JdbcDefinition {
    Objects.requireNonNull(name, "name");
    migrations = List.copyOf(migrations);
    statements = Collections.unmodifiableMap(new LinkedHashMap<>(statements));
  }
}

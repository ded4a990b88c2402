package dev.hookc.runtime.internal.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.internal.datasource.Setting;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * What a {@link DatasourceOpener} resolves a definition's settings with when the application is
 * built.
 *
 * @param config the application's configuration
 * @param environment its environment
 * @param dataDirectory where embedded databases are: the store's data directory rules
 * @param dataSources the builder's replacements of jdbc datasources' connections, by name
 */
record DatasourceContext(
    JsonNode config,
    UnaryOperator<String> environment,
    Path dataDirectory,
    Map<String, DataSource> dataSources) {

  /** The builder's replacement of the jdbc datasource {@code name}'s connections, if any. */
  Optional<DataSource> dataSource(String name) {
    return Optional.ofNullable(dataSources.get(name));
  }

  /**
   * The value of {@code setting}, the {@code key} of the datasource {@code datasource}; null, with
   * a problem added, when what it reads is not set. A problem names the setting's source, never its
   * value.
   */
  String required(String datasource, String key, Setting setting, List<String> problems) {
    String value;
    try {
      value = setting.resolve(config, environment);
    } catch (RuntimeException e) {
      problems.add(
          "the datasource "
              + datasource
              + ": "
              + key
              + " ("
              + setting.source()
              + ") cannot be read: "
              + e.getMessage());
      return null;
    }
    if (value == null) {
      problems.add(
          "the datasource " + datasource + ": " + key + " (" + setting.source() + ") is not set");
    }
    return value;
  }

  /** {@link #required} for a setting the definition may leave out: null when it does. */
  String optional(String datasource, String key, Optional<Setting> setting, List<String> problems) {
    return setting.map(s -> required(datasource, key, s, problems)).orElse(null);
  }
}

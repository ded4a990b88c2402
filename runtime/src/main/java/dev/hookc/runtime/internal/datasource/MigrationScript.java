package dev.hookc.runtime.internal.datasource;

import java.util.Objects;

/**
 * One versioned migration of a {@code jdbc} datasource, in Flyway's layout.
 *
 * @param version its version ({@code 1}, {@code 1.1}), from {@code V<version>__<description>.sql}
 * @param description its description, underscores as spaces
 * @param script its file name, as the history records it
 * @param sql the script's text
 */
public record MigrationScript(String version, String description, String script, String sql) {

  public MigrationScript {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(sql, "sql");
  }
}

package dev.hookc.compiler.model;

import java.util.List;

/**
 * A datasource setting: a literal, a {@code <% config.a.b %>} or a {@code <% env.NAME %>}.
 *
 * @param source how the YAML writes it, shown in messages (a literal is never shown)
 * @param kind what it reads
 * @param value the literal's text, the environment variable's name, or the config path, dotted
 */
public record DatasourceSetting(String source, Kind kind, String value) {

  /** What a setting reads. */
  public enum Kind {
    LITERAL,
    CONFIG,
    ENV
  }

  /** A literal value. */
  public static DatasourceSetting literal(String value) {
    return new DatasourceSetting("a literal", Kind.LITERAL, value);
  }

  /** The keys of a config path, outermost first. */
  public List<String> path() {
    return List.of(value.split("\\.", -1));
  }
}

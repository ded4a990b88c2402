package dev.hookc.compiler.model;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A datasource setting: a literal, a {@code <% config.a.b %>} or a {@code <% env.NAME %>}.
 *
 * @param source how the YAML writes it, shown in messages (a literal is never shown)
 * @param kind what it reads
 * @param value the literal's text, the environment variable's name, or the config path, dotted
 */
public record DatasourceSetting(String source, Kind kind, String value) {
  private static final Pattern EXPRESSION = Pattern.compile("\\s*<%(.*)%>\\s*", Pattern.DOTALL);
  private static final Pattern CONFIG =
      Pattern.compile("\\s*config\\.([A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*)\\s*");
  private static final Pattern ENV = Pattern.compile("\\s*env\\.([A-Za-z_][A-Za-z0-9_]*)\\s*");

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

  /**
   * The setting a YAML value writes: a literal (text without {@code <%}), {@code <% config.a.b %>}
   * or {@code <% env.NAME %>}; empty for any other expression, which cannot be resolved when the
   * application is built.
   */
  public static Optional<DatasourceSetting> parse(String value) {
    if (!value.contains("<%")) {
      return Optional.of(literal(value));
    }
    Matcher expression = EXPRESSION.matcher(value);
    if (expression.matches()) {
      String inner = expression.group(1);
      String source = "<% " + inner.trim() + " %>";
      Matcher config = CONFIG.matcher(inner);
      if (config.matches()) {
        return Optional.of(new DatasourceSetting(source, Kind.CONFIG, config.group(1)));
      }
      Matcher env = ENV.matcher(inner);
      if (env.matches()) {
        return Optional.of(new DatasourceSetting(source, Kind.ENV, env.group(1)));
      }
    }
    return Optional.empty();
  }

  /** The keys of a config path, outermost first. */
  public List<String> path() {
    return List.of(value.split("\\.", -1));
  }
}

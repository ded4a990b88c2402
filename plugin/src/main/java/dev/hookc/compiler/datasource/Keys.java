package dev.hookc.compiler.datasource;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.model.DatasourceSetting;
import dev.hookc.compiler.yaml.ScalarType;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shape checks of datasource YAML: each reports at the node and returns empty. */
final class Keys {
  private static final Pattern EXPRESSION = Pattern.compile("\\s*<%(.*)%>\\s*", Pattern.DOTALL);
  private static final Pattern CONFIG =
      Pattern.compile("\\s*config\\.([A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*)\\s*");
  private static final Pattern ENV = Pattern.compile("\\s*env\\.([A-Za-z_][A-Za-z0-9_]*)\\s*");

  private final Diagnostics diagnostics;

  Keys(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Reports every key of {@code mapping} not in {@code known}, with a did-you-mean. */
  void check(YamlMapping mapping, Set<String> known, String what) {
    for (YamlMapping.Entry entry : mapping.entries()) {
      String key = entry.key().value();
      if (!known.contains(key)) {
        diagnostics.report(
            DatasourceCode.UNKNOWN_KEY,
            entry.key().location(),
            "unknown " + what + " key '" + key + "'",
            Suggestions.keyHint(key, known));
      }
    }
  }

  Optional<YamlMapping> mapping(YamlNode node, String what) {
    if (node instanceof YamlMapping mapping) {
      return Optional.of(mapping);
    }
    malformed(node, what + " must be a mapping, found a " + node.kindName());
    return Optional.empty();
  }

  Optional<YamlScalar> scalar(YamlNode node, String what) {
    if (node instanceof YamlScalar scalar && scalar.type() != ScalarType.NULL) {
      return Optional.of(scalar);
    }
    malformed(node, what + " must be a single value, found a " + node.kindName());
    return Optional.empty();
  }

  Optional<String> text(YamlMapping mapping, String key) {
    return mapping.get(key).flatMap(n -> scalar(n, "'" + key + "'")).map(YamlScalar::value);
  }

  Optional<Integer> positive(YamlMapping mapping, String key, int max) {
    Optional<YamlScalar> scalar = mapping.get(key).flatMap(n -> scalar(n, "'" + key + "'"));
    if (scalar.isEmpty()) {
      return Optional.empty();
    }
    try {
      int value = Integer.parseInt(scalar.get().value().trim());
      if (value >= 1 && value <= max) {
        return Optional.of(value);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    malformed(scalar.get(), "'" + key + "' must be a whole number from 1 to " + max);
    return Optional.empty();
  }

  Optional<Boolean> bool(YamlMapping mapping, String key) {
    Optional<YamlScalar> scalar = mapping.get(key).flatMap(n -> scalar(n, "'" + key + "'"));
    if (scalar.isPresent() && scalar.get().type() != ScalarType.BOOLEAN) {
      malformed(scalar.get(), "'" + key + "' must be true or false");
      return Optional.empty();
    }
    return scalar.map(s -> Boolean.parseBoolean(s.value()));
  }

  /** A required setting: reported at {@code owner} when missing. */
  Optional<DatasourceSetting> requiredSetting(YamlMapping owner, String key, String what) {
    if (owner.get(key).isEmpty()) {
      malformed(owner, what + " needs '" + key + "'");
      return Optional.empty();
    }
    return setting(owner, key);
  }

  /**
   * A setting: a literal, {@code <% config.a.b %>} or {@code <% env.NAME %>}; nothing else, since
   * it is resolved when the application is built, before any request.
   */
  Optional<DatasourceSetting> setting(YamlMapping mapping, String key) {
    Optional<YamlScalar> scalar = mapping.get(key).flatMap(n -> scalar(n, "'" + key + "'"));
    if (scalar.isEmpty()) {
      return Optional.empty();
    }
    return setting(scalar.get(), key);
  }

  Optional<DatasourceSetting> setting(YamlScalar scalar, String key) {
    String value = scalar.value();
    if (!value.contains("<%")) {
      return Optional.of(DatasourceSetting.literal(value));
    }
    Matcher expression = EXPRESSION.matcher(value);
    if (expression.matches()) {
      String inner = expression.group(1);
      String source = "<% " + inner.trim() + " %>";
      Matcher config = CONFIG.matcher(inner);
      if (config.matches()) {
        return Optional.of(
            new DatasourceSetting(source, DatasourceSetting.Kind.CONFIG, config.group(1)));
      }
      Matcher env = ENV.matcher(inner);
      if (env.matches()) {
        return Optional.of(new DatasourceSetting(source, DatasourceSetting.Kind.ENV, env.group(1)));
      }
    }
    diagnostics.report(
        DatasourceCode.BAD_SETTING,
        scalar.location(),
        "'" + key + "' must be a literal, <% config.<path> %> or <% env.<NAME> %>",
        "a datasource setting is read once, when the application is built: it can read the"
            + " configuration and the environment only");
    return Optional.empty();
  }

  void malformed(YamlNode node, String message) {
    diagnostics.report(DatasourceCode.MALFORMED, node.location(), message);
  }

  void malformed(YamlNode node, String message, String hint) {
    diagnostics.report(DatasourceCode.MALFORMED, node.location(), message, hint);
  }
}

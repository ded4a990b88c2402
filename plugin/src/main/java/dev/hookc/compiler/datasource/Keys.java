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

/** Shape checks of datasource YAML: each reports at the node and returns empty. */
final class Keys {
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
    Optional<DatasourceSetting> setting = DatasourceSetting.parse(scalar.value());
    if (setting.isPresent()) {
      return setting;
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

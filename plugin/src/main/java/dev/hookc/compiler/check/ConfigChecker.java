package dev.hookc.compiler.check;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.model.ConfigFiles;
import dev.hookc.compiler.yaml.ScalarType;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that the environment files and the environment variable mapping only set keys that {@code
 * config/default.yaml} declares, so that {@code config.*} can be checked against its shape, and
 * that every variable mapping names a variable.
 */
public final class ConfigChecker {
  private static final Set<String> FORMATS = Set.of("json", "number", "boolean", "string");

  private final Diagnostics diagnostics;

  public ConfigChecker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Runs every check, reporting all problems. */
  public void check(ConfigFiles config) {
    if (config.defaults().isEmpty()) {
      return;
    }
    YamlMapping defaults = config.defaults().get();
    config.environments().values().forEach(env -> keys(env, Optional.of(defaults), ""));
    config.variables().ifPresent(v -> variables(v, defaults, ""));
  }

  private void keys(YamlMapping overrides, Optional<YamlMapping> defaults, String path) {
    if (defaults.isEmpty()) {
      // The default is a value that an object replaces; node-config allows it, so do we.
      return;
    }
    for (YamlMapping.Entry entry : overrides.entries()) {
      Optional<YamlNode> declared = declared(entry, defaults.get(), path);
      if (declared.isPresent() && entry.value() instanceof YamlMapping nested) {
        keys(
            nested,
            declared.filter(YamlMapping.class::isInstance).map(YamlMapping.class::cast),
            path + entry.key().value() + ".");
      }
    }
  }

  private void variables(YamlMapping mapping, YamlMapping defaults, String path) {
    for (YamlMapping.Entry entry : mapping.entries()) {
      Optional<YamlNode> declared = declared(entry, defaults, path);
      if (declared.isEmpty()) {
        continue;
      }
      YamlNode value = entry.value();
      if (value instanceof YamlScalar scalar && scalar.type() == ScalarType.STRING) {
        continue;
      }
      if (value instanceof YamlMapping nested && nested.get("__name").isEmpty()) {
        if (declared.get() instanceof YamlMapping nestedDefaults) {
          variables(nested, nestedDefaults, path + entry.key().value() + ".");
        } else {
          badVariable(value, path + entry.key().value());
        }
        continue;
      }
      if (value instanceof YamlMapping named && isVariable(named)) {
        continue;
      }
      badVariable(value, path + entry.key().value());
    }
  }

  private boolean isVariable(YamlMapping named) {
    boolean name =
        named.get("__name").filter(YamlScalar.class::isInstance).isPresent()
            && named.keys().stream().allMatch(k -> k.equals("__name") || k.equals("__format"));
    Optional<YamlNode> format = named.get("__format");
    return name
        && (format.isEmpty()
            || (format.get() instanceof YamlScalar f && FORMATS.contains(f.value())));
  }

  private void badVariable(YamlNode value, String key) {
    diagnostics.report(
        FlowCode.CONFIG_BAD_VARIABLE,
        value.location(),
        "'" + key + "' must map to an environment variable name",
        "write 'KEY: VARIABLE_NAME', or '{__name: VARIABLE_NAME, __format: json|number|boolean}'");
  }

  private Optional<YamlNode> declared(YamlMapping.Entry entry, YamlMapping defaults, String path) {
    String key = entry.key().value();
    Optional<YamlNode> declared = defaults.get(key);
    if (declared.isEmpty()) {
      diagnostics.report(
          FlowCode.CONFIG_UNKNOWN_KEY,
          entry.key().location(),
          "config key '" + path + key + "' is not in config/default.yaml",
          Suggestions.didYouMean(key, defaults.keys())
              .orElse("declare it in config/default.yaml, where config.* is typed from"));
    }
    return declared;
  }
}

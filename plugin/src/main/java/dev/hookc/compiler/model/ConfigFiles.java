package dev.hookc.compiler.model;

import dev.hookc.compiler.yaml.YamlMapping;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The project's {@code config} directory.
 *
 * @param defaults {@code config/default.yaml}
 * @param environments the other {@code config/<env>.yaml} files, by environment name
 * @param variables {@code config/custom-environment-variables.yaml}
 */
public record ConfigFiles(
    Optional<YamlMapping> defaults,
    Map<String, YamlMapping> environments,
    Optional<YamlMapping> variables) {

  /** The file holding the environment variable mapping, named as node-config names it. */
  public static final String VARIABLES = "custom-environment-variables";

  public ConfigFiles {
    environments = Collections.unmodifiableMap(new TreeMap<>(environments));
  }

  /** Whether the project has any configuration at all. */
  public boolean isEmpty() {
    return defaults.isEmpty() && environments.isEmpty() && variables.isEmpty();
  }
}

package dev.hookc.compiler.bind;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The project's {@code config} directory as JSON text, which the runtime reads without a YAML
 * parser.
 *
 * @param defaults {@code config/default.yaml}; {@code {}} without it
 * @param environments each other {@code config/<env>.yaml}, by environment name
 * @param variables {@code config/custom-environment-variables.yaml}; {@code {}} without it
 */
public record BoundConfig(String defaults, Map<String, String> environments, String variables) {

  public BoundConfig {
    environments = Collections.unmodifiableMap(new TreeMap<>(environments));
  }
}

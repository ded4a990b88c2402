package dev.hookc.compiler.analysis;

import dev.hookc.compiler.json.JsonTrees;
import dev.hookc.compiler.model.ConfigFiles;
import dev.hookc.compiler.yaml.YamlJson;
import dev.hookc.compiler.yaml.YamlMapping;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The project's {@code config} directory as JSON text, which the runtime reads without a YAML
 * parser.
 *
 * @param defaults {@code config/default.yaml}; {@code {}} without it
 * @param environments each other {@code config/<env>.yaml}, by environment name
 * @param variables {@code config/custom-environment-variables.yaml}; {@code {}} without it
 */
public record ConfigJson(String defaults, Map<String, String> environments, String variables) {

  public ConfigJson {
    environments = Collections.unmodifiableMap(new TreeMap<>(environments));
  }

  /** The JSON text of {@code config}, converted once, while the YAML is at hand. */
  public static ConfigJson of(ConfigFiles config) {
    Map<String, String> environments = new LinkedHashMap<>();
    config.environments().forEach((name, file) -> environments.put(name, json(file)));
    return new ConfigJson(json(config.defaults()), environments, json(config.variables()));
  }

  private static String json(Optional<YamlMapping> file) {
    return file.map(ConfigJson::json).orElse("{}");
  }

  private static String json(YamlMapping file) {
    return JsonTrees.compact(YamlJson.toJson(file));
  }
}

package dev.hookc.compiler.bind;

import dev.hookc.compiler.model.ConfigFiles;
import dev.hookc.compiler.yaml.YamlJson;
import dev.hookc.compiler.yaml.YamlMapping;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Turns the project's configuration files into the JSON text the runtime reads. */
final class ConfigBinder {
  private ConfigBinder() {}

  static BoundConfig bind(ConfigFiles config) {
    Map<String, String> environments = new LinkedHashMap<>();
    config.environments().forEach((name, file) -> environments.put(name, json(file)));
    return new BoundConfig(json(config.defaults()), environments, json(config.variables()));
  }

  private static String json(Optional<YamlMapping> file) {
    return file.map(ConfigBinder::json).orElse("{}");
  }

  private static String json(YamlMapping file) {
    return YamlJson.toJson(file).toString();
  }
}

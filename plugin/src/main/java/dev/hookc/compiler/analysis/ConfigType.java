package dev.hookc.compiler.analysis;

import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.model.ConfigFiles;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The type {@code config.*} has in expressions. */
final class ConfigType {
  private ConfigType() {}

  /**
   * An object with the keys of {@code config/default.yaml}, nested mappings likewise, every other
   * value dynamic (an environment may override it with another type); dynamic when there is no
   * default file.
   */
  static ExprType of(ConfigFiles config) {
    return config.defaults().map(ConfigType::shape).orElse(ExprType.DYNAMIC);
  }

  private static ExprType shape(YamlNode node) {
    if (node instanceof YamlMapping mapping) {
      Map<String, ExprType> fields = new LinkedHashMap<>();
      mapping.entries().forEach(e -> fields.put(e.key().value(), shape(e.value())));
      return new ExprType.ObjectType(fields);
    }
    return ExprType.DYNAMIC;
  }
}

package dev.hookc.compiler.model;

import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import java.util.Optional;

/**
 * An OpenAPI-style request parameter.
 *
 * @param name the parameter's name as sent
 * @param in where it is sent: {@code path}, {@code query}, {@code header} or {@code cookie}
 * @param required whether a request without it is rejected
 * @param schema its JSON Schema, if declared
 * @param node the YAML it was read from
 */
public record Parameter(
    String name, String in, boolean required, Optional<YamlNode> schema, YamlMapping node) {

  /** What tells it from the event's other parameters: {@code query:limit}. */
  public String key() {
    return in + ":" + name;
  }
}

package dev.hookc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.runtime.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The benchmarks' inputs: request bodies from the classpath, and each event's body schema read from
 * the very YAML files the plugin compiled, so that every contender validates the same schema.
 */
final class Payloads {

  private Payloads() {}

  /** The bytes of {@code payloads/<name>} on the classpath. */
  static byte[] body(String name) {
    return resource("/payloads/" + name);
  }

  /**
   * The JSON Schema of the body of event {@code key} in {@code events/<eventFile>} on the classpath
   * (the build copies {@code src/events} and {@code src/definitions} there), with the definitions
   * of {@code definitions/<definitionFiles>} under {@code definitions}, as JSON text.
   */
  static String bodySchema(String eventFile, String key, String... definitionFiles) {
    Map<String, Object> event = child(load("/events/" + eventFile), key);
    Map<String, Object> schema =
        child(child(child(child(event, "body"), "content"), "application/json"), "schema");
    ObjectNode json = Json.mapper().valueToTree(schema);
    ObjectNode definitions = json.putObject("definitions");
    for (String file : definitionFiles) {
      JsonNode defs = Json.mapper().valueToTree(load("/definitions/" + file));
      definitions.setAll((ObjectNode) defs);
    }
    return json.toString();
  }

  private static Map<String, Object> load(String resource) {
    Object root =
        new Yaml(new LoaderOptions())
            .load(new String(resource(resource), java.nio.charset.StandardCharsets.UTF_8));
    return cast(root);
  }

  private static byte[] resource(String name) {
    try (InputStream in = Payloads.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no such resource: " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> child(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException(
          "no mapping at " + key + " in " + List.copyOf(map.keySet()));
    }
    return cast(value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object value) {
    return (Map<String, Object>) value;
  }
}

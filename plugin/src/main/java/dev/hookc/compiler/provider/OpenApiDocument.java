package dev.hookc.compiler.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.schema.SchemaIndex;
import dev.hookc.compiler.yaml.ScalarType;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import dev.hookc.compiler.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An OpenAPI document that body schemas may name: a bundled pack, read with Jackson, whose nodes
 * are placed where the {@code $ref} naming them was written (a user cannot open a file inside the
 * plugin's jar), or a file of the project, read with positions, whose nodes keep their own.
 */
abstract sealed class OpenApiDocument {

  /** How a {@code $ref} names the document: {@code github} or {@code openapi/acme.yaml}. */
  abstract String name();

  /** The node at JSON Pointer {@code pointer} (unescaped per RFC 6901), placed for {@code ref}. */
  abstract Optional<YamlNode> at(String pointer, Location ref);

  /** The names of the members of the mapping at {@code pointer}, for did-you-mean hints. */
  abstract List<String> keysAt(String pointer);

  /** A document bundled in the plugin, such as GitHub's pack. */
  static final class Bundled extends OpenApiDocument {
    private final String name;
    private final JsonNode root;

    Bundled(String name, JsonNode root) {
      this.name = name;
      this.root = root;
    }

    @Override
    String name() {
      return name;
    }

    JsonNode root() {
      return root;
    }

    @Override
    Optional<YamlNode> at(String pointer, Location ref) {
      JsonNode node = pointer.isEmpty() ? root : root.at(pointer);
      return node.isMissingNode() ? Optional.empty() : Optional.of(yaml(node, ref));
    }

    @Override
    List<String> keysAt(String pointer) {
      JsonNode node = pointer.isEmpty() ? root : root.at(pointer);
      List<String> keys = new ArrayList<>();
      node.fieldNames().forEachRemaining(keys::add);
      return keys;
    }

    /** {@code node} as YAML, every node at {@code where}. */
    static YamlNode yaml(JsonNode node, Location where) {
      if (node.isObject()) {
        List<YamlMapping.Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          entries.add(
              new YamlMapping.Entry(
                  YamlScalar.of(field.getKey(), ScalarType.STRING, where),
                  yaml(field.getValue(), where)));
        }
        return new YamlMapping(entries, where);
      }
      if (node.isArray()) {
        List<YamlNode> items = new ArrayList<>();
        node.forEach(item -> items.add(yaml(item, where)));
        return new YamlSequence(items, where);
      }
      ScalarType type =
          node.isNull()
              ? ScalarType.NULL
              : node.isBoolean()
                  ? ScalarType.BOOLEAN
                  : node.isIntegralNumber()
                      ? ScalarType.INTEGER
                      : node.isNumber() ? ScalarType.FLOAT : ScalarType.STRING;
      return YamlScalar.of(node.isNull() ? "null" : node.asText(), type, where);
    }
  }

  /** A document of the project, below {@code src/}. */
  static final class ProjectFile extends OpenApiDocument {
    private final String name;
    private final YamlMapping root;

    ProjectFile(String name, YamlMapping root) {
      this.name = name;
      this.root = root;
    }

    @Override
    String name() {
      return name;
    }

    @Override
    Optional<YamlNode> at(String pointer, Location ref) {
      return SchemaIndex.navigate(root, pointer);
    }

    @Override
    List<String> keysAt(String pointer) {
      return SchemaIndex.navigate(root, pointer)
          .filter(YamlMapping.class::isInstance)
          .map(m -> ((YamlMapping) m).keys())
          .orElse(List.of());
    }
  }
}

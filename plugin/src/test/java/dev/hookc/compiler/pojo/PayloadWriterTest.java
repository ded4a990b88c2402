package dev.hookc.compiler.pojo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.ClassName;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.yaml.YamlJson;
import dev.hookc.compiler.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Differential test of {@link PayloadWriter}: wherever it writes the payload classes, its files
 * (and the binder built from them) are character for character jsonschema2pojo's.
 */
class PayloadWriterTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ClassName BINDER = ClassName.get("p.binding", "RootBinder");

  private final PojoGenerator generator = new PojoGenerator("p.model");

  @Test
  void writesTheSameClassesAsJsonschema2pojoForHandWrittenSchemas() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> schemas =
        List.of(
            """
            {"type":"object","description":"The root.\\nSecond line with */ and \\"quotes\\" and $d",
             "required":["a_b","count","missing"],"additionalProperties":false,
             "properties":{"a_b":{"type":"string","description":"An a-b."},"count":{"type":"integer"},
              "price":{"type":"number","description":"Price\\n\\nwith a gap\\n"},"flag":{"type":"boolean"},
              "tags":{"type":"array","items":{"type":"array","items":{"type":"string"}}},
              "URL":{"type":"string"},"class":{"type":"string"},"2x":{"type":"string","description":""},
              "a-b-c":{"type":"integer"},"$dollar":{"type":"string"},
              "nested":{"type":"object","description":"Nested","properties":{"x":{"type":"integer"}}},
              "list":{"type":"array","description":"objs","items":{"type":"object",
               "additionalProperties":false,"properties":{"y":{"type":"boolean"}}}},
              "dyn":{},"blank":{"type":"string","description":" \\n "}}}
            """,
            """
            {"type":"object","additionalProperties":false,"properties":{"only":{"type":"string"},"line1":{"type":"string"}}}
            """,
            """
            {"type":"object","properties":{"n":{"type":"array","items":{}}}}
            """);
    int written = 0;
    for (String schema : schemas) {
      written += compare(json.readTree(schema)) ? 1 : 0;
    }
    assertThat(written).isEqualTo(schemas.size());
  }

  @Test
  void writesTheSameClassesAsJsonschema2pojoForTheTestProjectsEvents() throws IOException {
    List<Path> events = new ArrayList<>();
    for (Path root : List.of(Path.of("src/test/resources"), Path.of("../examples"))) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.toString().endsWith(".yaml") && p.toString().contains("/events/"))
            .filter(p -> !p.toString().contains("/target/"))
            .sorted()
            .forEach(events::add);
      }
    }
    int bodies = 0;
    for (Path event : events) {
      JsonNode tree =
          new YamlReader(new Diagnostics())
              .read(event.toString(), Files.readString(event))
              .map(YamlJson::toJson)
              .orElseThrow();
      for (JsonNode entry : (Iterable<JsonNode>) () -> tree.elements()) {
        JsonNode schema =
            entry.path("body").path("content").path("application/json").path("schema");
        if (schema.isObject()) {
          bodies += compare(schema) ? 1 : 0;
        }
      }
    }
    assertThat(bodies).isGreaterThan(5);
  }

  @Test
  void writesTheSameClassesAsJsonschema2pojoForGeneratedSchemas() {
    Random random = new Random(20261203);
    int written = 0;
    int schemas = 400;
    for (int i = 0; i < schemas; i++) {
      written += compare(randomObject(random, 0)) ? 1 : 0;
    }
    // Most generated schemas are within the writer's shapes, so the comparison is not vacuous.
    assertThat(written).isGreaterThan(schemas / 3);
  }

  /**
   * Whether the writer wrote {@code schema}'s classes; when it did, they equal jsonschema2pojo's.
   */
  private boolean compare(JsonNode schema) {
    PojoPlan plan = generator.plan("Root", schema);
    if (!(plan.type() instanceof dev.hookc.compiler.expr.ExprType.PojoType)) {
      return false;
    }
    ObjectNode reduced = plan.reducedTree();
    if (generator.writable(reduced).isEmpty()) {
      return false;
    }
    if (hasNameOnlyTheWriterTakes(reduced)) {
      // jsonschema2pojo fails on such a name: there is nothing to compare with.
      assertThat(generator.generate(plan, BINDER)).isNotEmpty();
      return false;
    }
    List<PojoFile> written = generator.generate(plan, BINDER);
    List<PojoFile> expected = generator.generateWithCodeModel(plan, reduced, BINDER);
    assertThat(written.stream().map(PojoFile::path))
        .as("classes of %s", schema)
        .containsExactlyElementsOf(expected.stream().map(PojoFile::path).toList());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(firstDifference(written.get(i).content(), expected.get(i).content()))
          .as("%s of %s", expected.get(i).path(), schema)
          .isEmpty();
    }
    return true;
  }

  /** Whether a property name of {@code reduced} holds a character jsonschema2pojo cannot take. */
  private static boolean hasNameOnlyTheWriterTakes(JsonNode reduced) {
    if (!reduced.isObject()) {
      return false;
    }
    for (Map.Entry<String, JsonNode> property : reduced.path("properties").properties()) {
      if (property.getKey().chars().anyMatch(c -> c < 0x80 && PojoGenerator.unsafe((char) c))
          || hasNameOnlyTheWriterTakes(property.getValue())
          || hasNameOnlyTheWriterTakes(property.getValue().path("items"))) {
        return true;
      }
    }
    return hasNameOnlyTheWriterTakes(reduced.path("items"));
  }

  /** The first line where {@code actual} differs from {@code expected}, with both versions. */
  private static String firstDifference(String actual, String expected) {
    String[] a = actual.split("\n", -1);
    String[] e = expected.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, e.length); i++) {
      String left = i < a.length ? a[i] : "<end>";
      String right = i < e.length ? e[i] : "<end>";
      if (!left.equals(right)) {
        return "line " + (i + 1) + ":\n  written:  " + left + "\n  expected: " + right;
      }
    }
    return "";
  }

  private static final String[] WORDS = {
    "id",
    "name",
    "first_name",
    "lastName",
    "URL",
    "ID",
    "class",
    "default",
    "2fa",
    "a-b",
    "x",
    "total_amount_cents",
    "isActive",
    "e-mail",
    "$ref_like",
    "HTTPStatus",
    "value_",
    "_private",
    "new",
    "enum",
    "abc_DEF",
    "CamelCase",
    "snake_case_name",
    "data",
    "type",
    "list",
    "map",
    "result",
    "other",
    "rhs",
    "sb",
    "object",
    "string",
    "line1",
    "v2",
    "a1",
    "dot.name",
    "getClass"
  };

  private static ObjectNode randomObject(Random random, int depth) {
    ObjectNode schema = NODES.objectNode();
    schema.put("type", "object");
    if (random.nextInt(4) == 0) {
      schema.put("description", randomText(random));
    }
    if (random.nextInt(3) == 0) {
      schema.put("additionalProperties", false);
    }
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = NODES.arrayNode();
    int count = 1 + random.nextInt(depth == 0 ? 12 : 5);
    for (int i = 0; i < count; i++) {
      String key = WORDS[random.nextInt(WORDS.length)];
      properties.set(key, randomProperty(random, depth));
      if (random.nextBoolean()) {
        required.add(key);
      }
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    return schema;
  }

  private static JsonNode randomProperty(Random random, int depth) {
    ObjectNode property;
    int kind = random.nextInt(depth < 2 ? 8 : 6);
    property =
        switch (kind) {
          case 0, 1, 2, 3 -> {
            ObjectNode scalar = NODES.objectNode();
            scalar.put("type", List.of("string", "integer", "number", "boolean").get(kind));
            yield scalar;
          }
          case 4 -> NODES.objectNode();
          case 5 -> {
            ObjectNode array = NODES.objectNode();
            array.put("type", "array");
            ObjectNode items = NODES.objectNode();
            items.put("type", random.nextBoolean() ? "string" : "integer");
            array.set("items", items);
            yield array;
          }
          case 6 -> randomObject(random, depth + 1);
          default -> {
            ObjectNode array = NODES.objectNode();
            array.put("type", "array");
            array.set("items", randomObject(random, depth + 1));
            yield array;
          }
        };
    if (random.nextInt(3) == 0) {
      property.put("description", randomText(random));
    }
    return property;
  }

  private static String randomText(Random random) {
    List<String> parts =
        new ArrayList<>(
            List.of(
                "The amount",
                "in cents",
                "*/",
                "\"quoted\"",
                "back\\slash",
                "\n",
                "$x",
                " ",
                "@see"));
    StringBuilder text = new StringBuilder();
    int words = random.nextInt(5);
    for (int i = 0; i < words; i++) {
      text.append(parts.get(random.nextInt(parts.size()))).append(i % 2 == 0 ? " " : "");
    }
    return text.toString();
  }
}

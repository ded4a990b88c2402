package dev.hookc.compiler.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Valid JSON Schemas drawn at random from a seed: nested objects, lists, local references (to the
 * root, to properties, to definitions whose names need percent and pointer escapes), enums, consts,
 * combinators and formats, with property names chosen to collide once turned into Java names.
 */
final class RandomSchemas {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * Names that break code generators: Java keywords and types, names that differ only in characters
   * a Java name drops or in case, characters JSON Pointers and URI fragments escape, control
   * characters, non-ASCII letters, symbols and a surrogate pair, and jsonschema2pojo's own
   * keywords.
   */
  private static final List<String> NAMES =
      List.of(
          "id",
          "name",
          "foo",
          "Foo",
          "FOO",
          "foo_bar",
          "fooBar",
          "foo-bar",
          "foo.bar",
          "foo bar",
          "foo\"bar",
          "foo\\bar",
          "foo\nbar",
          "foo\tbar",
          "foo%bar",
          "foo%22bar",
          "foo/bar",
          "foo~bar",
          "~0",
          "~1",
          "a$b",
          "$ref",
          "$",
          "_",
          "__",
          "-",
          "1st",
          "123",
          "class",
          "int",
          "default",
          "enum",
          "null",
          "true",
          "String",
          "List",
          "Map",
          "Object",
          "JsonNode",
          "Long",
          "Generated",
          "getClass",
          "additionalProperties",
          "javaName",
          "javaType",
          "properties",
          "type",
          "items",
          "é",
          "ü",
          "straße",
          "Straße",
          "名前",
          "имя",
          "x😀y",
          "\u00a0",
          "ǅ",
          "ＡＢ",
          "a\u0301",
          "k\u0000z",
          "item",
          "Item",
          "body",
          "Body");

  private static final List<String> FORMATS =
      List.of(
          "date-time",
          "date",
          "time",
          "email",
          "uuid",
          "ipv4",
          "ipv6",
          "hostname",
          "uri",
          "duration",
          "regex",
          "no-such-format");

  private final Random random;
  private final List<String> definitions = new ArrayList<>();
  private final List<String> propertyPaths = new ArrayList<>();

  RandomSchemas(Random random) {
    this.random = random;
  }

  /** A root schema, with definitions that its references may name. */
  ObjectNode root() {
    ObjectNode root = object(0, "");
    if (random.nextInt(3) == 0) {
      String keyword = random.nextBoolean() ? "$defs" : "definitions";
      ObjectNode defs = root.putObject(keyword);
      int count = 1 + random.nextInt(3);
      for (int i = 0; i < count; i++) {
        String name = name();
        defs.set(name, schema(2));
        definitions.add("#/" + keyword + "/" + escape(name));
      }
      // References made before the definitions existed point at them now.
      addReferences(root, 0);
    }
    return root;
  }

  private void addReferences(ObjectNode root, int depth) {
    JsonNode properties = root.get("properties");
    if (properties instanceof ObjectNode props && !definitions.isEmpty() && depth < 3) {
      String name = name();
      props.putObject(name).put("$ref", pick(definitions));
    }
  }

  private JsonNode schema(int depth) {
    if (depth > 4) {
      return scalar();
    }
    return switch (random.nextInt(14)) {
      case 0, 1, 2 -> object(depth, "");
      case 3, 4 -> array(depth);
      case 5 -> reference();
      case 6 -> enumeration();
      case 7 -> combinator(depth);
      case 8 -> typeList();
      case 9 -> random.nextBoolean() ? BooleanNode.TRUE : NODES.objectNode();
      case 10 -> NODES.objectNode().set("const", value(1));
      default -> scalar();
    };
  }

  private ObjectNode object(int depth, String path) {
    ObjectNode object = NODES.objectNode();
    if (random.nextInt(6) != 0) {
      object.put("type", "object");
    }
    ObjectNode properties = object.putObject("properties");
    int count = random.nextInt(5);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = name();
      names.add(name);
      properties.set(name, schema(depth + 1));
      propertyPaths.add(path + "/properties/" + escape(name));
    }
    if (!names.isEmpty() && random.nextBoolean()) {
      ArrayNode required = object.putArray("required");
      for (String name : names) {
        if (random.nextBoolean()) {
          required.add(name);
        }
      }
      if (random.nextInt(4) == 0) {
        required.add(name());
      }
    }
    switch (random.nextInt(5)) {
      case 0 -> object.put("additionalProperties", false);
      case 1 -> object.put("additionalProperties", true);
      case 2 -> object.set("additionalProperties", schema(depth + 1));
      default -> {}
    }
    if (random.nextInt(8) == 0) {
      object.putObject("patternProperties").set("^x-", scalar());
    }
    if (random.nextInt(10) == 0) {
      object.putObject("propertyNames").put("maxLength", 8);
    }
    if (random.nextInt(6) == 0) {
      object.put("description", random.nextBoolean() ? "a *comment* */ \"here\"" : name());
    }
    return object;
  }

  private ObjectNode array(int depth) {
    ObjectNode array = NODES.objectNode().put("type", "array");
    if (random.nextInt(6) != 0) {
      array.set("items", schema(depth + 1));
    }
    if (random.nextInt(4) == 0) {
      array.put("minItems", random.nextInt(3)).put("uniqueItems", random.nextBoolean());
    }
    if (random.nextInt(8) == 0) {
      array.putArray("prefixItems").add(scalar());
    }
    return array;
  }

  private JsonNode reference() {
    ObjectNode ref = NODES.objectNode();
    int choice = random.nextInt(4);
    if (choice == 0) {
      ref.put("$ref", "#");
    } else if (choice == 1 && !propertyPaths.isEmpty()) {
      ref.put("$ref", "#" + pick(propertyPaths));
    } else if (!definitions.isEmpty()) {
      ref.put("$ref", pick(definitions));
    } else {
      return scalar();
    }
    return ref;
  }

  private ObjectNode enumeration() {
    ObjectNode schema = NODES.objectNode();
    if (random.nextBoolean()) {
      schema.put("type", "string");
      ArrayNode values = schema.putArray("enum");
      for (int i = 0; i <= random.nextInt(4); i++) {
        values.add(name());
      }
    } else {
      ArrayNode values = schema.putArray("enum");
      for (int i = 0; i <= random.nextInt(4); i++) {
        values.add(value(1));
      }
    }
    return schema;
  }

  private ObjectNode combinator(int depth) {
    ObjectNode schema = NODES.objectNode();
    String keyword = pick(List.of("allOf", "anyOf", "oneOf", "not", "if"));
    if (keyword.equals("not")) {
      schema.set("not", schema(depth + 1));
    } else if (keyword.equals("if")) {
      schema.set("if", schema(depth + 1));
      schema.set("then", schema(depth + 1));
      if (random.nextBoolean()) {
        schema.set("else", schema(depth + 1));
      }
    } else {
      ArrayNode parts = schema.putArray(keyword);
      for (int i = 0; i <= random.nextInt(3); i++) {
        parts.add(schema(depth + 1));
      }
    }
    if (random.nextBoolean()) {
      schema.put("type", pick(List.of("object", "string", "integer")));
    }
    return schema;
  }

  private ObjectNode typeList() {
    ObjectNode schema = NODES.objectNode();
    ArrayNode types = schema.putArray("type");
    types.add(pick(List.of("string", "integer", "number", "boolean", "object", "array")));
    types.add(random.nextBoolean() ? "null" : pick(List.of("string", "integer")));
    return schema;
  }

  private ObjectNode scalar() {
    ObjectNode schema = NODES.objectNode();
    switch (random.nextInt(5)) {
      case 0 -> {
        schema.put("type", "string");
        if (random.nextBoolean()) {
          schema.put("format", pick(FORMATS));
        }
        if (random.nextInt(3) == 0) {
          schema.put("minLength", 1).put("maxLength", 1 + random.nextInt(40));
        }
        if (random.nextInt(4) == 0) {
          schema.put("pattern", pick(List.of("^[a-z]+$", "\\p{L}", "^\\d{3}-\\w$", "é|ü")));
        }
      }
      case 1 -> schema.put("type", "integer").put("minimum", random.nextInt(10) - 5);
      case 2 -> schema.put("type", "number").put("multipleOf", 0.5);
      case 3 -> schema.put("type", "boolean");
      default -> schema.put("type", "null");
    }
    return schema;
  }

  private JsonNode value(int depth) {
    return switch (random.nextInt(depth > 2 ? 5 : 7)) {
      case 0 -> NODES.textNode(name());
      case 1 -> NODES.numberNode(random.nextInt(100) - 50);
      case 2 -> NODES.numberNode(random.nextDouble());
      case 3 -> NODES.booleanNode(random.nextBoolean());
      case 4 -> NODES.nullNode();
      case 5 -> NODES.arrayNode().add(value(depth + 1));
      default -> NODES.objectNode().set(name(), value(depth + 1));
    };
  }

  private String name() {
    if (random.nextInt(4) == 0) {
      // A random name: letters, digits and any character in the first plane, surrogates aside.
      StringBuilder name = new StringBuilder();
      for (int i = 0; i <= random.nextInt(6); i++) {
        char c = random.nextInt(3) == 0 ? (char) (0x20 + random.nextInt(0xd7ff - 0x20)) : letter();
        name.append(c);
      }
      return name.toString();
    }
    return pick(NAMES);
  }

  private char letter() {
    return "abcXYZ_09$-".charAt(random.nextInt(11));
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** {@code name} as a JSON Pointer token in a URI fragment: pointer-escaped, then percent. */
  static String escape(String name) {
    String token = name.replace("~", "~0").replace("/", "~1");
    StringBuilder encoded = new StringBuilder();
    for (byte b : token.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
      if (plain) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(String.format("%02X", c));
      }
    }
    return encoded.toString();
  }
}

package dev.hookc.compiler.pojo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.compiler.naming.FunctionNames;
import dev.hookc.compiler.provider.ProviderSchemas;
import dev.hookc.compiler.schema.JsonPointers;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsonschema2pojo.util.NameHelper;

/**
 * Reduces a JSON Schema to what a payload class needs: objects with properties, lists, and the four
 * scalar types. Everything else (formats, enums, bounds, combinators) is enforced by the generated
 * validator before binding, so the class stays a plain carrier of typed fields; a schema with no
 * single Java shape ({@code oneOf}, a list of types, a free-form object) becomes a Jackson {@code
 * JsonNode}, read dynamically.
 */
final class PojoSchemas {
  static final String JSON_NODE = "com.fasterxml.jackson.databind.JsonNode";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonNode root;
  private final Map<String, JsonNode> definitions;
  private final String packageName;
  private boolean provider;

  private final NameHelper names;
  private final Set<String> classNames = new HashSet<>();

  PojoSchemas(
      JsonNode root, Map<String, JsonNode> definitions, String packageName, NameHelper names) {
    this.root = root;
    this.definitions = definitions;
    this.packageName = packageName;
    this.names = names;
  }

  /** The reduced schema of {@code schema}, whose classes are named from {@code className}. */
  ObjectNode reduce(JsonNode schema, String className) {
    // Every object of a provider's document is read as the provider documents it.
    provider = schema.isObject() && schema.has(ProviderSchemas.PROVIDER_KEY);
    // A union of a provider's payloads carries the shape they all have: its classes read that.
    JsonNode payload = schema.get(ProviderSchemas.PAYLOAD_KEY);
    if (payload != null && payload.isObject()) {
      return reduce(payload, className, new HashSet<>());
    }
    return reduce(schema, className, new HashSet<>());
  }

  private ObjectNode reduce(JsonNode schema, String className, Set<String> refsInProgress) {
    JsonNode resolved = schema;
    Set<String> refs = refsInProgress;
    if (schema.isObject() && schema.has("$ref") && schema.get("$ref").isTextual()) {
      String ref = schema.get("$ref").asText();
      Optional<JsonNode> target = resolve(ref);
      if (target.isEmpty() || refs.contains(ref)) {
        return dynamic();
      }
      refs = new HashSet<>(refs);
      refs.add(ref);
      resolved = target.get();
    }
    if (!resolved.isObject()) {
      return dynamic();
    }
    if (resolved.has("oneOf")
        || resolved.has("anyOf")
        || resolved.has("allOf")
        || resolved.has("not")
        || resolved.has("if")) {
      return dynamic();
    }
    Optional<String> type = singleType(resolved);
    if (type.isEmpty()) {
      // Without a type, as with one, an object declaring no property has no class to carry it.
      return resolved.has("properties") && resolved.get("properties").size() > 0
          ? object(resolved, className, refs)
          : dynamic();
    }
    return switch (type.get()) {
      case "object" ->
          resolved.has("properties") && resolved.get("properties").size() > 0
              ? object(resolved, className, refs)
              : dynamic();
      case "array" -> array(resolved, className, refs);
      case "string", "integer", "number", "boolean" -> scalar(type.get(), resolved);
      default -> dynamic();
    };
  }

  private ObjectNode object(JsonNode schema, String className, Set<String> refs) {
    ObjectNode reduced = NODES.objectNode();
    reduced.put("type", "object");
    reduced.put("javaType", packageName + "." + distinct(className));
    if (provider) {
      reduced.put(ProviderSchemas.PROVIDER_KEY, true);
    }
    copyDescription(schema, reduced);
    if (schema.has("additionalProperties")
        && schema.get("additionalProperties").isBoolean()
        && !schema.get("additionalProperties").asBoolean()) {
      reduced.put("additionalProperties", false);
    }
    if (schema.has("required") && schema.get("required").isArray()) {
      reduced.set("required", schema.get("required").deepCopy());
    }
    ObjectNode properties = reduced.putObject("properties");
    DistinctNames javaNames = new DistinctNames(names);
    Iterator<Map.Entry<String, JsonNode>> fields = schema.get("properties").properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      ObjectNode property = reduce(field.getValue(), className + classSuffix(field.getKey()), refs);
      javaNames.take(field.getKey(), property);
      properties.set(field.getKey(), property);
    }
    return reduced;
  }

  /**
   * {@code className}, or, when a class of the schema has it already ({@code foo} and {@code Foo}
   * both name a class {@code …Foo}, as do {@code a.bC} and {@code aB.c}), that name and {@code
   * X2X}, {@code X3X}...: the {@code X} that marks escapes in class names, and no name ending in a
   * digit.
   */
  private String distinct(String className) {
    String name = className;
    for (int n = 2; !classNames.add(name.toLowerCase(java.util.Locale.ROOT)); n++) {
      name = className + "X" + n + "X";
    }
    return name;
  }

  /**
   * The part of a nested class's name a property contributes. A name with a character
   * jsonschema2pojo cannot take keeps it, as {@code X}, its hex digits and {@code X}: {@code foo
   * bar} and {@code foo/bar} name two classes, where dropping the characters named both {@code
   * FooBar}, which only jsonschema2pojo could tell apart, and it fails on such names.
   */
  private static String classSuffix(String key) {
    String escaped = PojoGenerator.escapeUnsafe(key);
    if (escaped.equals(key)) {
      return FunctionNames.upperCamel(key);
    }
    StringBuilder marked = new StringBuilder();
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      if (c == '$' && key.indexOf('$') < 0 && i + 4 < escaped.length()) {
        marked.append('X').append(escaped, i + 1, i + 5).append('X');
        i += 4;
      } else {
        marked.append(c);
      }
    }
    return FunctionNames.upperCamel(marked.toString());
  }

  private ObjectNode array(JsonNode schema, String className, Set<String> refs) {
    JsonNode items = schema.get("items");
    if (items == null || !items.isObject() || schema.has("prefixItems")) {
      return dynamic();
    }
    ObjectNode reduced = NODES.objectNode();
    reduced.put("type", "array");
    copyDescription(schema, reduced);
    reduced.set("items", reduce(items, className + "Item", refs));
    return reduced;
  }

  private static ObjectNode scalar(String type, JsonNode schema) {
    ObjectNode reduced = NODES.objectNode();
    reduced.put("type", type);
    copyDescription(schema, reduced);
    return reduced;
  }

  private static ObjectNode dynamic() {
    ObjectNode reduced = NODES.objectNode();
    reduced.put("existingJavaType", JSON_NODE);
    return reduced;
  }

  private static void copyDescription(JsonNode schema, ObjectNode reduced) {
    if (schema.has("description") && schema.get("description").isTextual()) {
      reduced.put("description", schema.get("description").asText());
    }
  }

  /** The schema type when exactly one is given ({@code [string, null]} counts as string). */
  private static Optional<String> singleType(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type == null) {
      return Optional.empty();
    }
    if (type.isTextual()) {
      return Optional.of(type.asText());
    }
    if (type.isArray()) {
      String single = null;
      for (JsonNode t : type) {
        if (t.asText().equals("null")) {
          continue;
        }
        if (single != null) {
          return Optional.of("mixed");
        }
        single = t.asText();
      }
      return Optional.ofNullable(single);
    }
    return Optional.of("mixed");
  }

  /**
   * The schema a local {@code $ref} names. Its fragment is a URI fragment holding a JSON Pointer:
   * it is percent-decoded before the pointer is followed, so {@code #/definitions/foo%22bar} names
   * the definition {@code foo"bar} as the validator reads it ({@code ~0} and {@code ~1} are the
   * pointer's own escapes of {@code ~} and {@code /}).
   */
  private Optional<JsonNode> resolve(String ref) {
    if (!ref.startsWith("#")) {
      return Optional.empty();
    }
    String pointer = JsonPointers.percentDecode(ref.substring(1));
    if (pointer.isEmpty()) {
      return Optional.of(root);
    }
    if (!pointer.startsWith("/")) {
      return Optional.empty();
    }
    JsonNode local = root.at(pointer);
    if (!local.isMissingNode()) {
      return Optional.of(local);
    }
    String prefix = "/definitions/";
    if (pointer.startsWith(prefix)) {
      String rest = pointer.substring(prefix.length());
      int slash = rest.indexOf('/');
      String name = JsonPointers.unescape(slash < 0 ? rest : rest.substring(0, slash));
      JsonNode shared = definitions.get(name);
      if (shared == null) {
        return Optional.empty();
      }
      JsonNode target = slash < 0 ? shared : shared.at(rest.substring(slash));
      return target.isMissingNode() ? Optional.empty() : Optional.of(target);
    }
    return Optional.empty();
  }
}

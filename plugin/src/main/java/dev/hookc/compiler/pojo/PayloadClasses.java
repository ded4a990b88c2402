package dev.hookc.compiler.pojo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsonschema2pojo.util.NameHelper;

/**
 * The payload classes of a reduced schema as jsonschema2pojo shapes them — each class's properties
 * with jsonschema2pojo's own field, getter and setter names — when they are within the shapes that
 * {@link PayloadWriter} writes exactly as jsonschema2pojo does; empty otherwise, and
 * jsonschema2pojo generates them.
 *
 * <p>The shapes left to jsonschema2pojo are those whose text depends on its corner cases: a
 * description outside printable ASCII, two properties of one class with the same Java name or two
 * classes with one name (which {@link DistinctNames} and {@link PojoSchemas} prevent), a class
 * named like a type the classes import, a property required twice, or an object without properties.
 */
final class PayloadClasses {
  /** Simple names a payload class refers to; a generated class of the same name changes imports. */
  private static final Set<String> REFERENCED =
      Set.of(
          "BigDecimal",
          "Boolean",
          "Generated",
          "Integer",
          "JsonAnyGetter",
          "JsonAnySetter",
          "JsonIgnore",
          "JsonInclude",
          "JsonNode",
          "JsonProperty",
          "JsonPropertyDescription",
          "JsonPropertyOrder",
          "LinkedHashMap",
          "List",
          "Long",
          "Map",
          "Object",
          "Override",
          "String",
          "StringBuilder",
          "System");

  static final String EXTRA = "additionalProperties";

  /** One property of a payload class. */
  record Property(
      String key,
      String field,
      String getter,
      String setter,
      String type,
      boolean fieldRequired,
      boolean getterRequired,
      boolean setterRequired,
      Optional<String> description,
      boolean renamed) {}

  /** One payload class: its qualified name, properties, and whether it keeps unknown properties. */
  record PayloadClass(
      String qualifiedName,
      Optional<String> description,
      List<Property> properties,
      boolean extra) {

    String simpleName() {
      return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }

    String packageName() {
      int dot = qualifiedName.lastIndexOf('.');
      return dot < 0 ? "" : qualifiedName.substring(0, dot);
    }
  }

  private final NameHelper names;
  private final Map<String, PayloadClass> classes = new LinkedHashMap<>();
  private boolean writable = true;

  private PayloadClasses(NameHelper names) {
    this.names = names;
  }

  /** The classes of {@code reducedRoot}, in the order their schemas are met, or empty. */
  static Optional<List<PayloadClass>> of(JsonNode reducedRoot, NameHelper names) {
    PayloadClasses collected = new PayloadClasses(names);
    collected.object(reducedRoot);
    return collected.writable
        ? Optional.of(List.copyOf(collected.classes.values()))
        : Optional.empty();
  }

  private void object(JsonNode reduced) {
    String qualifiedName = reduced.get("javaType").asText();
    if (classes.containsKey(qualifiedName)) {
      writable = false;
      return;
    }
    // Reserved before the properties, whose classes follow their owner.
    classes.put(qualifiedName, null);
    Optional<String> description = description(reduced);
    List<Property> properties = new ArrayList<>();
    Set<String> javaNames =
        new HashSet<>(Set.of(EXTRA, "getAdditionalProperties", "setAdditionalProperty"));
    Iterator<Map.Entry<String, JsonNode>> fields =
        reduced.path("properties").properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      String key = entry.getKey();
      JsonNode schema = entry.getValue();
      if (!simpleKey(key)) {
        writable = false;
        return;
      }
      String field = names.getPropertyName(key, schema);
      String setter = names.getSetterName(key, schema);
      String getter = "get" + setter.substring("set".length());
      if (!javaNames.add(field) || !javaNames.add(getter) || !javaNames.add(setter)) {
        writable = false;
        return;
      }
      Optional<String> type = type(schema);
      if (type.isEmpty()) {
        writable = false;
        return;
      }
      properties.add(
          new Property(
              key,
              field,
              getter,
              setter,
              type.get(),
              false,
              false,
              false,
              description(schema),
              schema.has("javaName")));
    }
    if (!required(reduced, properties)) {
      writable = false;
      return;
    }
    String simpleName = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    // The code model spaces a name ending in a digit from what follows it in places this writer
    // does not follow (such as a type argument's closing bracket).
    if (properties.isEmpty()
        || REFERENCED.contains(simpleName)
        || Character.isDigit(simpleName.charAt(simpleName.length() - 1))) {
      writable = false;
      return;
    }
    classes.put(
        qualifiedName,
        new PayloadClass(qualifiedName, description, properties, !reduced.path(EXTRA).isBoolean()));
  }

  /**
   * Marks what jsonschema2pojo marks {@code (Required)}: for each name the schema requires, the
   * field of the same Java name, and every method named as that field's getter and setter would be
   * (names derived from the field's name, not the property's, as jsonschema2pojo derives them);
   * false when a mention is outside the names it takes as they are, or marks a field twice.
   */
  private boolean required(JsonNode reduced, List<Property> properties) {
    Set<String> fields = new HashSet<>();
    Set<String> methods = new HashSet<>();
    for (JsonNode mention : reduced.path("required")) {
      String name = mention.asText();
      if (name.isEmpty()) {
        continue;
      }
      if (!simpleKey(name)) {
        return false;
      }
      String field;
      try {
        // The property's own schema, as jsonschema2pojo reads it: its javaName, if DistinctNames
        // gave it one, names the field.
        field = names.getPropertyName(name, reduced.path("properties").get(name));
      } catch (RuntimeException e) {
        // No Java name follows from the name alone (such as "_"): it marks no field, as in
        // jsonschema2pojo, whose property of that name DistinctNames named.
        continue;
      }
      if (properties.stream().noneMatch(p -> p.field().equals(field))) {
        continue;
      }
      if (!fields.add(field)) {
        return false;
      }
      String setter = names.getSetterName(field, null);
      methods.add(setter);
      methods.add("get" + setter.substring("set".length()));
    }
    properties.replaceAll(
        p ->
            new Property(
                p.key(),
                p.field(),
                p.getter(),
                p.setter(),
                p.type(),
                fields.contains(p.field()),
                methods.contains(p.getter()),
                methods.contains(p.setter()),
                p.description(),
                p.renamed()));
    return true;
  }

  /** The Java type of a property of schema {@code reduced}, as written in the class. */
  private Optional<String> type(JsonNode reduced) {
    if (reduced.has("existingJavaType")) {
      return PojoSchemas.JSON_NODE.equals(reduced.get("existingJavaType").asText())
          ? Optional.of("JsonNode")
          : Optional.empty();
    }
    return switch (reduced.path("type").asText()) {
      case "string" -> Optional.of("String");
      case "integer" -> Optional.of("Long");
      case "number" -> Optional.of("BigDecimal");
      case "boolean" -> Optional.of("Boolean");
      case "object" -> {
        object(reduced);
        String javaType = reduced.get("javaType").asText();
        yield Optional.of(javaType.substring(javaType.lastIndexOf('.') + 1));
      }
      case "array" -> type(reduced.get("items")).map(item -> "List<" + item + ">");
      default -> Optional.empty();
    };
  }

  private Optional<String> description(JsonNode reduced) {
    JsonNode description = reduced.get("description");
    if (description == null) {
      return Optional.empty();
    }
    String text = description.asText();
    if (!printable(text, true)) {
      writable = false;
    }
    return Optional.of(text);
  }

  /**
   * Whether {@code key} is a name jsonschema2pojo takes as it is: letters, digits, {@code _ $ - .}
   * (it cannot generate a property whose name needs escaping in a JSON pointer, such as one with a
   * space or a quote, and fails as it did before).
   */
  private static boolean simpleKey(String key) {
    // jsonschema2pojo reads a property's "javaName" wherever in the schema it finds one.
    if (key.isEmpty() || key.equals("javaName")) {
      return false;
    }
    // A name jsonschema2pojo cannot generate at all is this writer's: its Java names escape the
    // characters (PojoGenerator.escapeUnsafe, or DistinctNames for characters outside ASCII), and
    // its string literals escape everything.
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c >= 0x80 || PojoGenerator.unsafe(c)) {
        return true;
      }
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean simple =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "_$-.".indexOf(c) >= 0;
      if (!simple) {
        return false;
      }
    }
    return true;
  }

  /** Printable ASCII (and newlines, where {@code lines}), which both writers leave as it is. */
  private static boolean printable(String text, boolean lines) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 || c > 0x7e) && !(lines && c == '\n')) {
        return false;
      }
    }
    return true;
  }
}

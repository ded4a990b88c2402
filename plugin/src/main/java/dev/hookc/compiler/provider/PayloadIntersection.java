package dev.hookc.compiler.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.compiler.schema.JsonPointers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The shape every payload of a union has: the properties all of them declare, each typed by what
 * they agree on. It types {@code inputs.body} of an event that accepts several of a provider's
 * payloads ({@code pull_request} alone has one per action), while the validator checks the body
 * against any one of them: a property only some payloads send is not part of it.
 */
final class PayloadIntersection {
  /** Deep enough for {@code pull_request.head.repo.owner.login}; recursive schemas stop here. */
  private static final int MAX_DEPTH = 12;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final JsonNode root;
  private final boolean keepRequired;

  /**
   * @param root the schema whose {@code $defs} the branches' references name
   * @param keepRequired whether a property all branches require is required: only when the body is
   *     validated against them
   */
  PayloadIntersection(JsonNode root, boolean keepRequired) {
    this.root = root;
    this.keepRequired = keepRequired;
  }

  /** The schema of what every one of {@code branches} has. */
  ObjectNode of(List<JsonNode> branches) {
    return merge(branches, 0);
  }

  private ObjectNode merge(List<JsonNode> branches, int depth) {
    if (depth > MAX_DEPTH) {
      return NODES.objectNode();
    }
    List<JsonNode> resolved = new ArrayList<>();
    for (JsonNode branch : branches) {
      Optional<JsonNode> schema = flatten(branch, depth);
      if (schema.isEmpty()) {
        return NODES.objectNode();
      }
      resolved.add(schema.get());
    }
    Optional<String> type = commonType(resolved);
    if (type.isEmpty()) {
      return NODES.objectNode();
    }
    ObjectNode merged = NODES.objectNode();
    merged.put("type", type.get());
    switch (type.get()) {
      case "object" -> object(resolved, merged, depth);
      case "array" -> {
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode schema : resolved) {
          if (!schema.path("items").isObject()) {
            return NODES.objectNode();
          }
          items.add(schema.get("items"));
        }
        merged.set("items", merge(items, depth + 1));
      }
      default -> {}
    }
    return merged;
  }

  private void object(List<JsonNode> resolved, ObjectNode merged, int depth) {
    Set<String> common = null;
    Set<String> required = null;
    for (JsonNode schema : resolved) {
      Set<String> names = new LinkedHashSet<>();
      schema.path("properties").fieldNames().forEachRemaining(names::add);
      Set<String> own = new LinkedHashSet<>();
      schema.path("required").forEach(r -> own.add(r.asText()));
      if (common == null) {
        common = names;
        required = own;
      } else {
        common.retainAll(names);
        required.retainAll(own);
      }
    }
    ObjectNode properties = merged.putObject("properties");
    ArrayNode requiredNames = NODES.arrayNode();
    for (String name : common) {
      List<JsonNode> values = new ArrayList<>();
      resolved.forEach(schema -> values.add(schema.get("properties").get(name)));
      properties.set(name, merge(values, depth + 1));
      if (required.contains(name)) {
        requiredNames.add(name);
      }
    }
    if (keepRequired && !requiredNames.isEmpty()) {
      merged.set("required", requiredNames);
    }
  }

  /** The type all of {@code schemas} have, {@code null} aside; empty when they differ. */
  private static Optional<String> commonType(List<JsonNode> schemas) {
    String common = null;
    for (JsonNode schema : schemas) {
      String type = typeOf(schema);
      if (type == null || (common != null && !common.equals(type))) {
        return Optional.empty();
      }
      common = type;
    }
    return Optional.ofNullable(common);
  }

  private static String typeOf(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type == null) {
      return schema.has("properties") ? "object" : null;
    }
    if (type.isTextual()) {
      return type.asText().equals("null") ? null : type.asText();
    }
    String single = null;
    for (JsonNode t : type) {
      if (t.asText().equals("null")) {
        continue;
      }
      if (single != null) {
        return null;
      }
      single = t.asText();
    }
    return single;
  }

  /**
   * {@code schema} as one schema without combinators: the parts of an {@code allOf} joined, the
   * branches of an {@code anyOf} or {@code oneOf} other than {@code null} merged like a union;
   * empty when it has no shape.
   */
  private Optional<JsonNode> flatten(JsonNode branch, int depth) {
    JsonNode schema = resolve(branch);
    if (!schema.isObject() || schema.has("not") || schema.has("if")) {
      return Optional.empty();
    }
    for (String union : List.of("anyOf", "oneOf")) {
      if (schema.path(union).isArray()) {
        List<JsonNode> branches = new ArrayList<>();
        for (JsonNode member : schema.get(union)) {
          if (!"null".equals(resolve(member).path("type").asText())) {
            branches.add(member);
          }
        }
        return branches.isEmpty() ? Optional.empty() : Optional.of(merge(branches, depth + 1));
      }
    }
    if (!schema.path("allOf").isArray()) {
      return Optional.of(schema);
    }
    ObjectNode joined = NODES.objectNode();
    joined.put("type", "object");
    ObjectNode properties = joined.putObject("properties");
    for (JsonNode part : schema.get("allOf")) {
      Optional<JsonNode> flat = flatten(part, depth + 1);
      if (flat.isEmpty() || !"object".equals(typeOf(flat.get()))) {
        return Optional.empty();
      }
      flat.get()
          .path("properties")
          .properties()
          .forEach(p -> properties.set(p.getKey(), p.getValue()));
    }
    schema.path("properties").properties().forEach(p -> properties.set(p.getKey(), p.getValue()));
    return Optional.of(joined);
  }

  private JsonNode resolve(JsonNode schema) {
    JsonNode current = schema;
    for (int i = 0; i < MAX_DEPTH && current.isObject() && current.path("$ref").isTextual(); i++) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        return NODES.objectNode();
      }
      current = root.at(JsonPointers.percentDecode(ref.substring(1)));
    }
    return current;
  }
}

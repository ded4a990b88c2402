package dev.hookc.compiler.provider;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.schema.JsonPointers;
import dev.hookc.compiler.yaml.ScalarType;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import dev.hookc.compiler.yaml.YamlSequence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Copies schemas out of an OpenAPI document into one self-contained JSON Schema: every {@code $ref}
 * into the document is followed, its target copied once into {@code $defs} (a component {@code
 * #/components/schemas/X} as {@code $defs/X}) and the reference rewritten to it, so the project's
 * schema reader and payload classes take it like any schema written in YAML.
 *
 * <p>A provider's payload is checked for its shape, not for its values: {@code format}, {@code
 * pattern}, {@code enum} and {@code const} are left out (a provider adds an action or a state
 * without notice, and refusing a delivery it signed loses it), {@code oneOf} is read as {@code
 * anyOf} (without those values its branches overlap), and a property that may be {@code null} is
 * not required, so that reading it is null-checked.
 */
final class SchemaExtractor {
  private static final Set<String> VALUE_KEYWORDS = Set.of("format", "pattern", "enum", "const");
  private static final Set<String> SCHEMA_MAPS =
      Set.of("properties", "patternProperties", "dependentSchemas", "$defs", "definitions");
  private static final Set<String> SCHEMA_VALUES =
      Set.of(
          "items",
          "additionalProperties",
          "unevaluatedProperties",
          "propertyNames",
          "contains",
          "not",
          "if",
          "then",
          "else");
  private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");
  private static final String COMPONENTS = "/components/schemas/";

  private final OpenApiDocument document;
  private final Location ref;
  private final Diagnostics diagnostics;
  private final Map<String, YamlNode> defs = new TreeMap<>();
  private final Map<String, String> names = new LinkedHashMap<>();
  private final Deque<Pending> pending = new ArrayDeque<>();

  /** A reference to copy into {@code $defs}: its pointer and where it was written. */
  private record Pending(String pointer, YamlScalar written) {}

  /**
   * @param ref where the project's {@code $ref} naming the document was written: the place of a
   *     bundled document's nodes
   */
  SchemaExtractor(OpenApiDocument document, Location ref, Diagnostics diagnostics) {
    this.document = document;
    this.ref = ref;
    this.diagnostics = diagnostics;
  }

  /** The schema {@code schema} of the document, copied with its references rewritten. */
  YamlNode copy(YamlNode schema) {
    return schema(schema);
  }

  /**
   * The copied targets of every reference met so far, by name, following those they reference in
   * turn: the {@code $defs} of the schema being built.
   */
  YamlMapping defs() {
    while (!pending.isEmpty()) {
      Pending next = pending.pop();
      String name = names.get(next.pointer());
      Optional<YamlNode> target = document.at(next.pointer(), ref);
      if (target.isEmpty()) {
        diagnostics.report(
            ProviderCode.UNRESOLVED_POINTER,
            next.written().location(),
            "'$ref' points at nothing in " + document.name() + ": '#" + next.pointer() + "'");
        defs.put(name, YamlScalar.of("true", ScalarType.BOOLEAN, next.written().location()));
      } else {
        defs.put(name, schema(target.get()));
      }
    }
    List<YamlMapping.Entry> entries = new ArrayList<>();
    defs.forEach(
        (name, node) ->
            entries.add(
                new YamlMapping.Entry(
                    YamlScalar.of(name, ScalarType.STRING, node.location()), node)));
    return new YamlMapping(entries, ref);
  }

  private YamlNode schema(YamlNode node) {
    if (!(node instanceof YamlMapping mapping)) {
      return node;
    }
    List<YamlMapping.Entry> entries = new ArrayList<>();
    for (YamlMapping.Entry entry : mapping.entries()) {
      String key = entry.key().value();
      YamlNode value = entry.value();
      if (VALUE_KEYWORDS.contains(key)) {
        continue;
      }
      YamlScalar copiedKey =
          key.equals("oneOf")
              ? YamlScalar.of("anyOf", ScalarType.STRING, entry.key().location())
              : entry.key();
      YamlNode copied;
      if (key.equals("$ref") && value instanceof YamlScalar written) {
        copied = reference(written);
      } else if (key.equals("required") && value instanceof YamlSequence list) {
        copied = required(mapping, list);
      } else if (SCHEMA_MAPS.contains(key) && value instanceof YamlMapping map) {
        List<YamlMapping.Entry> members = new ArrayList<>();
        map.entries().forEach(m -> members.add(new YamlMapping.Entry(m.key(), schema(m.value()))));
        copied = new YamlMapping(members, map.location());
      } else if (SCHEMA_VALUES.contains(key)) {
        copied = schema(value);
      } else if (SCHEMA_LISTS.contains(key) && value instanceof YamlSequence list) {
        copied =
            new YamlSequence(list.items().stream().map(this::schema).toList(), list.location());
      } else {
        copied = value;
      }
      entries.add(new YamlMapping.Entry(copiedKey, copied));
    }
    return new YamlMapping(entries, mapping.location());
  }

  /** The reference rewritten into {@code $defs}; one into another document is reported. */
  private YamlScalar reference(YamlScalar written) {
    String text = written.value();
    if (!text.startsWith("#")) {
      diagnostics.report(
          ProviderCode.EXTERNAL_REF,
          written.location(),
          "'$ref' in " + document.name() + " names another document: '" + text + "'",
          "hookc follows references inside one OpenAPI document only");
      return YamlScalar.of("#", ScalarType.STRING, written.location());
    }
    String pointer = JsonPointers.percentDecode(text.substring(1));
    String name =
        names.computeIfAbsent(
            pointer,
            p -> {
              pending.push(new Pending(p, written));
              return p.startsWith(COMPONENTS) && p.indexOf('/', COMPONENTS.length()) < 0
                  ? JsonPointers.unescape(p.substring(COMPONENTS.length()))
                  : "ref:" + p;
            });
    return YamlScalar.of("#/$defs/" + escape(name), ScalarType.STRING, written.location());
  }

  /** {@code required} without the properties whose value may be {@code null}. */
  private YamlSequence required(YamlMapping object, YamlSequence required) {
    Optional<YamlMapping> properties =
        object.get("properties").filter(YamlMapping.class::isInstance).map(YamlMapping.class::cast);
    List<YamlNode> kept = new ArrayList<>();
    for (YamlNode name : required.items()) {
      boolean nullable =
          name instanceof YamlScalar s
              && properties.flatMap(p -> p.get(s.value())).map(p -> admitsNull(p, 0)).orElse(false);
      if (!nullable) {
        kept.add(name);
      }
    }
    return new YamlSequence(kept, required.location());
  }

  private boolean admitsNull(YamlNode schema, int depth) {
    if (!(schema instanceof YamlMapping mapping) || depth > 8) {
      return false;
    }
    if (mapping
        .get("nullable")
        .filter(n -> n instanceof YamlScalar s && s.value().equals("true"))
        .isPresent()) {
      return true;
    }
    Optional<YamlNode> type = mapping.get("type");
    if (type.isPresent()
        && type.get() instanceof YamlSequence types
        && types.items().stream()
            .anyMatch(t -> t instanceof YamlScalar s && s.value().equals("null"))) {
      return true;
    }
    if (type.isPresent() && type.get() instanceof YamlScalar s && s.value().equals("null")) {
      return true;
    }
    for (String combinator : List.of("anyOf", "oneOf")) {
      if (mapping.get(combinator).orElse(null) instanceof YamlSequence branches
          && branches.items().stream().anyMatch(b -> admitsNull(b, depth + 1))) {
        return true;
      }
    }
    if (mapping.get("$ref").orElse(null) instanceof YamlScalar target
        && target.value().startsWith("#")) {
      return document
          .at(JsonPointers.percentDecode(target.value().substring(1)), ref)
          .map(t -> admitsNull(t, depth + 1))
          .orElse(false);
    }
    return false;
  }

  /** {@code name} as one token of a JSON Pointer in a URI fragment. */
  static String escape(String name) {
    StringBuilder escaped = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      switch (c) {
        case '~' -> escaped.append("~0");
        case '/' -> escaped.append("~1");
        case '%' -> escaped.append("%25");
        case '"' -> escaped.append("%22");
        case ' ' -> escaped.append("%20");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}

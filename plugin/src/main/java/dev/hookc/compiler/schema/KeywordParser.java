package dev.hookc.compiler.schema;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.yaml.ScalarType;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import dev.hookc.compiler.yaml.YamlSequence;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns one schema mapping's keywords into a {@link SchemaNode}, reporting what is wrong. */
final class KeywordParser {
  static final Set<String> TYPES =
      Set.of("null", "boolean", "object", "array", "number", "string", "integer");
  static final Set<String> FORMATS =
      Set.of("date-time", "date", "time", "email", "uuid", "uri", "ipv4", "ipv6", "hostname");
  static final Set<String> KEYWORDS =
      Set.of(
          "type",
          "properties",
          "required",
          "additionalProperties",
          "unevaluatedProperties",
          "patternProperties",
          "propertyNames",
          "enum",
          "const",
          "minLength",
          "maxLength",
          "pattern",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "multipleOf",
          "items",
          "prefixItems",
          "contains",
          "minContains",
          "maxContains",
          "minItems",
          "maxItems",
          "uniqueItems",
          "minProperties",
          "maxProperties",
          "dependentRequired",
          "dependentSchemas",
          "allOf",
          "anyOf",
          "oneOf",
          "not",
          "if",
          "then",
          "else",
          "$ref",
          "$defs",
          "definitions",
          "$id",
          "$anchor",
          "$schema",
          "$comment",
          "default",
          "title",
          "description",
          "examples",
          "example",
          "deprecated",
          "readOnly",
          "writeOnly",
          "format",
          "nullable");

  /** A {@code $ref} to resolve once the whole document is indexed. */
  record PendingRef(SchemaNode from, YamlScalar reference, String base) {}

  private final Diagnostics diagnostics;
  private final SchemaIndex index;
  private final Map<YamlNode, SchemaNode> parsed;
  private final List<PendingRef> refs;

  /** The shared definition being parsed, which every node created meanwhile belongs to. */
  private String definition;

  KeywordParser(
      Diagnostics diagnostics,
      SchemaIndex index,
      Map<YamlNode, SchemaNode> parsed,
      List<PendingRef> refs) {
    this.diagnostics = diagnostics;
    this.index = index;
    this.parsed = parsed;
    this.refs = refs;
  }

  /**
   * Parses shared definition {@code name}, marking each of its subschemas as belonging to it; a
   * {@code $ref} is only resolved later, so no other schema is parsed meanwhile.
   */
  SchemaNode parseDefinition(YamlNode yaml, String name, String base) {
    definition = name;
    try {
      return parse(yaml, "/definitions/" + name, base);
    } finally {
      definition = null;
    }
  }

  /** Parses the schema at {@code yaml}, once: a second call returns the same node. */
  SchemaNode parse(YamlNode yaml, String pointer, String base) {
    SchemaNode known = parsed.get(yaml);
    if (known != null) {
      return known;
    }
    SchemaNode node = new SchemaNode(pointer, yaml.location().toString());
    node.definition = definition;
    parsed.put(yaml, node);
    if (yaml instanceof YamlScalar scalar && scalar.type() == ScalarType.BOOLEAN) {
      node.constant = Boolean.valueOf(scalar.value());
    } else if (yaml instanceof YamlMapping mapping) {
      String ownBase = baseOf(mapping, base);
      if (pointer.isEmpty() || !ownBase.equals(base)) {
        index.addResource(ownBase, mapping);
      }
      for (YamlMapping.Entry entry : mapping.entries()) {
        keyword(node, entry.key(), entry.value(), ownBase);
      }
      nullable(node, mapping);
      checkRequiredDeclared(node, mapping);
    } else {
      diagnostics.report(
          SchemaCode.NOT_A_SCHEMA,
          yaml.location(),
          "expected a schema (a mapping of keywords, or true or false), found a "
              + yaml.kindName());
      node.constant = Boolean.TRUE;
    }
    return node;
  }

  private String baseOf(YamlMapping mapping, String base) {
    String ownBase = base;
    if (mapping.get("$id").orElse(null) instanceof YamlScalar id && !id.value().startsWith("#")) {
      ownBase = SchemaIndex.withoutFragment(SchemaIndex.resolve(base, id.value()));
    }
    if (mapping.get("$anchor").orElse(null) instanceof YamlScalar anchor) {
      index.addAnchor(ownBase, anchor.value(), mapping);
    }
    return ownBase;
  }

  private void keyword(SchemaNode node, YamlScalar key, YamlNode value, String base) {
    String name = key.value();
    String at = node.pointer + "/" + SchemaIndex.escape(name);
    switch (name) {
      case "type" -> types(node, value);
      case "properties" -> schemaMap(value, at, base, node.properties);
      case "patternProperties" -> patternProperties(node, value, at, base);
      case "dependentSchemas" -> schemaMap(value, at, base, node.dependentSchemas);
      case "$defs", "definitions" -> schemaMap(value, at, base, new java.util.HashMap<>());
      case "additionalProperties" -> node.additionalProperties = parse(value, at, base);
      case "unevaluatedProperties" -> node.unevaluatedProperties = parse(value, at, base);
      case "propertyNames" -> node.propertyNames = parse(value, at, base);
      case "items" -> node.items = parse(value, at, base);
      case "contains" -> node.contains = parse(value, at, base);
      case "not" -> node.not = parse(value, at, base);
      case "if" -> node.ifSchema = parse(value, at, base);
      case "then" -> node.thenSchema = parse(value, at, base);
      case "else" -> node.elseSchema = parse(value, at, base);
      case "prefixItems" -> schemaList(value, at, base, node.prefixItems);
      case "allOf" -> schemaList(value, at, base, node.allOf);
      case "anyOf" -> schemaList(value, at, base, node.anyOf);
      case "oneOf" -> schemaList(value, at, base, node.oneOf);
      case "required" -> node.required.addAll(strings(name, value));
      case "dependentRequired" -> dependentRequired(node, value);
      case "enum" -> enumValues(node, value);
      case "const" -> node.constValue = literal(value);
      case "minLength" -> node.minLength = count(name, value);
      case "maxLength" -> node.maxLength = count(name, value);
      case "minItems" -> node.minItems = count(name, value);
      case "maxItems" -> node.maxItems = count(name, value);
      case "minContains" -> node.minContains = count(name, value);
      case "maxContains" -> node.maxContains = count(name, value);
      case "minProperties" -> node.minProperties = count(name, value);
      case "maxProperties" -> node.maxProperties = count(name, value);
      case "minimum" -> node.minimum = number(name, value);
      case "maximum" -> node.maximum = number(name, value);
      case "exclusiveMinimum" -> node.exclusiveMinimum = number(name, value);
      case "exclusiveMaximum" -> node.exclusiveMaximum = number(name, value);
      case "multipleOf" -> multipleOf(node, value);
      case "uniqueItems" -> node.uniqueItems = flag(name, value);
      case "pattern" -> pattern(node, value);
      case "format" -> format(node, value);
      case "$ref" -> ref(node, value, base);
      case "title" -> node.title = value instanceof YamlScalar s ? s.value() : null;
      case "nullable", "deprecated", "readOnly", "writeOnly" -> flag(name, value);
      case "$id",
          "$anchor",
          "$schema",
          "$comment",
          "default",
          "description",
          "examples",
          "example" -> {}
      default -> unsupported(key);
    }
  }

  private void unsupported(YamlScalar key) {
    String name = key.value();
    if (name.startsWith("x-")) {
      return;
    }
    Suggestions.didYouMean(name, KEYWORDS)
        .ifPresentOrElse(
            hint ->
                diagnostics.report(
                    SchemaCode.UNSUPPORTED_KEYWORD,
                    key.location(),
                    "unknown schema keyword '" + name + "'",
                    hint),
            () ->
                diagnostics.report(
                    SchemaCode.UNSUPPORTED_KEYWORD,
                    key.location(),
                    "schema keyword '" + name + "' is not supported by hookc",
                    "remove it or express the rule with supported keywords"));
  }

  private void types(SchemaNode node, YamlNode value) {
    List<YamlNode> names =
        value instanceof YamlSequence sequence ? sequence.items() : List.of(value);
    for (YamlNode item : names) {
      if (!(item instanceof YamlScalar scalar) || scalar.type() != ScalarType.STRING) {
        wrong(item, "'type' must be a type name or a list of them, found a " + item.kindName());
      } else if (!TYPES.contains(scalar.value())) {
        String hint =
            Suggestions.didYouMean(scalar.value(), TYPES)
                .orElse("one of " + new java.util.TreeSet<>(TYPES));
        diagnostics.report(
            SchemaCode.UNKNOWN_TYPE,
            scalar.location(),
            "unknown type '" + scalar.value() + "'",
            hint);
      } else {
        node.types.add(scalar.value());
      }
    }
  }

  private void nullable(SchemaNode node, YamlMapping mapping) {
    boolean nullable =
        mapping.get("nullable").orElse(null) instanceof YamlScalar s
            && s.type() == ScalarType.BOOLEAN
            && s.value().equals("true");
    if (nullable && !node.types.isEmpty()) {
      node.types.add("null");
    }
  }

  private void schemaMap(YamlNode value, String at, String base, Map<String, SchemaNode> into) {
    if (!(value instanceof YamlMapping mapping)) {
      wrong(value, "expected a mapping of names to schemas, found a " + value.kindName());
      return;
    }
    for (YamlMapping.Entry entry : mapping.entries()) {
      String name = entry.key().value();
      into.put(name, parse(entry.value(), at + "/" + SchemaIndex.escape(name), base));
    }
  }

  private void schemaList(YamlNode value, String at, String base, List<SchemaNode> into) {
    if (!(value instanceof YamlSequence sequence) || sequence.items().isEmpty()) {
      wrong(value, "expected a non-empty list of schemas, found a " + value.kindName());
      return;
    }
    for (int i = 0; i < sequence.items().size(); i++) {
      into.add(parse(sequence.items().get(i), at + "/" + i, base));
    }
  }

  private void patternProperties(SchemaNode node, YamlNode value, String at, String base) {
    if (!(value instanceof YamlMapping mapping)) {
      wrong(value, "expected a mapping of patterns to schemas, found a " + value.kindName());
      return;
    }
    for (YamlMapping.Entry entry : mapping.entries()) {
      String regex = entry.key().value();
      PatternSource source = PatternTranslator.translate(entry.key(), diagnostics);
      SchemaNode child = parse(entry.value(), at + "/" + SchemaIndex.escape(regex), base);
      if (source != null) {
        node.patternProperties.put(regex, child);
        node.patternPropertiesSource.put(regex, source);
      }
    }
  }

  private void pattern(SchemaNode node, YamlNode value) {
    if (!(value instanceof YamlScalar scalar) || scalar.type() != ScalarType.STRING) {
      wrong(value, "'pattern' must be a regular expression string, found a " + value.kindName());
      return;
    }
    PatternSource source = PatternTranslator.translate(scalar, diagnostics);
    if (source != null) {
      node.pattern = scalar.value();
      node.patternSource = source;
    }
  }

  private void format(SchemaNode node, YamlNode value) {
    if (!(value instanceof YamlScalar scalar)) {
      wrong(value, "'format' must be a format name, found a " + value.kindName());
    } else if (FORMATS.contains(scalar.value())) {
      node.format = scalar.value();
    } else {
      diagnostics.report(
          SchemaCode.UNKNOWN_FORMAT,
          scalar.location(),
          "format '" + scalar.value() + "' is not checked by hookc",
          Suggestions.didYouMean(scalar.value(), FORMATS)
              .orElse("checked formats: " + new java.util.TreeSet<>(FORMATS)));
    }
  }

  private void ref(SchemaNode node, YamlNode value, String base) {
    if (value instanceof YamlScalar scalar && scalar.type() == ScalarType.STRING) {
      refs.add(new PendingRef(node, scalar, base));
    } else {
      wrong(value, "'$ref' must be a URI reference string, found a " + value.kindName());
    }
  }

  private void enumValues(SchemaNode node, YamlNode value) {
    if (value instanceof YamlSequence sequence) {
      node.enumValues = sequence.items().stream().map(KeywordParser::literal).toList();
    } else {
      wrong(value, "'enum' must be a list of allowed values, found a " + value.kindName());
    }
  }

  private void dependentRequired(SchemaNode node, YamlNode value) {
    if (!(value instanceof YamlMapping mapping)) {
      wrong(value, "'dependentRequired' must map names to lists of names");
      return;
    }
    for (YamlMapping.Entry entry : mapping.entries()) {
      node.dependentRequired.put(entry.key().value(), strings("dependentRequired", entry.value()));
    }
  }

  private List<String> strings(String keyword, YamlNode value) {
    List<String> names = new ArrayList<>();
    if (!(value instanceof YamlSequence sequence)) {
      wrong(
          value, "'" + keyword + "' must be a list of property names, found a " + value.kindName());
      return names;
    }
    for (YamlNode item : sequence.items()) {
      if (item instanceof YamlScalar scalar && scalar.type() == ScalarType.STRING) {
        names.add(scalar.value());
      } else {
        wrong(item, "'" + keyword + "' must list property names, found a " + item.kindName());
      }
    }
    return names;
  }

  private Integer count(String keyword, YamlNode value) {
    BigDecimal number = number(keyword, value);
    if (number == null) {
      return null;
    }
    if (number.signum() < 0 || number.stripTrailingZeros().scale() > 0) {
      diagnostics.report(
          SchemaCode.NEGATIVE_COUNT,
          value.location(),
          "'" + keyword + "' must be a non-negative integer, found " + number.toPlainString());
      return null;
    }
    return number.min(BigDecimal.valueOf(Integer.MAX_VALUE)).intValue();
  }

  private void multipleOf(SchemaNode node, YamlNode value) {
    BigDecimal number = number("multipleOf", value);
    if (number != null && number.signum() <= 0) {
      wrong(value, "'multipleOf' must be greater than 0, found " + number.toPlainString());
    } else {
      node.multipleOf = number;
    }
  }

  private BigDecimal number(String keyword, YamlNode value) {
    if (value instanceof YamlScalar scalar
        && (scalar.type() == ScalarType.INTEGER || scalar.type() == ScalarType.FLOAT)) {
      try {
        return new BigDecimal(scalar.value().replace("_", ""));
      } catch (NumberFormatException e) {
        // YAML spellings such as .inf or 0x1F are not JSON numbers; reported below.
      }
    }
    wrong(value, "'" + keyword + "' must be a number, found " + describe(value));
    return null;
  }

  private boolean flag(String keyword, YamlNode value) {
    if (value instanceof YamlScalar scalar && scalar.type() == ScalarType.BOOLEAN) {
      return scalar.value().equals("true");
    }
    wrong(value, "'" + keyword + "' must be true or false, found " + describe(value));
    return false;
  }

  private void checkRequiredDeclared(SchemaNode node, YamlMapping mapping) {
    if (node.additionalProperties == null
        || !Boolean.FALSE.equals(node.additionalProperties.constant)
        || !node.patternProperties.isEmpty()
        || !(mapping.get("required").orElse(null) instanceof YamlSequence required)) {
      return;
    }
    for (YamlNode item : required.items()) {
      if (item instanceof YamlScalar name && !node.properties.containsKey(name.value())) {
        diagnostics.report(
            SchemaCode.REQUIRED_NOT_DECLARED,
            name.location(),
            "required property '"
                + name.value()
                + "' is not in 'properties', and 'additionalProperties' is false,"
                + " so no value can be valid",
            Suggestions.didYouMean(name.value(), node.properties.keySet())
                .orElse("declare it under 'properties'"));
      }
    }
  }

  private static SchemaLiteral literal(YamlNode value) {
    Optional<String> string =
        value instanceof YamlScalar scalar && scalar.type() == ScalarType.STRING
            ? Optional.of(scalar.value())
            : Optional.empty();
    return new SchemaLiteral(JsonText.of(value), JsonText.display(value), string);
  }

  private void wrong(YamlNode at, String message) {
    diagnostics.report(SchemaCode.WRONG_VALUE, at.location(), message);
  }

  private static String describe(YamlNode value) {
    return value instanceof YamlScalar scalar
        ? "'" + scalar.value() + "' (" + scalar.kindName() + ")"
        : "a " + value.kindName();
  }
}

package dev.hookc.compiler.schema;

import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.yaml.YamlNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One schema of a document (the root or any subschema), with the keywords hookc checks.
 *
 * <p>The reader fills the fields in while it walks the YAML, and resolves {@code $ref} once the
 * whole document is known; nothing changes them afterwards. Absent keywords are null or empty.
 */
final class SchemaNode {
  /** Where the schema sits in its document, as a JSON Pointer; names the generated methods. */
  final String pointer;

  final Location location;

  /** {@code true} or {@code false} for a boolean schema, null for a mapping. */
  Boolean constant;

  final Set<String> types = new LinkedHashSet<>();
  final Map<String, SchemaNode> properties = new LinkedHashMap<>();
  final List<String> required = new ArrayList<>();
  SchemaNode additionalProperties;
  SchemaNode unevaluatedProperties;
  final Map<String, SchemaNode> patternProperties = new LinkedHashMap<>();

  /** The translation of each {@link #patternProperties} key for the engine that runs it. */
  final Map<String, PatternSource> patternPropertiesSource = new LinkedHashMap<>();

  SchemaNode propertyNames;
  List<YamlNode> enumValues;
  YamlNode constValue;
  Integer minLength;
  Integer maxLength;
  String pattern;
  PatternSource patternSource;
  BigDecimal minimum;
  BigDecimal maximum;
  BigDecimal exclusiveMinimum;
  BigDecimal exclusiveMaximum;
  BigDecimal multipleOf;
  SchemaNode items;
  final List<SchemaNode> prefixItems = new ArrayList<>();
  SchemaNode contains;
  Integer minContains;
  Integer maxContains;
  Integer minItems;
  Integer maxItems;
  boolean uniqueItems;
  Integer minProperties;
  Integer maxProperties;
  final Map<String, List<String>> dependentRequired = new LinkedHashMap<>();
  final Map<String, SchemaNode> dependentSchemas = new LinkedHashMap<>();
  final List<SchemaNode> allOf = new ArrayList<>();
  final List<SchemaNode> anyOf = new ArrayList<>();
  final List<SchemaNode> oneOf = new ArrayList<>();
  SchemaNode not;
  SchemaNode ifSchema;
  SchemaNode thenSchema;
  SchemaNode elseSchema;
  SchemaNode ref;
  String format;
  String title;

  /**
   * The shared definition ({@code src/definitions}) this schema was read from, or null for a schema
   * of the document itself; such a schema can be generated once for the whole build.
   */
  String definition;

  /** Where the subschema was written, for generated Javadoc. */
  String where() {
    return location.toString();
  }

  SchemaNode(String pointer, Location location) {
    this.pointer = pointer;
    this.location = location;
  }

  /** The subschemas applied to the instance itself rather than to a part of it. */
  List<SchemaNode> inPlace() {
    List<SchemaNode> all = new ArrayList<>(allOf);
    all.addAll(anyOf);
    all.addAll(oneOf);
    all.addAll(dependentSchemas.values());
    for (SchemaNode node : new SchemaNode[] {ifSchema, thenSchema, elseSchema, ref}) {
      if (node != null) {
        all.add(node);
      }
    }
    return all;
  }

  /** Every direct subschema, in a fixed order, for walking the graph. */
  List<SchemaNode> children() {
    List<SchemaNode> all = new ArrayList<>(properties.values());
    all.addAll(patternProperties.values());
    for (SchemaNode node :
        new SchemaNode[] {additionalProperties, unevaluatedProperties, propertyNames, items}) {
      if (node != null) {
        all.add(node);
      }
    }
    all.addAll(prefixItems);
    if (contains != null) {
      all.add(contains);
    }
    if (not != null) {
      all.add(not);
    }
    all.addAll(inPlace());
    return all;
  }
}

package dev.hookc.compiler.schema;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One checked schema of a document (the root or any subschema), with the keywords hookc checks.
 *
 * <p>Schemas refer to each other in cycles ({@code $ref} recursion), so they cannot be built bottom
 * up: the {@link SchemaReader} fills the fields in while it walks the YAML, and resolves {@code
 * $ref} once the whole document is known. Only this package can write them, and nothing does once
 * the reader has returned, so a read schema is immutable: outside this package it is read through
 * its accessors, whose collections are unmodifiable. Absent keywords are null or empty. Identity
 * matters: a node is equal only to itself, and the generators key their maps by node.
 */
public final class SchemaNode {
  /** Where the schema sits in its document, as a JSON Pointer; names the generated methods. */
  final String pointer;

  /** Where the schema was written: {@code file:line:column}. */
  final String where;

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
  List<SchemaLiteral> enumValues;
  SchemaLiteral constValue;
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

  /** Where the subschema was written, for generated Javadoc: {@code file:line:column}. */
  public String where() {
    return where;
  }

  SchemaNode(String pointer, String where) {
    this.pointer = pointer;
    this.where = where;
  }

  /** Where the schema sits in its document, as a JSON Pointer; names the generated methods. */
  public String pointer() {
    return pointer;
  }

  /** {@code true} or {@code false} for a boolean schema, null for a mapping. */
  public Boolean constant() {
    return constant;
  }

  /** The types of keyword {@code type} (with {@code null} when {@code nullable}), in order. */
  public Set<String> types() {
    return Collections.unmodifiableSet(types);
  }

  /** Keyword {@code properties}. */
  public Map<String, SchemaNode> properties() {
    return Collections.unmodifiableMap(properties);
  }

  /** Keyword {@code required}. */
  public List<String> required() {
    return Collections.unmodifiableList(required);
  }

  /** Keyword {@code additionalProperties}. */
  public SchemaNode additionalProperties() {
    return additionalProperties;
  }

  /** Keyword {@code unevaluatedProperties}. */
  public SchemaNode unevaluatedProperties() {
    return unevaluatedProperties;
  }

  /** Keyword {@code patternProperties}. */
  public Map<String, SchemaNode> patternProperties() {
    return Collections.unmodifiableMap(patternProperties);
  }

  /** The translation of each {@link #patternProperties} key for the engine that runs it. */
  public Map<String, PatternSource> patternPropertiesSource() {
    return Collections.unmodifiableMap(patternPropertiesSource);
  }

  /** Keyword {@code propertyNames}. */
  public SchemaNode propertyNames() {
    return propertyNames;
  }

  /** The values of {@code enum}, or null when absent. */
  public List<SchemaLiteral> enumValues() {
    return enumValues == null ? null : Collections.unmodifiableList(enumValues);
  }

  /** Keyword {@code const}. */
  public SchemaLiteral constValue() {
    return constValue;
  }

  /** Keyword {@code minLength}. */
  public Integer minLength() {
    return minLength;
  }

  /** Keyword {@code maxLength}. */
  public Integer maxLength() {
    return maxLength;
  }

  /** Keyword {@code pattern}. */
  public String pattern() {
    return pattern;
  }

  /** Keyword {@code patternSource}. */
  public PatternSource patternSource() {
    return patternSource;
  }

  /** Keyword {@code minimum}. */
  public BigDecimal minimum() {
    return minimum;
  }

  /** Keyword {@code maximum}. */
  public BigDecimal maximum() {
    return maximum;
  }

  /** Keyword {@code exclusiveMinimum}. */
  public BigDecimal exclusiveMinimum() {
    return exclusiveMinimum;
  }

  /** Keyword {@code exclusiveMaximum}. */
  public BigDecimal exclusiveMaximum() {
    return exclusiveMaximum;
  }

  /** Keyword {@code multipleOf}. */
  public BigDecimal multipleOf() {
    return multipleOf;
  }

  /** Keyword {@code items}. */
  public SchemaNode items() {
    return items;
  }

  /** Keyword {@code prefixItems}. */
  public List<SchemaNode> prefixItems() {
    return Collections.unmodifiableList(prefixItems);
  }

  /** Keyword {@code contains}. */
  public SchemaNode contains() {
    return contains;
  }

  /** Keyword {@code minContains}. */
  public Integer minContains() {
    return minContains;
  }

  /** Keyword {@code maxContains}. */
  public Integer maxContains() {
    return maxContains;
  }

  /** Keyword {@code minItems}. */
  public Integer minItems() {
    return minItems;
  }

  /** Keyword {@code maxItems}. */
  public Integer maxItems() {
    return maxItems;
  }

  /** Keyword {@code uniqueItems}. */
  public boolean uniqueItems() {
    return uniqueItems;
  }

  /** Keyword {@code minProperties}. */
  public Integer minProperties() {
    return minProperties;
  }

  /** Keyword {@code maxProperties}. */
  public Integer maxProperties() {
    return maxProperties;
  }

  /** Keyword {@code dependentRequired}. */
  public Map<String, List<String>> dependentRequired() {
    return Collections.unmodifiableMap(dependentRequired);
  }

  /** Keyword {@code dependentSchemas}. */
  public Map<String, SchemaNode> dependentSchemas() {
    return Collections.unmodifiableMap(dependentSchemas);
  }

  /** Keyword {@code allOf}. */
  public List<SchemaNode> allOf() {
    return Collections.unmodifiableList(allOf);
  }

  /** Keyword {@code anyOf}. */
  public List<SchemaNode> anyOf() {
    return Collections.unmodifiableList(anyOf);
  }

  /** Keyword {@code oneOf}. */
  public List<SchemaNode> oneOf() {
    return Collections.unmodifiableList(oneOf);
  }

  /** Keyword {@code not}. */
  public SchemaNode not() {
    return not;
  }

  /** Keyword {@code if}. */
  public SchemaNode ifSchema() {
    return ifSchema;
  }

  /** Keyword {@code then}. */
  public SchemaNode thenSchema() {
    return thenSchema;
  }

  /** Keyword {@code else}. */
  public SchemaNode elseSchema() {
    return elseSchema;
  }

  /** Keyword {@code $ref}. */
  public SchemaNode ref() {
    return ref;
  }

  /** Keyword {@code format}. */
  public String format() {
    return format;
  }

  /** Keyword {@code title}. */
  public String title() {
    return title;
  }

  /**
   * The shared definition this schema was read from, or null for a schema of the document itself.
   */
  public String definition() {
    return definition;
  }

  /** Every schema reachable from {@code roots}, the roots first, each once, in a stable order. */
  public static List<SchemaNode> reachable(SchemaNode... roots) {
    Set<SchemaNode> seen = new LinkedHashSet<>();
    Deque<SchemaNode> queue = new ArrayDeque<>(List.of(roots));
    while (!queue.isEmpty()) {
      SchemaNode node = queue.removeFirst();
      if (seen.add(node)) {
        queue.addAll(node.children());
      }
    }
    return new ArrayList<>(seen);
  }

  /** The subschemas applied to the instance itself rather than to a part of it. */
  public List<SchemaNode> inPlace() {
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
  public List<SchemaNode> children() {
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

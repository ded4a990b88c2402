package dev.hookc.compiler.schema;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the keywords that apply subschemas or count members: objects, arrays, the boolean
 * combinators, conditionals and {@code $ref}. Subschemas whose answer alone matters ({@code anyOf},
 * {@code oneOf}, {@code not}, {@code if}, {@code contains}) are asked through their validity
 * method, so no violation is allocated for them.
 */
final class ApplicatorWriter {
  private static final ClassName TEXT_NODE =
      ClassName.get("com.fasterxml.jackson.databind.node", "TextNode");
  private final Constants constants;
  private final MethodNames names;

  ApplicatorWriter(Constants constants, MethodNames names) {
    this.constants = constants;
    this.names = names;
  }

  void write(SchemaNode node, Emitter emit, CodeBlock.Builder code) {
    object(node, emit, code);
    array(node, emit, code);
    combinators(node, emit, code);
  }

  private void object(SchemaNode node, Emitter emit, CodeBlock.Builder code) {
    boolean iterates =
        !node.patternProperties.isEmpty()
            || node.additionalProperties != null
            || node.propertyNames != null;
    if (node.required.isEmpty()
        && node.minProperties == null
        && node.maxProperties == null
        && node.dependentRequired.isEmpty()
        && node.dependentSchemas.isEmpty()
        && node.properties.isEmpty()
        && node.unevaluatedProperties == null
        && !iterates) {
      return;
    }
    code.beginControlFlow("if (node.isObject())");
    if (!emit.collecting()) {
      validObject(node, emit, code, iterates);
      code.endControlFlow();
      return;
    }
    for (String name : node.required) {
      code.beginControlFlow("if (!node.has($S))", name);
      emit.fail(code, "required", "must have required property '" + name + "'");
      code.endControlFlow();
    }
    counts(node, emit, code);
    properties(node, emit, code);
    if (iterates) {
      members(node, emit, code);
    }
    if (node.unevaluatedProperties != null) {
      unevaluated(node, emit, code);
    }
    code.endControlFlow();
  }

  /**
   * The object keywords in a validity method, where only the answer matters: each declared property
   * is looked up once and serves its {@code required} check too, and a closed object ({@code
   * additionalProperties: false} and nothing else naming members) compares its size with the number
   * of declared properties present instead of looking every member up in a set.
   */
  private void validObject(
      SchemaNode node, Emitter emit, CodeBlock.Builder code, boolean iterates) {
    Map<String, String> locals = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    for (String name : node.properties.keySet()) {
      String local = local(name, used);
      locals.put(name, local);
      code.addStatement("$T $N = node.get($S)", Constants.JSON_NODE, local, name);
    }
    for (String name : node.required) {
      if (locals.containsKey(name)) {
        code.beginControlFlow("if ($N == null)", locals.get(name));
      } else {
        code.beginControlFlow("if (!node.has($S))", name);
      }
      emit.fail(code, "required", "must have required property '" + name + "'");
      code.endControlFlow();
    }
    counts(node, emit, code);
    boolean closed =
        Boolean.FALSE.equals(
                node.additionalProperties == null ? null : node.additionalProperties.constant)
            && node.patternProperties.isEmpty()
            && (node.propertyNames == null || Boolean.TRUE.equals(node.propertyNames.constant));
    if (closed) {
      code.addStatement("int present = 0");
    }
    for (Map.Entry<String, SchemaNode> property : node.properties.entrySet()) {
      SchemaNode child = property.getValue();
      String local = locals.get(property.getKey());
      if (Boolean.TRUE.equals(child.constant) && !closed) {
        continue;
      }
      code.beginControlFlow("if ($N != null)", local);
      if (closed) {
        code.addStatement("present++");
      }
      emit.child(code, child, local, Emitter.member(CodeBlock.of("$S", property.getKey())));
      code.endControlFlow();
    }
    if (closed) {
      code.beginControlFlow("if (node.size() != present)");
      emit.fail(code, "additionalProperties", "must not have additional properties");
      code.endControlFlow();
    } else if (iterates) {
      members(node, emit, code);
    }
    if (node.unevaluatedProperties != null) {
      unevaluated(node, emit, code);
    }
  }

  /** Property counts and dependencies, which read no member values. */
  private void counts(SchemaNode node, Emitter emit, CodeBlock.Builder code) {
    if (node.minProperties != null) {
      code.beginControlFlow("if (node.size() < $L)", node.minProperties);
      emit.fail(code, "minProperties", "must have at least " + node.minProperties + " properties");
      code.endControlFlow();
    }
    if (node.maxProperties != null) {
      code.beginControlFlow("if (node.size() > $L)", node.maxProperties);
      emit.fail(code, "maxProperties", "must have at most " + node.maxProperties + " properties");
      code.endControlFlow();
    }
    for (Map.Entry<String, List<String>> dependency : node.dependentRequired.entrySet()) {
      code.beginControlFlow("if (node.has($S))", dependency.getKey());
      for (String needed : dependency.getValue()) {
        code.beginControlFlow("if (!node.has($S))", needed);
        emit.fail(
            code,
            "dependentRequired",
            "must have property '" + needed + "' when '" + dependency.getKey() + "' is present");
        code.endControlFlow();
      }
      code.endControlFlow();
    }
    for (Map.Entry<String, SchemaNode> dependency : node.dependentSchemas.entrySet()) {
      code.beginControlFlow("if (node.has($S))", dependency.getKey());
      emit.inPlace(code, dependency.getValue());
      code.endControlFlow();
    }
  }

  private void properties(SchemaNode node, Emitter emit, CodeBlock.Builder code) {
    Set<String> locals = new HashSet<>();
    for (Map.Entry<String, SchemaNode> property : node.properties.entrySet()) {
      SchemaNode child = property.getValue();
      if (Boolean.TRUE.equals(child.constant)) {
        continue;
      }
      String local = local(property.getKey(), locals);
      code.addStatement("$T $N = node.get($S)", Constants.JSON_NODE, local, property.getKey());
      code.beginControlFlow("if ($N != null)", local);
      emit.stopWhenFull(code);
      emit.child(code, child, local, Emitter.member(CodeBlock.of("$S", property.getKey())));
      code.endControlFlow();
    }
  }

  /** A readable, unique local variable name for the value of property {@code name}. */
  private static String local(String name, Set<String> used) {
    String stem = MethodNames.baseName("/" + SchemaIndex.escape(name));
    String base = (stem.equals("root") ? "property" : stem) + "Value";
    String local = base;
    for (int i = 2; !used.add(local); i++) {
      local = base + i;
    }
    return local;
  }

  private void members(SchemaNode node, Emitter emit, CodeBlock.Builder code) {
    String stem = names.stem(node);
    code.beginControlFlow(
        "for ($T<String, $T> field : node.properties())", Map.Entry.class, Constants.JSON_NODE);
    emit.stopWhenFull(code);
    code.addStatement("String name = field.getKey()");
    CodeBlock pointer = Emitter.member(CodeBlock.of("name"));
    if (node.propertyNames != null && !Boolean.TRUE.equals(node.propertyNames.constant)) {
      code.beginControlFlow(
          "if (!$N($T.valueOf(name)))", names.isValid(node.propertyNames), TEXT_NODE);
      emit.fail(
          code,
          "propertyNames",
          CodeBlock.of("\"property name '\" + name + \"' does not match the schema for names\""));
      code.endControlFlow();
    }
    boolean additional = node.additionalProperties != null;
    if (additional && !node.properties.isEmpty()) {
      String known =
          constants.stringSet(stem, "PROPERTIES", new ArrayList<>(node.properties.keySet()));
      code.addStatement("boolean matched = $N.contains(name)", known);
    } else if (additional) {
      code.addStatement("boolean matched = false");
    }
    for (Map.Entry<String, String> pattern : node.patternPropertiesJava.entrySet()) {
      String field = constants.pattern(stem, pattern.getValue());
      code.beginControlFlow("if ($N.find(name))", field);
      if (additional) {
        code.addStatement("matched = true");
      }
      emit.child(code, node.patternProperties.get(pattern.getKey()), "field.getValue()", pointer);
      code.endControlFlow();
    }
    if (additional && !Boolean.TRUE.equals(node.additionalProperties.constant)) {
      code.beginControlFlow("if (!matched)");
      if (Boolean.FALSE.equals(node.additionalProperties.constant)) {
        emit.fail(
            code,
            "additionalProperties",
            CodeBlock.of("\"must not have additional property '\" + name + \"'\""));
      } else {
        emit.child(code, node.additionalProperties, "field.getValue()", pointer);
      }
      code.endControlFlow();
    }
    code.endControlFlow();
  }

  private void unevaluated(SchemaNode node, Emitter emit, CodeBlock.Builder code) {
    code.addStatement("$T<String> evaluated = new $T<>()", Set.class, HashSet.class);
    code.addStatement("$N(node, evaluated)", names.addEvaluated(node));
    code.beginControlFlow(
        "for ($T<String, $T> field : node.properties())", Map.Entry.class, Constants.JSON_NODE);
    emit.stopWhenFull(code);
    code.beginControlFlow("if (!evaluated.contains(field.getKey()))");
    if (Boolean.FALSE.equals(node.unevaluatedProperties.constant)) {
      emit.fail(
          code,
          "unevaluatedProperties",
          CodeBlock.of("\"must not have unevaluated property '\" + field.getKey() + \"'\""));
    } else {
      emit.child(
          code,
          node.unevaluatedProperties,
          "field.getValue()",
          Emitter.member(CodeBlock.of("field.getKey()")));
    }
    code.endControlFlow();
    code.endControlFlow();
  }

  private void array(SchemaNode node, Emitter emit, CodeBlock.Builder code) {
    if (node.minItems == null
        && node.maxItems == null
        && !node.uniqueItems
        && node.prefixItems.isEmpty()
        && node.items == null
        && node.contains == null) {
      return;
    }
    code.beginControlFlow("if (node.isArray())");
    if (node.minItems != null) {
      code.beginControlFlow("if (node.size() < $L)", node.minItems);
      emit.fail(code, "minItems", "must have at least " + node.minItems + " items");
      code.endControlFlow();
    }
    if (node.maxItems != null) {
      code.beginControlFlow("if (node.size() > $L)", node.maxItems);
      emit.fail(code, "maxItems", "must have at most " + node.maxItems + " items");
      code.endControlFlow();
    }
    if (node.uniqueItems) {
      code.addStatement("int[] duplicate = $T.firstDuplicate(node)", Constants.JSON_VALUES);
      code.beginControlFlow("if (duplicate != null)");
      emit.fail(
          code,
          "uniqueItems",
          CodeBlock.of(
              "\"must not contain duplicate items (items \" + duplicate[0] + \" and \""
                  + " + duplicate[1] + \" are equal)\""));
      code.endControlFlow();
    }
    for (int i = 0; i < node.prefixItems.size(); i++) {
      code.beginControlFlow("if (node.size() > $L)", i);
      emit.child(code, node.prefixItems.get(i), "node.get(" + i + ")", Emitter.item("" + i));
      code.endControlFlow();
    }
    items(node, emit, code);
    contains(node, emit, code);
    code.endControlFlow();
  }

  private void items(SchemaNode node, Emitter emit, CodeBlock.Builder code) {
    int first = node.prefixItems.size();
    if (node.items == null || Boolean.TRUE.equals(node.items.constant)) {
      return;
    }
    if (Boolean.FALSE.equals(node.items.constant)) {
      code.beginControlFlow("if (node.size() > $L)", first);
      emit.fail(code, "items", "must have at most " + first + " items");
      code.endControlFlow();
      return;
    }
    code.beginControlFlow("for (int i = $L; i < node.size(); i++)", first);
    emit.stopWhenFull(code);
    emit.child(code, node.items, "node.get(i)", Emitter.item("i"));
    code.endControlFlow();
  }

  private void contains(SchemaNode node, Emitter emit, CodeBlock.Builder code) {
    if (node.contains == null) {
      return;
    }
    int min = node.minContains == null ? 1 : node.minContains;
    code.addStatement("int matches = 0");
    code.beginControlFlow("for (int i = 0; i < node.size(); i++)");
    code.beginControlFlow("if ($N(node.get(i)))", names.isValid(node.contains));
    code.addStatement("matches++");
    code.endControlFlow();
    code.endControlFlow();
    if (min > 0) {
      code.beginControlFlow("if (matches < $L)", min);
      String keyword = node.minContains == null ? "contains" : "minContains";
      emit.fail(
          code,
          keyword,
          "must contain at least "
              + min
              + " item"
              + (min == 1 ? "" : "s")
              + " matching 'contains'");
      code.endControlFlow();
    }
    if (node.maxContains != null) {
      code.beginControlFlow("if (matches > $L)", node.maxContains);
      emit.fail(
          code,
          "maxContains",
          "must contain at most " + node.maxContains + " items matching 'contains'");
      code.endControlFlow();
    }
  }

  private void combinators(SchemaNode node, Emitter emit, CodeBlock.Builder code) {
    if (node.ref != null) {
      emit.inPlace(code, node.ref);
    }
    for (SchemaNode child : node.allOf) {
      emit.inPlace(code, child);
    }
    if (!node.anyOf.isEmpty()) {
      List<CodeBlock> tests = new ArrayList<>();
      for (SchemaNode child : node.anyOf) {
        tests.add(CodeBlock.of("$N(node)", names.isValid(child)));
      }
      code.beginControlFlow("if (!($L))", CodeBlock.join(tests, " || "));
      emit.fail(code, "anyOf", "must match at least one schema in 'anyOf'");
      code.endControlFlow();
    }
    if (!node.oneOf.isEmpty()) {
      code.addStatement("int matched = 0");
      for (SchemaNode child : node.oneOf) {
        code.beginControlFlow("if ($N(node))", names.isValid(child));
        code.addStatement("matched++");
        code.endControlFlow();
      }
      code.beginControlFlow("if (matched != 1)");
      emit.fail(
          code,
          "oneOf",
          CodeBlock.of("\"must match exactly one schema in 'oneOf', matched \" + matched"));
      code.endControlFlow();
    }
    if (node.not != null) {
      code.beginControlFlow("if ($N(node))", names.isValid(node.not));
      emit.fail(code, "not", "must not match the schema in 'not'");
      code.endControlFlow();
    }
    conditional(node, emit, code);
  }

  private void conditional(SchemaNode node, Emitter emit, CodeBlock.Builder code) {
    if (node.ifSchema == null || (node.thenSchema == null && node.elseSchema == null)) {
      return;
    }
    code.beginControlFlow("if ($N(node))", names.isValid(node.ifSchema));
    if (node.thenSchema != null) {
      emit.inPlace(code, node.thenSchema);
    }
    if (node.elseSchema != null) {
      code.nextControlFlow("else");
      emit.inPlace(code, node.elseSchema);
    }
    code.endControlFlow();
  }

  /** The body of the method that adds the property names {@code node} evaluates. */
  CodeBlock evaluated(SchemaNode node) {
    CodeBlock.Builder code = CodeBlock.builder();
    code.beginControlFlow("if (!node.isObject())").addStatement("return").endControlFlow();
    if (node.additionalProperties != null) {
      addAllNames(code);
      return code.build();
    }
    for (String name : node.properties.keySet()) {
      code.beginControlFlow("if (node.has($S))", name).addStatement("into.add($S)", name);
      code.endControlFlow();
    }
    if (!node.patternPropertiesJava.isEmpty()) {
      code.beginControlFlow(
          "for ($T<String, $T> field : node.properties())", Map.Entry.class, Constants.JSON_NODE);
      code.addStatement("String name = field.getKey()");
      List<CodeBlock> tests = new ArrayList<>();
      for (String java : node.patternPropertiesJava.values()) {
        tests.add(CodeBlock.of("$N.find(name)", constants.pattern(names.stem(node), java)));
      }
      code.beginControlFlow("if ($L)", CodeBlock.join(tests, " || "));
      code.addStatement("into.add(name)").endControlFlow().endControlFlow();
    }
    for (SchemaNode child : new LinkedHashSet<>(node.inPlace())) {
      if (child == node.thenSchema || child == node.elseSchema) {
        continue;
      }
      addFrom(code, child);
    }
    if (node.ifSchema != null) {
      code.beginControlFlow("if ($N(node))", names.isValid(node.ifSchema));
      if (node.thenSchema != null) {
        addFrom(code, node.thenSchema);
      }
      if (node.elseSchema != null) {
        code.nextControlFlow("else");
        addFrom(code, node.elseSchema);
      }
      code.endControlFlow();
    }
    return code.build();
  }

  private static void addAllNames(CodeBlock.Builder code) {
    code.beginControlFlow(
        "for ($T<String, $T> field : node.properties())", Map.Entry.class, Constants.JSON_NODE);
    code.addStatement("into.add(field.getKey())").endControlFlow();
  }

  private void addFrom(CodeBlock.Builder code, SchemaNode child) {
    if (child.constant != null) {
      return;
    }
    code.beginControlFlow("if ($N(node))", names.isValid(child));
    if (child.unevaluatedProperties != null) {
      addAllNames(code);
    } else {
      code.addStatement("$N(node, into)", names.addEvaluated(child));
    }
    code.endControlFlow();
  }
}

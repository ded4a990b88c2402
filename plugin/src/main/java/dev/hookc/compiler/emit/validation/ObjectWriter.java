package dev.hookc.compiler.emit.validation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.hookc.compiler.schema.PatternSource;
import dev.hookc.compiler.schema.SchemaNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the keywords that apply to an object's members: {@code required}, property counts and
 * dependencies, {@code properties}, {@code patternProperties}, {@code additionalProperties}, {@code
 * propertyNames} and {@code unevaluatedProperties}.
 */
final class ObjectWriter {
  private static final ClassName TEXT_NODE =
      ClassName.get("com.fasterxml.jackson.databind.node", "TextNode");
  private final Constants constants;
  private final MethodNames names;

  ObjectWriter(Constants constants, MethodNames names) {
    this.constants = constants;
    this.names = names;
  }

  void write(SchemaNode node, Emitter emit, CodeBlock.Builder code) {
    boolean iterates =
        !node.patternProperties().isEmpty()
            || node.additionalProperties() != null
            || node.propertyNames() != null;
    if (node.required().isEmpty()
        && node.minProperties() == null
        && node.maxProperties() == null
        && node.dependentRequired().isEmpty()
        && node.dependentSchemas().isEmpty()
        && node.properties().isEmpty()
        && node.unevaluatedProperties() == null
        && !iterates) {
      return;
    }
    boolean guard = emit.beginTypeGuard(code, node, "object", "node.isObject()");
    if (!emit.collecting()) {
      validObject(node, emit, code, iterates);
      Emitter.endTypeGuard(code, guard);
      return;
    }
    for (String name : node.required()) {
      code.beginControlFlow("if (!node.has($S))", name);
      emit.fail(code, "required", "must have required property '" + name + "'");
      code.endControlFlow();
    }
    counts(node, emit, code);
    properties(node, emit, code);
    if (iterates) {
      members(node, emit, code);
    }
    if (node.unevaluatedProperties() != null) {
      unevaluated(node, emit, code);
    }
    Emitter.endTypeGuard(code, guard);
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
    for (String name : node.properties().keySet()) {
      String local = local(name, used);
      locals.put(name, local);
      code.addStatement("$T $N = node.get($S)", Constants.JSON_NODE, local, name);
    }
    for (String name : node.required()) {
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
                node.additionalProperties() == null ? null : node.additionalProperties().constant())
            && node.patternProperties().isEmpty()
            && (node.propertyNames() == null
                || Boolean.TRUE.equals(node.propertyNames().constant()));
    if (closed) {
      code.addStatement("int present = 0");
    }
    for (Map.Entry<String, SchemaNode> property : node.properties().entrySet()) {
      SchemaNode child = property.getValue();
      String local = locals.get(property.getKey());
      if (Boolean.TRUE.equals(child.constant()) && !closed) {
        continue;
      }
      // A required property that is missing has already answered false.
      boolean optional = !node.required().contains(property.getKey());
      if (optional) {
        code.beginControlFlow("if ($N != null)", local);
      }
      if (closed) {
        code.addStatement("present++");
      }
      emit.child(code, child, local, Emitter.member(CodeBlock.of("$S", property.getKey())));
      if (optional) {
        code.endControlFlow();
      }
    }
    if (closed) {
      code.beginControlFlow("if (node.size() != present)");
      emit.fail(code, "additionalProperties", "must not have additional properties");
      code.endControlFlow();
    } else if (iterates) {
      members(node, emit, code);
    }
    if (node.unevaluatedProperties() != null) {
      unevaluated(node, emit, code);
    }
  }

  /** Property counts and dependencies, which read no member values. */
  private void counts(SchemaNode node, Emitter emit, CodeBlock.Builder code) {
    if (node.minProperties() != null) {
      code.beginControlFlow("if (node.size() < $L)", node.minProperties());
      emit.fail(
          code, "minProperties", "must have at least " + node.minProperties() + " properties");
      code.endControlFlow();
    }
    if (node.maxProperties() != null) {
      code.beginControlFlow("if (node.size() > $L)", node.maxProperties());
      emit.fail(code, "maxProperties", "must have at most " + node.maxProperties() + " properties");
      code.endControlFlow();
    }
    for (Map.Entry<String, List<String>> dependency : node.dependentRequired().entrySet()) {
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
    for (Map.Entry<String, SchemaNode> dependency : node.dependentSchemas().entrySet()) {
      code.beginControlFlow("if (node.has($S))", dependency.getKey());
      emit.inPlace(code, dependency.getValue());
      code.endControlFlow();
    }
  }

  private void properties(SchemaNode node, Emitter emit, CodeBlock.Builder code) {
    Set<String> locals = new HashSet<>();
    for (Map.Entry<String, SchemaNode> property : node.properties().entrySet()) {
      SchemaNode child = property.getValue();
      if (Boolean.TRUE.equals(child.constant())) {
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
    String stem = MethodNames.baseName("/" + name.replace("~", "~0").replace("/", "~1"));
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
    if (node.propertyNames() != null && !Boolean.TRUE.equals(node.propertyNames().constant())) {
      code.beginControlFlow(
          "if (!$L($T.valueOf(name)))", names.callIsValid(node.propertyNames()), TEXT_NODE);
      emit.fail(
          code,
          "propertyNames",
          CodeBlock.of("\"property name '\" + name + \"' does not match the schema for names\""));
      code.endControlFlow();
    }
    boolean additional = node.additionalProperties() != null;
    if (additional && !node.properties().isEmpty()) {
      String known =
          constants.stringSet(stem, "PROPERTIES", new ArrayList<>(node.properties().keySet()));
      code.addStatement("boolean matched = $N.contains(name)", known);
    } else if (additional) {
      code.addStatement("boolean matched = false");
    }
    for (Map.Entry<String, PatternSource> pattern : node.patternPropertiesSource().entrySet()) {
      String field = constants.pattern(stem, pattern.getValue());
      code.beginControlFlow("if ($N.find(name))", field);
      if (additional) {
        code.addStatement("matched = true");
      }
      emit.child(code, node.patternProperties().get(pattern.getKey()), "field.getValue()", pointer);
      code.endControlFlow();
    }
    if (additional && !Boolean.TRUE.equals(node.additionalProperties().constant())) {
      code.beginControlFlow("if (!matched)");
      if (Boolean.FALSE.equals(node.additionalProperties().constant())) {
        emit.fail(
            code,
            "additionalProperties",
            CodeBlock.of("\"must not have additional property '\" + name + \"'\""));
      } else {
        emit.child(code, node.additionalProperties(), "field.getValue()", pointer);
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
    if (Boolean.FALSE.equals(node.unevaluatedProperties().constant())) {
      emit.fail(
          code,
          "unevaluatedProperties",
          CodeBlock.of("\"must not have unevaluated property '\" + field.getKey() + \"'\""));
    } else {
      emit.child(
          code,
          node.unevaluatedProperties(),
          "field.getValue()",
          Emitter.member(CodeBlock.of("field.getKey()")));
    }
    code.endControlFlow();
    code.endControlFlow();
  }
}

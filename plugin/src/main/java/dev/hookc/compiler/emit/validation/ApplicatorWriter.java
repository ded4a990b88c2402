package dev.hookc.compiler.emit.validation;

import com.palantir.javapoet.CodeBlock;
import dev.hookc.compiler.schema.PatternSource;
import dev.hookc.compiler.schema.SchemaNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Writes the keywords that apply subschemas or count members: objects, arrays, the boolean
 * combinators, conditionals and {@code $ref}. Subschemas whose answer alone matters ({@code anyOf},
 * {@code oneOf}, {@code not}, {@code if}, {@code contains}) are asked through their validity
 * method, so no violation is allocated for them.
 */
final class ApplicatorWriter {
  private final Constants constants;
  private final MethodNames names;
  private final ObjectWriter objects;

  ApplicatorWriter(Constants constants, MethodNames names) {
    this.constants = constants;
    this.names = names;
    this.objects = new ObjectWriter(constants, names);
  }

  void write(SchemaNode node, Emitter emit, CodeBlock.Builder code) {
    objects.write(node, emit, code);
    array(node, emit, code);
    // The combinators start with no type guard of their own.
    emit.settle(code);
    combinators(node, emit, code);
  }

  private void array(SchemaNode node, Emitter emit, CodeBlock.Builder code) {
    if (node.minItems() == null
        && node.maxItems() == null
        && !node.uniqueItems()
        && node.prefixItems().isEmpty()
        && node.items() == null
        && node.contains() == null) {
      return;
    }
    boolean guard = emit.beginTypeGuard(code, node, "array", "node.isArray()");
    if (node.minItems() != null) {
      code.beginControlFlow("if (node.size() < $L)", node.minItems());
      emit.fail(code, "minItems", "must have at least " + node.minItems() + " items");
      code.endControlFlow();
    }
    if (node.maxItems() != null) {
      code.beginControlFlow("if (node.size() > $L)", node.maxItems());
      emit.fail(code, "maxItems", "must have at most " + node.maxItems() + " items");
      code.endControlFlow();
    }
    if (node.uniqueItems()) {
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
    for (int i = 0; i < node.prefixItems().size(); i++) {
      code.beginControlFlow("if (node.size() > $L)", i);
      emit.child(code, node.prefixItems().get(i), "node.get(" + i + ")", Emitter.item("" + i));
      code.endControlFlow();
    }
    items(node, emit, code);
    contains(node, emit, code);
    Emitter.endTypeGuard(code, guard);
  }

  private void items(SchemaNode node, Emitter emit, CodeBlock.Builder code) {
    int first = node.prefixItems().size();
    if (node.items() == null || Boolean.TRUE.equals(node.items().constant())) {
      return;
    }
    if (Boolean.FALSE.equals(node.items().constant())) {
      code.beginControlFlow("if (node.size() > $L)", first);
      emit.fail(code, "items", "must have at most " + first + " items");
      code.endControlFlow();
      return;
    }
    code.beginControlFlow("for (int i = $L; i < node.size(); i++)", first);
    emit.stopWhenFull(code);
    emit.child(code, node.items(), "node.get(i)", Emitter.item("i"));
    code.endControlFlow();
  }

  private void contains(SchemaNode node, Emitter emit, CodeBlock.Builder code) {
    if (node.contains() == null) {
      return;
    }
    int min = node.minContains() == null ? 1 : node.minContains();
    code.addStatement("int matches = 0");
    code.beginControlFlow("for (int i = 0; i < node.size(); i++)");
    code.beginControlFlow("if ($L(node.get(i)))", names.callIsValid(node.contains()));
    code.addStatement("matches++");
    code.endControlFlow();
    code.endControlFlow();
    if (min > 0) {
      code.beginControlFlow("if (matches < $L)", min);
      String keyword = node.minContains() == null ? "contains" : "minContains";
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
    if (node.maxContains() != null) {
      code.beginControlFlow("if (matches > $L)", node.maxContains());
      emit.fail(
          code,
          "maxContains",
          "must contain at most " + node.maxContains() + " items matching 'contains'");
      code.endControlFlow();
    }
  }

  private void combinators(SchemaNode node, Emitter emit, CodeBlock.Builder code) {
    if (node.ref() != null) {
      emit.inPlace(code, node.ref());
    }
    for (SchemaNode child : node.allOf()) {
      emit.inPlace(code, child);
    }
    if (!node.anyOf().isEmpty()) {
      List<CodeBlock> tests = new ArrayList<>();
      for (SchemaNode child : node.anyOf()) {
        tests.add(CodeBlock.of("$L(node)", names.callIsValid(child)));
      }
      code.beginControlFlow("if (!($L))", CodeBlock.join(tests, " || "));
      emit.fail(code, "anyOf", "must match at least one schema in 'anyOf'");
      code.endControlFlow();
    }
    if (!node.oneOf().isEmpty()) {
      code.addStatement("int matched = 0");
      for (SchemaNode child : node.oneOf()) {
        code.beginControlFlow("if ($L(node))", names.callIsValid(child));
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
    if (node.not() != null) {
      code.beginControlFlow("if ($L(node))", names.callIsValid(node.not()));
      emit.fail(code, "not", "must not match the schema in 'not'");
      code.endControlFlow();
    }
    conditional(node, emit, code);
  }

  private void conditional(SchemaNode node, Emitter emit, CodeBlock.Builder code) {
    if (node.ifSchema() == null || (node.thenSchema() == null && node.elseSchema() == null)) {
      return;
    }
    code.beginControlFlow("if ($L(node))", names.callIsValid(node.ifSchema()));
    if (node.thenSchema() != null) {
      emit.inPlace(code, node.thenSchema());
    }
    if (node.elseSchema() != null) {
      code.nextControlFlow("else");
      emit.inPlace(code, node.elseSchema());
    }
    code.endControlFlow();
  }

  /** The body of the method that adds the property names {@code node} evaluates. */
  CodeBlock evaluated(SchemaNode node) {
    CodeBlock.Builder code = CodeBlock.builder();
    code.beginControlFlow("if (!node.isObject())").addStatement("return").endControlFlow();
    if (node.additionalProperties() != null) {
      addAllNames(code);
      return code.build();
    }
    for (String name : node.properties().keySet()) {
      code.beginControlFlow("if (node.has($S))", name).addStatement("into.add($S)", name);
      code.endControlFlow();
    }
    if (!node.patternPropertiesSource().isEmpty()) {
      code.beginControlFlow(
          "for ($T<String, $T> field : node.properties())", Map.Entry.class, Constants.JSON_NODE);
      code.addStatement("String name = field.getKey()");
      List<CodeBlock> tests = new ArrayList<>();
      for (PatternSource source : node.patternPropertiesSource().values()) {
        tests.add(CodeBlock.of("$N.find(name)", constants.pattern(names.stem(node), source)));
      }
      code.beginControlFlow("if ($L)", CodeBlock.join(tests, " || "));
      code.addStatement("into.add(name)").endControlFlow().endControlFlow();
    }
    for (SchemaNode child : new LinkedHashSet<>(node.inPlace())) {
      if (child == node.thenSchema() || child == node.elseSchema()) {
        continue;
      }
      addFrom(code, child);
    }
    if (node.ifSchema() != null) {
      code.beginControlFlow("if ($L(node))", names.callIsValid(node.ifSchema()));
      if (node.thenSchema() != null) {
        addFrom(code, node.thenSchema());
      }
      if (node.elseSchema() != null) {
        code.nextControlFlow("else");
        addFrom(code, node.elseSchema());
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
    if (child.constant() != null) {
      return;
    }
    code.beginControlFlow("if ($L(node))", names.callIsValid(child));
    if (child.unevaluatedProperties() != null) {
      addAllNames(code);
    } else {
      code.addStatement("$N(node, into)", names.addEvaluated(child));
    }
    code.endControlFlow();
  }
}

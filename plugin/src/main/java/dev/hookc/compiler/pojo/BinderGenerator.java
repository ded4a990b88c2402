package dev.hookc.compiler.pojo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.hookc.compiler.naming.RuntimeTypes;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;
import org.jsonschema2pojo.util.NameHelper;

/**
 * Generates the binder of a payload class: one method per class that builds it from a validated
 * tree with plain constructor and setter calls, in document order, as Jackson would but without
 * reflection or a second token stream.
 *
 * <p>The binder is written from the reduced schema the classes were generated from, and every
 * setter it calls is first looked up among the setters the classes were generated with; when one is
 * not there as expected, the binder only delegates to {@code Json.bind}, so a naming corner case
 * costs speed, never correctness.
 */
final class BinderGenerator {
  private static final ClassName JSON_NODE =
      ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
  private static final ClassName JSON = RuntimeTypes.JSON;
  private static final ClassName BINDING = RuntimeTypes.TREE_BINDING;
  private static final ClassName UNSUPPORTED = BINDING.nestedClass("Unsupported");
  private static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");

  /** A qualified name's package, as JavaPoet writes it before an imported type's simple name. */
  private static final Pattern PACKAGE_PREFIX =
      Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+(?=[A-Z])");

  /** jsonschema2pojo's field for undeclared properties, which Jackson ignores by name. */
  private static final String EXTRA = "additionalProperties";

  private final NameHelper names;
  private final Map<String, Set<String>> setters;
  private final Map<String, MethodSpec> methods = new LinkedHashMap<>();
  private boolean complete = true;

  /**
   * @param setters the setters of each generated class, by qualified name: each as {@code
   *     name(parameter type)}, the type as jsonschema2pojo's code model names it (for {@code
   *     setAdditionalProperty}, its value's type)
   */
  BinderGenerator(NameHelper names, Map<String, Set<String>> setters) {
    this.names = names;
    this.setters = setters;
  }

  /** The class {@code binder}, binding the root class of {@code reducedRoot}. */
  JavaFile generate(ObjectNode reducedRoot, ClassName binder) {
    ClassName root = ClassName.bestGuess(reducedRoot.get("javaType").asText());
    String entry = objectMethod(reducedRoot);
    MethodSpec.Builder bind =
        MethodSpec.methodBuilder("bind")
            .addJavadoc(
                "{@code json} bound to {@link $T}, as {@link $T#bind} binds it.\n\n", root, JSON)
            .addJavadoc(
                "@throws $L 400 if a value does not fit\n",
                RuntimeTypes.HTTP_PROBLEM.canonicalName())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(root)
            .addParameter(JSON_NODE, "json");
    if (complete) {
      bind.beginControlFlow("try")
          .addStatement("return $N(json)", entry)
          .nextControlFlow("catch ($T e)", UNSUPPORTED)
          .addComment("A value Jackson would coerce or reject: Jackson decides, with its errors.")
          .addStatement("return $T.bind(json, $T.class)", JSON, root)
          .endControlFlow();
    } else {
      bind.addStatement("return $T.bind(json, $T.class)", JSON, root);
    }
    TypeSpec.Builder type =
        TypeSpec.classBuilder(binder)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addAnnotation(
                com.palantir.javapoet.AnnotationSpec.builder(GENERATED)
                    .addMember("value", "$S", "dev.hookc.compiler")
                    .build())
            .addJavadoc("Binds validated request bodies to {@link $T} without reflection.\n", root)
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
            .addMethod(bind.build());
    if (complete) {
      type.addMethods(methods.values());
    }
    return JavaFile.builder(binder.packageName(), type.build()).skipJavaLangImports(true).build();
  }

  /** Writes the method that binds objects of {@code reduced}'s class, once; returns its name. */
  private String objectMethod(JsonNode reduced) {
    String javaType = reduced.get("javaType").asText();
    ClassName type = ClassName.bestGuess(javaType);
    String name =
        Character.toLowerCase(type.simpleName().charAt(0)) + type.simpleName().substring(1);
    if (methods.containsKey(javaType)) {
      return name;
    }
    methods.put(javaType, null);
    Set<String> generated = setters.get(javaType);
    if (generated == null) {
      complete = false;
      return name;
    }
    CodeBlock.Builder code =
        CodeBlock.builder()
            .beginControlFlow("if (!$T.isObject(node))", BINDING)
            .addStatement("return null")
            .endControlFlow()
            .addStatement("$T value = new $T()", type, type)
            .beginControlFlow(
                "for ($T<String, $T> field : node.properties())", Map.Entry.class, JSON_NODE)
            .beginControlFlow("switch (field.getKey())");
    Iterator<Map.Entry<String, JsonNode>> properties =
        reduced.get("properties").properties().iterator();
    while (properties.hasNext()) {
      Map.Entry<String, JsonNode> property = properties.next();
      if (property.getKey().equals(EXTRA)) {
        complete = false;
        continue;
      }
      Optional<CodeBlock> value =
          conversion(property.getValue(), CodeBlock.of("field.getValue()"), 0);
      String setter = names.getSetterName(property.getKey(), property.getValue());
      if (value.isEmpty() || !hasSetter(generated, setter, javaType(property.getValue()))) {
        complete = false;
        continue;
      }
      // A long setting goes on its own line, where JavaPoet may wrap it further.
      String format =
          property.getKey().length() + setter.length() + unqualified(value.get()).length() > 70
              ? "case $S ->\n$>$>value.$N($L);\n$<$<"
              : "case $S -> value.$N($L);\n";
      code.add(format, property.getKey(), setter, value.get());
    }
    code.add("case $S -> throw $T.unsupported();\n", EXTRA, BINDING);
    if (reduced.path(EXTRA).isBoolean()) {
      code.add("default -> {}\n");
    } else if (hasSetter(generated, "setAdditionalProperty", "java.lang.Object")) {
      code.add(
          "default ->\n$>$>value.setAdditionalProperty(field.getKey(), $T.untyped(field.getValue()));\n$<$<",
          BINDING);
    } else {
      complete = false;
    }
    code.endControlFlow().endControlFlow().addStatement("return value");
    methods.put(
        javaType,
        MethodSpec.methodBuilder(name)
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(type)
            .addParameter(JSON_NODE, "node")
            .addCode(code.build())
            .build());
    return name;
  }

  /** The expression converting {@code value} to the property's Java type. */
  private Optional<CodeBlock> conversion(JsonNode reduced, CodeBlock value, int depth) {
    if (reduced.has("existingJavaType")) {
      // Shared, not copied: the tree is the request's own and nothing else holds it.
      return PojoSchemas.JSON_NODE.equals(reduced.get("existingJavaType").asText())
          ? Optional.of(value)
          : Optional.empty();
    }
    return switch (reduced.path("type").asText()) {
      case "string" -> Optional.of(CodeBlock.of("$T.string($L)", BINDING, value));
      case "integer" -> Optional.of(CodeBlock.of("$T.integer($L)", BINDING, value));
      case "number" -> Optional.of(CodeBlock.of("$T.decimal($L)", BINDING, value));
      case "boolean" -> Optional.of(CodeBlock.of("$T.bool($L)", BINDING, value));
      case "object" -> Optional.of(CodeBlock.of("$N($L)", objectMethod(reduced), value));
      case "array" -> {
        String item = depth == 0 ? "item" : "item" + (depth + 1);
        yield conversion(reduced.get("items"), CodeBlock.of("$N", item), depth + 1)
            .map(
                each ->
                    CodeBlock.of(
                        "$T.list($L, ($T $N) -> $L)", BINDING, value, JSON_NODE, item, each));
      }
      default -> Optional.empty();
    };
  }

  /** The Java type jsonschema2pojo gives a property of schema {@code reduced}. */
  static String javaType(JsonNode reduced) {
    if (reduced.has("existingJavaType")) {
      return reduced.get("existingJavaType").asText();
    }
    return switch (reduced.path("type").asText()) {
      case "string" -> "java.lang.String";
      case "integer" -> "java.lang.Long";
      case "number" -> "java.math.BigDecimal";
      case "boolean" -> "java.lang.Boolean";
      case "object" -> reduced.get("javaType").asText();
      case "array" -> "java.util.List<" + javaType(reduced.get("items")) + ">";
      default -> "?";
    };
  }

  private static boolean hasSetter(Set<String> generated, String name, String parameterType) {
    return generated.contains(name + "(" + parameterType + ")");
  }

  /** {@code code} as it reads once its types are imported, to measure it. */
  private static String unqualified(CodeBlock code) {
    // The newline flushes JavaPoet's line wrapper, which otherwise keeps what follows a  .
    return PACKAGE_PREFIX.matcher(CodeBlock.of("$L\n", code).toString().strip()).replaceAll("");
  }
}

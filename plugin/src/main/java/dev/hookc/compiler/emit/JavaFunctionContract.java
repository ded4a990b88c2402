package dev.hookc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.expr.CompiledValue;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.naming.FunctionNames;
import dev.hookc.compiler.naming.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * The contract between workflows and a Java function the user writes: a generated interface ({@code
 * ValidateCallbackDataFunction}) and a record of its typed arguments ({@code
 * ValidateCallbackDataArgs}), computed from every task that calls it. The user's class implements
 * the interface, so javac checks it against what the YAML passes.
 */
final class JavaFunctionContract {
  private final ResolvedFunction.JavaFunction function;
  private final Map<String, ExprType> components = new LinkedHashMap<>();
  private final List<String> callers = new ArrayList<>();

  JavaFunctionContract(ResolvedFunction.JavaFunction function) {
    this.function = function;
  }

  /** The project-relative file the function is written in, whether or not it exists yet. */
  String sourcePath() {
    return function.sourcePath();
  }

  /**
   * Adds the arguments one calling task passes; a key passed with different types becomes dynamic.
   */
  void addCall(String caller, Map<String, CompiledValue> args) {
    callers.add(caller);
    args.forEach(
        (key, value) ->
            components.merge(
                key,
                value.type(),
                (a, b) -> a.equals(b) || b instanceof ExprType.NullType ? a : ExprType.DYNAMIC));
  }

  ClassName interfaceName() {
    return ClassName.get(function.packageName(), function.className() + "Function");
  }

  ClassName argsName() {
    return ClassName.get(function.packageName(), function.className() + "Args");
  }

  ClassName implementationName() {
    return ClassName.get(function.packageName(), function.className());
  }

  /** The expression that builds the args record from one call's compiled arguments. */
  CodeBlock newArgs(Map<String, CompiledValue> args) {
    List<CodeBlock> values = new ArrayList<>();
    components.forEach(
        (key, type) -> {
          CompiledValue value = args.get(key);
          if (value == null || value.type() instanceof ExprType.NullType) {
            values.add(CodeBlock.of("null"));
          } else if (!Objects.equals(value.type(), type)) {
            values.add(CodeBlock.of("$T.toJson($L)", Names.STATUS, value.code()));
          } else {
            values.add(value.code());
          }
        });
    return CodeBlock.of("new $T($L)", argsName(), CodeBlock.join(values, ", "));
  }

  List<JavaFile> files() {
    TypeSpec.Builder args =
        TypeSpec.recordBuilder(argsName())
            .addModifiers(Modifier.PUBLIC)
            .addAnnotation(Names.generated())
            .addJavadoc(
                "The arguments of Java function {@code $L}, as passed by $L.\n",
                function.name(),
                String.join(", ", callers));
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    components.forEach(
        (key, type) ->
            constructor.addParameter(
                ParameterSpec.builder(javaType(type), FunctionNames.lowerCamel(key)).build()));
    args.recordConstructor(constructor.build());
    TypeSpec contract =
        TypeSpec.interfaceBuilder(interfaceName())
            .addModifiers(Modifier.PUBLIC)
            .addAnnotation(FunctionalInterface.class)
            .addAnnotation(Names.generated())
            .addJavadoc(
                "Java function {@code $L}: implement it in class {@code $L} ($L).\n\n"
                    + "<p>What it returns becomes the task's result by Godspeed's status rules: a\n"
                    + "{@code Status}, or an object with {@code success} or {@code code}, is a status;\n"
                    + "anything else is the data of a successful 200.\n",
                function.name(),
                implementationName().canonicalName(),
                function.sourcePath())
            .addMethod(
                MethodSpec.methodBuilder("apply")
                    .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                    .returns(Object.class)
                    .addParameter(argsName(), "args")
                    .addParameter(Names.FUNCTION_CONTEXT, "context")
                    .addException(Exception.class)
                    .build())
            .build();
    return List.of(
        JavaFile.builder(function.packageName(), args.build()).skipJavaLangImports(true).build(),
        JavaFile.builder(function.packageName(), contract).skipJavaLangImports(true).build());
  }

  private static TypeName javaType(ExprType type) {
    return type instanceof ExprType.NullType ? Names.JSON_NODE : type.javaType();
  }
}

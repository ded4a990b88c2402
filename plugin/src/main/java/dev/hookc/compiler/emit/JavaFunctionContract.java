package dev.hookc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.hookc.compiler.bind.BoundJavaFunction;
import dev.hookc.compiler.check.ConstructorArgument;
import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.expr.CompiledValue;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.naming.FunctionNames;
import dev.hookc.compiler.naming.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Renders the contract between workflows and a Java function the user writes, as bound: a generated
 * interface ({@code ValidateCallbackDataFunction}) and a record of its typed arguments ({@code
 * ValidateCallbackDataArgs}). The user's class implements the interface, so javac checks it against
 * what the YAML passes.
 */
final class JavaFunctionContract {
  private JavaFunctionContract() {}

  /** The expression that builds the args record from one call's compiled arguments. */
  static CodeBlock newArgs(BoundJavaFunction contract, Map<String, CompiledValue> args) {
    List<CodeBlock> values = new ArrayList<>();
    contract
        .components()
        .forEach(
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
    return CodeBlock.of("new $T($L)", contract.argsName(), CodeBlock.join(values, ", "));
  }

  /**
   * The function as its wiring gives it: {@code wiring.function(RecordTransactionFunction.class, ()
   * -> new RecordTransaction(...))}, an implementation given for its contract, else the one {@link
   * #construction} makes. On one line when it fits from column {@code indent}, else the call's
   * arguments, and the constructor's, one per continuation line.
   */
  static CodeBlock instance(BoundJavaFunction contract, CodeBlock wiring, int indent) {
    CodeBlock oneLine =
        CodeBlock.of(
            "$L.function($T.class, () -> $L)",
            wiring,
            contract.interfaceName(),
            construction(contract, wiring));
    if (Widths.fits(indent, CodeBlock.of("$L;", oneLine))) {
      return oneLine;
    }
    return CodeBlock.of(
        "$L.function(\n$>$>$T.class,\n() -> new $T(\n$>$>$L))$<$<$<$<",
        wiring,
        contract.interfaceName(),
        contract.implementationName(),
        CodeBlock.join(arguments(contract, wiring), ",\n"));
  }

  /**
   * {@code new RecordTransaction(wiring.dataSource(), ...)}: the user's class made with its public
   * constructor, each parameter given what the wiring has of its type.
   */
  static CodeBlock construction(BoundJavaFunction contract, CodeBlock wiring) {
    return CodeBlock.of(
        "new $T($L)",
        contract.implementationName(),
        CodeBlock.join(arguments(contract, wiring), ", "));
  }

  private static List<CodeBlock> arguments(BoundJavaFunction contract, CodeBlock wiring) {
    List<CodeBlock> arguments = new ArrayList<>();
    for (ConstructorArgument argument : contract.constructorArguments()) {
      String datasource = argument.datasource().orElse("");
      arguments.add(
          switch (argument.injection()) {
            case JDBC_DATASOURCE -> CodeBlock.of("$L.jdbc($S)", wiring, datasource);
            case HTTP_DATASOURCE -> CodeBlock.of("$L.http($S)", wiring, datasource);
            case JDBC_STATEMENTS ->
                CodeBlock.of(
                    "new $T($L.jdbc($S))",
                    ClassName.bestGuess(argument.type().orElseThrow()),
                    wiring,
                    datasource);
            case CONFIG -> CodeBlock.of("$L.config()", wiring);
            case DATA_SOURCE -> CodeBlock.of("$L.dataSource()", wiring);
            case HTTP_CLIENT -> CodeBlock.of("$L.httpClient()", wiring);
            case CLOCK -> CodeBlock.of("$L.clock()", wiring);
            case LOGGER ->
                CodeBlock.of(
                    "$T.loggerFor($S)", Names.FUNCTION_CONTEXT, contract.function().name());
          });
    }
    return arguments;
  }

  static List<JavaFile> files(BoundJavaFunction contract) {
    ResolvedFunction.JavaFunction function = contract.function();
    TypeSpec.Builder args =
        TypeSpec.recordBuilder(contract.argsName())
            .addModifiers(Modifier.PUBLIC)
            .addAnnotation(Names.generated())
            .addJavadoc(
                "The arguments of Java function {@code $L}, as passed by $L.\n",
                function.name(),
                String.join(", ", contract.callers()));
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    contract
        .components()
        .forEach(
            (key, type) ->
                constructor.addParameter(
                    ParameterSpec.builder(javaType(type), FunctionNames.lowerCamel(key)).build()));
    args.recordConstructor(constructor.build());
    TypeSpec type =
        TypeSpec.interfaceBuilder(contract.interfaceName())
            .addModifiers(Modifier.PUBLIC)
            .addAnnotation(FunctionalInterface.class)
            .addAnnotation(Names.generated())
            .addJavadoc(
                "Java function {@code $L}: implement it in class {@code $L} ($L).\n\n"
                    + "<p>The return type your {@code apply} declares decides how the task reads\n"
                    + "its result: {@code Status} is the status itself; any other type but\n"
                    + "{@code Object} is the data of a 200, whatever its keys; {@code Object} keeps\n"
                    + "Godspeed's rules, where an object with {@code success} or {@code code} is\n"
                    + "a status.\n",
                function.name(),
                contract.implementationName().canonicalName(),
                function.sourcePath())
            .addMethod(
                MethodSpec.methodBuilder("apply")
                    .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                    .returns(Object.class)
                    .addParameter(contract.argsName(), "args")
                    .addParameter(Names.FUNCTION_CONTEXT, "context")
                    .addException(Exception.class)
                    .build())
            .build();
    return List.of(
        JavaFile.builder(function.packageName(), args.build()).skipJavaLangImports(true).build(),
        JavaFile.builder(function.packageName(), type).skipJavaLangImports(true).build());
  }

  private static TypeName javaType(ExprType type) {
    return type instanceof ExprType.NullType ? Names.JSON_NODE : type.javaType();
  }
}

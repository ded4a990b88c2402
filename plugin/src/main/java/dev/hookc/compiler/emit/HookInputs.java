package dev.hookc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.hookc.compiler.check.FunctionNames;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.model.ValidationHook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The inputs of a validation-error hook: the request as sent (raw JSON, since it did not validate),
 * {@code inputs.validation_error}, and for a response hook {@code inputs.response}.
 */
final class HookInputs {
  /** One violation in {@code inputs.validation_error.errors}. */
  static final ExprType ERROR =
      new ExprType.ObjectType(
          fields(
              "pointer", ExprType.STRING,
              "keyword", ExprType.STRING,
              "message", ExprType.STRING,
              "in", ExprType.STRING));

  /** {@code inputs.validation_error}: the problem the client would get without the hook. */
  static final ExprType VALIDATION_ERROR =
      new ExprType.ObjectType(
          fields(
              "status", ExprType.INTEGER,
              "title", ExprType.STRING,
              "detail", ExprType.STRING,
              "errors", new ExprType.ListType(ERROR),
              "error_count", ExprType.INTEGER));

  /** {@code inputs.response}: the status the workflow returned, which broke its schema. */
  static final ExprType RESPONSE =
      new ExprType.ObjectType(
          fields("code", ExprType.INTEGER, "data", ExprType.DYNAMIC, "headers", ExprType.DYNAMIC));

  private HookInputs() {}

  /** The JSON names of the inputs, in the record's order, with their types. */
  static Map<String, ExprType> inputs(ValidationHook.Kind kind) {
    Map<String, ExprType> inputs = new LinkedHashMap<>();
    for (String name : List.of("body", "params", "query", "headers", "user")) {
      inputs.put(name, ExprType.DYNAMIC);
    }
    inputs.put("validation_error", VALIDATION_ERROR);
    if (kind == ValidationHook.Kind.RESPONSE) {
      inputs.put("response", RESPONSE);
    }
    return inputs;
  }

  /** The type of {@code inputs} in the hook's expressions. */
  static ExprType type(ClassName inputs, ValidationHook.Kind kind) {
    Map<String, ExprType.PojoType.Property> properties = new LinkedHashMap<>();
    inputs(kind)
        .forEach(
            (name, type) ->
                properties.put(
                    name,
                    new ExprType.PojoType.Property(
                        name, type, FunctionNames.lowerCamel(name), true)));
    return new ExprType.PojoType(inputs, properties, false);
  }

  /** The hook's inputs record. */
  static JavaFile emit(ClassName inputs, ValidationHook.Kind kind, String workflowId) {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    List<CodeBlock> toJson = new ArrayList<>();
    List<CodeBlock> fromJson = new ArrayList<>();
    for (String name : inputs(kind).keySet()) {
      String field = FunctionNames.lowerCamel(name);
      constructor.addParameter(Names.JSON_NODE, field);
      toJson.add(CodeBlock.of("$S, $N", name, field));
      fromJson.add(CodeBlock.of("$T.member(args, $S)", Names.JS, name));
    }
    TypeSpec record =
        TypeSpec.recordBuilder(inputs)
            .addModifiers(Modifier.PUBLIC)
            .addAnnotation(Names.generated())
            .addJavadoc(
                "The inputs of {@code $L}, which answers when $L: {@code inputs.validation_error},"
                    + " {@code inputs.body} as sent, ...\n",
                workflowId,
                kind == ValidationHook.Kind.REQUEST
                    ? "a request breaks its contract"
                    : "a response breaks its declared schema")
            .recordConstructor(constructor.build())
            .addMethod(kind == ValidationHook.Kind.REQUEST ? ofRequest(inputs) : ofResponse(inputs))
            .addMethod(WorkflowEmitter.toJsonMethod(toJson))
            .addMethod(
                MethodSpec.methodBuilder("fromJson")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .addJavadoc("The inputs a calling task passes as its {@code args}.\n")
                    .returns(inputs)
                    .addParameter(Names.JSON_NODE, "args")
                    .addStatement("return new $T($L)", inputs, CodeBlock.join(fromJson, ", "))
                    .build())
            .build();
    return JavaFile.builder(inputs.packageName(), record).skipJavaLangImports(true).build();
  }

  /**
   * {@code of(request, error)}: the request hook's inputs, built here once per hook rather than in
   * every controller that uses it.
   */
  private static MethodSpec ofRequest(ClassName inputs) {
    return MethodSpec.methodBuilder("of")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc(
            "The inputs for {@code request}, which broke its contract with {@code error}.\n")
        .returns(inputs)
        .addParameter(ControllerEmitter.REQUEST, "request")
        .addParameter(Names.JSON_NODE, "error")
        .addStatement(
            "return new $T(\n$T.bodyAsSent(request),\n$T.params(request),\n$T.query(request),"
                + "\n$T.headers(request),\n$T.user(request),\nerror)",
            inputs,
            HookCode.HOOKS,
            ControllerEmitter.REQUEST_INPUTS,
            ControllerEmitter.REQUEST_INPUTS,
            ControllerEmitter.REQUEST_INPUTS,
            ControllerEmitter.REQUEST_INPUTS)
        .build();
  }

  /** {@code of(body, parts, error, status)}: the response hook's inputs. */
  private static MethodSpec ofResponse(ClassName inputs) {
    return MethodSpec.methodBuilder("of")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc(
            "The inputs for a request with {@code body} and {@code parts}, whose workflow answered"
                + " {@code status}, which broke its schema with {@code error}.\n")
        .returns(inputs)
        .addParameter(Names.JSON_NODE, "body")
        .addParameter(Names.REQUEST_PARTS, "parts")
        .addParameter(Names.JSON_NODE, "error")
        .addParameter(Names.STATUS, "status")
        .addStatement(
            "return new $T(\nbody,\nparts.params(),\nparts.query(),\nparts.headers(),"
                + "\nparts.user(),\nerror,\n$T.response(status))",
            inputs,
            HookCode.HOOKS)
        .build();
  }

  private static Map<String, ExprType> fields(Object... namesAndTypes) {
    Map<String, ExprType> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      fields.put((String) namesAndTypes[i], (ExprType) namesAndTypes[i + 1]);
    }
    return fields;
  }
}

package dev.hookc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.hookc.compiler.analysis.HookInputTypes;
import dev.hookc.compiler.model.ValidationHook;
import dev.hookc.compiler.naming.FunctionNames;
import dev.hookc.compiler.naming.Names;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The inputs of a validation-error hook: the request as sent (raw JSON, since it did not validate),
 * {@code inputs.validation_error}, and for a response hook {@code inputs.response}.
 */
final class HookInputs {
  private HookInputs() {}

  /** The hook's inputs record. */
  static JavaFile emit(ClassName inputs, ValidationHook.Kind kind, String workflowId) {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    List<CodeBlock> toJson = new ArrayList<>();
    List<CodeBlock> fromJson = new ArrayList<>();
    for (String name : HookInputTypes.inputs(kind).keySet()) {
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
                    .addStatement(
                        "return $L",
                        Widths.call(4, "return ", CodeBlock.of("new $T(", inputs), fromJson))
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
}

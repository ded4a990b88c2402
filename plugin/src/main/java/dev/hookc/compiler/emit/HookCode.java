package dev.hookc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import dev.hookc.compiler.bind.ControllerContract;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.Workflow;
import dev.hookc.compiler.naming.Names;
import dev.hookc.compiler.naming.RuntimeTypes;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits the parts of a controller that hand a validation error to the event's hook workflow: the
 * runtime's {@code ValidationErrorHooks} runs it, and answers the default problem if it fails.
 */
final class HookCode {
  static final ClassName HOOKS = RuntimeTypes.VALIDATION_ERROR_HOOKS;
  private static final ParameterizedTypeName VIOLATIONS =
      ParameterizedTypeName.get(ClassName.get(List.class), ControllerEmitter.VIOLATION);

  private HookCode() {}

  /** The field holding a hook's workflow. */
  static FieldSpec field(Names names, Workflow hook, String name) {
    return FieldSpec.builder(names.workflow(hook), name, Modifier.PRIVATE, Modifier.FINAL).build();
  }

  /** The method that answers a problem of the request contract through the request hook. */
  static MethodSpec requestMethod(Names names, Event event, Workflow hook) {
    return MethodSpec.methodBuilder("requestValidationError")
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc(
            "Answers a request that broke the contract with {@code $L}; other problems pass.\n",
            hook.id())
        .returns(ControllerEmitter.RESPONSE)
        .addParameter(ControllerEmitter.REQUEST, "request")
        .addParameter(ControllerEmitter.HTTP_PROBLEM, "problem")
        .addStatement(
            "return $T.onRequest(\n$S,\nproblem,\nerror -> requestHook.run($T.of(request, error)))",
            HOOKS,
            ContractEmitter.route(event),
            names.workflowInputs(hook))
        .build();
  }

  /** Checks local {@code status}; a rejected response goes to {@code responseValidationError}. */
  static CodeBlock checkResponse(Event event, ControllerContract contract) {
    return CodeBlock.builder()
        .addStatement(
            "$T responseViolations = responseViolations(status.code(), status.data())", VIOLATIONS)
        .beginControlFlow("try")
        .addStatement(
            "$L",
            Widths.call(
                6,
                "",
                CodeBlock.of("$T.check(", ContractEmitter.RESPONSE_CONTRACT),
                List.of(
                    CodeBlock.of("$T.Mode.ENFORCE", ContractEmitter.RESPONSE_CONTRACT),
                    CodeBlock.of("$S", ContractEmitter.route(event)),
                    CodeBlock.of("status.code()"),
                    CodeBlock.of("responseViolations"))))
        .nextControlFlow("catch ($T problem)", ControllerEmitter.HTTP_PROBLEM)
        .addStatement(
            "return responseValidationError(json, parts, status, problem, responseViolations)")
        .endControlFlow()
        .build();
  }

  /** The method that answers a rejected response through the response hook. */
  static MethodSpec responseMethod(Names names, Event event, Workflow hook) {
    return MethodSpec.methodBuilder("responseValidationError")
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc(
            "Answers a response that broke its declared schema with {@code $L}.\n", hook.id())
        .returns(ControllerEmitter.RESPONSE)
        .addParameter(Names.JSON_NODE, "json")
        .addParameter(Names.REQUEST_PARTS, "parts")
        .addParameter(Names.STATUS, "status")
        .addParameter(ControllerEmitter.HTTP_PROBLEM, "problem")
        .addParameter(VIOLATIONS, "violations")
        .addStatement(
            "return $T.onResponse(\n$S,\nproblem,\nviolations,\nstatus,\n"
                + "error -> responseHook.run($T.of(json, parts, error, status)))",
            HOOKS,
            ContractEmitter.route(event),
            names.workflowInputs(hook))
        .build();
  }
}

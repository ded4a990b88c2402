package dev.hookc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.Workflow;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Emits an event's controller: read and validate the body, bind it to its payload class, run the
 * workflow, and turn its status into the HTTP response.
 */
final class ControllerEmitter {
  static final ClassName HANDLER = ClassName.get(Names.RUNTIME, "Handler");
  static final ClassName REQUEST = ClassName.get(Names.RUNTIME, "Request");
  static final ClassName RESPONSE = ClassName.get(Names.RUNTIME, "Response");
  static final ClassName JSON = ClassName.get(Names.RUNTIME, "Json");
  static final ClassName HTTP_PROBLEM = ClassName.get(Names.RUNTIME, "HttpProblem");
  static final ClassName VIOLATION = ClassName.get(Names.RUNTIME, "Violation");
  static final ClassName REQUEST_INPUTS = ClassName.get(Names.WORKFLOW_RUNTIME, "RequestInputs");

  private final Names names;

  ControllerEmitter(Names names) {
    this.names = names;
  }

  /**
   * @param bodyType the type of the event's body payload
   * @param validator the validator class of the body, when the event declares a body schema
   * @param workflow the workflow the event's {@code fn} names
   * @param workflowBody the body type the workflow's inputs take
   * @param contract the parameters, body and response checks of the event
   */
  JavaFile emit(
      Event event,
      ExprType bodyType,
      Optional<ClassName> validator,
      Workflow workflow,
      ExprType workflowBody,
      ControllerContract contract) {
    ClassName self = names.controller(event);
    ClassName workflowClass = names.workflow(workflow);
    MethodSpec.Builder handle =
        MethodSpec.methodBuilder("handle")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(RESPONSE)
            .addParameter(REQUEST, "request")
            .addException(Exception.class);
    handle.addCode(ContractEmitter.parameters(event, contract));
    boolean optional = event.bodySchema().isPresent() && !contract.contract().bodyRequired();
    if (event.bodySchema().isPresent()) {
      handle.addCode(ContractEmitter.readBody(event, contract));
    } else {
      handle.addStatement("$T json = $T.optionalBody(request)", Names.JSON_NODE, REQUEST_INPUTS);
    }
    validator.ifPresent(
        v ->
            handle
                .addStatement(
                    "$T violations = $L",
                    ParameterizedTypeName.get(ClassName.get(java.util.List.class), VIOLATION),
                    // A body that may be left out is only checked when it was sent.
                    optional
                        ? CodeBlock.of(
                            "json.isMissingNode() ? $T.of() : $T.validate(json)", List.class, v)
                        : CodeBlock.of("$T.validate(json)", v))
                .beginControlFlow("if (!violations.isEmpty())")
                .addStatement(
                    "throw $T.badRequest($S, violations)",
                    HTTP_PROBLEM,
                    "The request body does not match the schema of "
                        + event.method()
                        + " "
                        + event.path()
                        + ".")
                .endControlFlow());
    CodeBlock body;
    if (workflowBody instanceof ExprType.PojoType pojo && bodyType.equals(workflowBody)) {
      ClassName binder = names.bodyBinder(event);
      handle.addStatement(
          optional
              ? "$T body = json.isMissingNode() ? null : $T.bind(json)"
              : "$T body = $T.bind(json)",
          pojo.javaClass(),
          binder);
      body = CodeBlock.of("body");
    } else {
      body = CodeBlock.of("json");
    }
    handle.addStatement(
        "$T status = workflow.run(new $T($L, parameters.params(), parameters.query(), parameters.headers(), $T.user(request), parameters.cookies(), $T.rawBody(request)))",
        Names.STATUS,
        names.workflowInputs(workflow),
        body,
        REQUEST_INPUTS,
        REQUEST_INPUTS);
    if (ContractEmitter.checksResponses(contract)) {
      handle.addCode(ContractEmitter.checkResponse(event, contract));
    }
    handle.addStatement("return $T.respond(status)", REQUEST_INPUTS);
    TypeSpec controller =
        TypeSpec.classBuilder(self)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(HANDLER)
            .addAnnotation(Names.generated())
            .addJavadoc(
                "Serves {@code $L $L}$L, from {@code $L}.\n",
                event.method(),
                event.path(),
                event.summary().map(s -> ": " + s).orElse(""),
                event.keyNode().location())
            .addField(
                FieldSpec.builder(workflowClass, "workflow", Modifier.PRIVATE, Modifier.FINAL)
                    .build())
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc("@param config the project's configuration\n")
                    .addParameter(Names.JSON_NODE, "config")
                    .addStatement("this.workflow = new $T(config)", workflowClass)
                    .build())
            .addMethod(handle.build())
            .addFields(ContractEmitter.formFields(event, contract).stream().toList())
            .addMethods(
                ContractEmitter.checksResponses(contract)
                    ? List.of(ContractEmitter.responseViolations(event, contract))
                    : List.of())
            .build();
    return JavaFile.builder(self.packageName(), controller).skipJavaLangImports(true).build();
  }
}

package dev.hookc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.hookc.compiler.analysis.ValidationHooks;
import dev.hookc.compiler.bind.ControllerContract;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.HttpSettings;
import dev.hookc.compiler.model.ValidationHook;
import dev.hookc.compiler.model.Workflow;
import dev.hookc.compiler.naming.Names;
import dev.hookc.compiler.naming.RuntimeTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Emits an event's controller: read and validate the body, bind it to its payload class, run the
 * workflow, and turn its status into the HTTP response.
 */
final class ControllerEmitter {
  static final ClassName HANDLER = RuntimeTypes.REQUEST_HANDLER;
  static final ClassName REQUEST = RuntimeTypes.REQUEST;
  static final ClassName RESPONSE = RuntimeTypes.RESPONSE;
  static final ClassName JSON = RuntimeTypes.JSON;
  static final ClassName HTTP_PROBLEM = RuntimeTypes.HTTP_PROBLEM;
  static final ClassName VIOLATION = RuntimeTypes.VIOLATION;
  static final ClassName REQUEST_INPUTS = RuntimeTypes.REQUEST_INPUTS;

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
   * @param hooks the workflows that answer the event's validation errors, if any
   * @param deliveryIdentity how the route's authn scheme identifies a delivery ({@code
   *     inputs.delivery}), when it does
   */
  JavaFile emit(
      Event event,
      ExprType bodyType,
      Optional<ClassName> validator,
      Workflow workflow,
      ExprType workflowBody,
      ControllerContract contract,
      ValidationHooks hooks,
      Optional<CodeBlock> deliveryIdentity) {
    ClassName self = names.controller(event);
    ClassName workflowClass = names.workflow(workflow);
    Optional<Workflow> requestHook = hooks.of(event, ValidationHook.Kind.REQUEST);
    // The response hook only runs where a rejected response would otherwise be a 500.
    Optional<Workflow> responseHook =
        hooks
            .of(event, ValidationHook.Kind.RESPONSE)
            .filter(
                h ->
                    ContractEmitter.checksResponses(contract)
                        && contract.responses() == HttpSettings.ResponseValidation.ENFORCE);
    MethodSpec.Builder handle =
        MethodSpec.methodBuilder("handle")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(RESPONSE)
            .addParameter(REQUEST, "request")
            .addException(Exception.class);
    boolean bound = workflowBody instanceof ExprType.PojoType && bodyType.equals(workflowBody);
    CodeBlock requestContract =
        requestContract(event, bodyType, validator, contract, bound, requestHook.isEmpty());
    if (requestHook.isPresent()) {
      // Every 400 of the request contract goes to the hook; the part that enforces it stays one
      // block, however it is written.
      handle.addStatement("$T parameters", ContractEmitter.PARAMETERS);
      handle.addStatement("$T json", Names.JSON_NODE);
      if (bound) {
        handle.addStatement("$T body", ((ExprType.PojoType) bodyType).javaClass());
      }
      handle
          .beginControlFlow("try")
          .addCode(requestContract)
          // A body that is not UTF-8 is a client mistake like any other, so it reaches the hook.
          .addStatement("$T.requireUtf8(request)", ContractEmitter.REQUEST_BODIES)
          .nextControlFlow("catch ($T problem)", HTTP_PROBLEM)
          .addStatement("return requestValidationError(request, problem)")
          .endControlFlow();
    } else {
      handle.addCode(requestContract);
      handle.addStatement("$T.requireUtf8(request)", ContractEmitter.REQUEST_BODIES);
    }
    // The parts besides the body are built from the request when a task first reads them.
    if (deliveryIdentity.isPresent()) {
      handle.addStatement(
          "$T parts = $T.of(request, parameters, DELIVERY)",
          Names.REQUEST_PARTS,
          Names.REQUEST_PARTS);
    } else {
      handle.addStatement(
          "$T parts = $T.of(request, parameters)", Names.REQUEST_PARTS, Names.REQUEST_PARTS);
    }
    handle.addStatement(
        "$T status = workflow.run(new $T($L, parts))",
        Names.STATUS,
        names.workflowInputs(workflow),
        bound ? "body" : "json");
    if (responseHook.isPresent()) {
      handle.addCode(HookCode.checkResponse(event, contract));
    } else if (ContractEmitter.checksResponses(contract)) {
      handle.addCode(ContractEmitter.checkResponse(event, contract));
    }
    handle.addStatement("return $T.respond(status)", REQUEST_INPUTS);
    List<FieldSpec> hookFields = new ArrayList<>();
    List<MethodSpec> hookMethods = new ArrayList<>();
    MethodSpec.Builder constructor =
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("@param wiring the application's configuration and functions\n")
            .addParameter(RuntimeTypes.WIRING, "wiring")
            .addStatement("this.workflow = new $T(wiring)", workflowClass);
    requestHook.ifPresent(
        hook -> {
          hookFields.add(HookCode.field(names, hook, "requestHook"));
          constructor.addStatement("this.requestHook = new $T(wiring)", names.workflow(hook));
          hookMethods.add(HookCode.requestMethod(names, event, hook));
        });
    responseHook.ifPresent(
        hook -> {
          hookFields.add(HookCode.field(names, hook, "responseHook"));
          constructor.addStatement("this.responseHook = new $T(wiring)", names.workflow(hook));
          hookMethods.add(HookCode.responseMethod(names, event, hook));
        });
    TypeSpec controller =
        TypeSpec.classBuilder(self)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(HANDLER)
            .addAnnotation(Names.generated())
            .addJavadoc(
                "$L$L, from {@code $L}.\n",
                event
                    .subscription()
                    .map(
                        t ->
                            CodeBlock.of(
                                "Runs each record of topic {@code $L} read as group {@code $L}",
                                t.topic(),
                                t.group()))
                    .orElseGet(
                        () -> CodeBlock.of("Serves {@code $L $L}", event.method(), event.path())),
                event.summary().map(s -> ": " + s).orElse(""),
                event.where())
            .addFields(
                deliveryIdentity
                    .map(
                        identity ->
                            FieldSpec.builder(
                                    GuardEmitter.DELIVERY_IDENTITY,
                                    "DELIVERY",
                                    Modifier.PRIVATE,
                                    Modifier.STATIC,
                                    Modifier.FINAL)
                                .addJavadoc(
                                    event.isRoute()
                                        ? "How the route's authn identifies a delivery, for {@code"
                                            + " inputs.delivery}.\n"
                                        : "How a record is identified, for {@code"
                                            + " inputs.delivery}.\n")
                                .initializer(identity)
                                .build())
                    .stream()
                    .toList())
            .addField(
                FieldSpec.builder(workflowClass, "workflow", Modifier.PRIVATE, Modifier.FINAL)
                    .build())
            .addFields(hookFields)
            .addMethod(constructor.build())
            .addMethod(handle.build())
            .addMethods(hookMethods)
            .addFields(ContractEmitter.formFields(event, contract).stream().toList())
            .addMethods(
                ContractEmitter.checksResponses(contract)
                    ? List.of(ContractEmitter.responseViolations(event, contract))
                    : List.of())
            .build();
    return JavaFile.builder(self.packageName(), controller).skipJavaLangImports(true).build();
  }

  /**
   * The request contract: parameters into {@code parameters}, the body read into {@code json},
   * validated, and bound to {@code body} when the workflow takes the payload class.
   */
  private CodeBlock requestContract(
      Event event,
      ExprType bodyType,
      Optional<ClassName> validator,
      ControllerContract contract,
      boolean bound,
      boolean declare) {
    CodeBlock.Builder code = CodeBlock.builder();
    code.add(ContractEmitter.parameters(event, contract, declare));
    boolean optional = event.bodySchema().isPresent() && !contract.contract().bodyRequired();
    CodeBlock json = declare ? CodeBlock.of("$T json", Names.JSON_NODE) : CodeBlock.of("json");
    if (event.bodySchema().isPresent()) {
      code.add(ContractEmitter.readBody(event, contract, declare));
    } else {
      code.addStatement("$L = $T.optionalBody(request)", json, REQUEST_INPUTS);
    }
    validator.ifPresent(
        v ->
            code.addStatement(
                    "$T violations = $L",
                    ParameterizedTypeName.get(ClassName.get(java.util.List.class), VIOLATION),
                    // A body that may be left out is only checked when it was sent.
                    optional
                        ? CodeBlock.of(
                            "json.isMissingNode() ? $T.of() : $T.validate(json)", List.class, v)
                        : CodeBlock.of("$T.validate(json)", v))
                .beginControlFlow("if (!violations.isEmpty())")
                .addStatement(
                    "throw $L",
                    Widths.call(
                        8,
                        "throw ",
                        CodeBlock.of("$T.badRequest(", HTTP_PROBLEM),
                        List.of(
                            Literals.wrapped(
                                event
                                    .subscription()
                                    .map(
                                        t ->
                                            "The record does not match the schema of "
                                                + t.event()
                                                + ".")
                                    .orElse(
                                        "The request body does not match the schema of "
                                            + event.method()
                                            + " "
                                            + event.path()
                                            + ".")),
                            CodeBlock.of("violations"))))
                .endControlFlow());
    if (bound) {
      ClassName pojo = ((ExprType.PojoType) bodyType).javaClass();
      CodeBlock body = declare ? CodeBlock.of("$T body", pojo) : CodeBlock.of("body");
      code.addStatement(
          optional ? "$L = json.isMissingNode() ? null : $T.bind(json)" : "$L = $T.bind(json)",
          body,
          names.bodyBinder(event));
    }
    return code.build();
  }
}

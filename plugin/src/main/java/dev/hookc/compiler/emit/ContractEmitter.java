package dev.hookc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import dev.hookc.compiler.bind.ControllerContract;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.EventContract;
import dev.hookc.compiler.model.HttpSettings;
import dev.hookc.compiler.model.Parameter;
import dev.hookc.compiler.model.TextConversion;
import dev.hookc.compiler.naming.Names;
import dev.hookc.compiler.naming.RuntimeTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Emits the parts of a controller that enforce the request contract (parameters, body content
 * types, form fields) and check the response against its declared schema.
 */
final class ContractEmitter {
  static final ClassName PARAMETERS = RuntimeTypes.PARAMETERS;
  static final ClassName CONVERSION = RuntimeTypes.CONVERSION;
  static final ClassName REQUEST_BODIES = RuntimeTypes.REQUEST_BODIES;
  static final ClassName RESPONSE_CONTRACT = RuntimeTypes.RESPONSE_CONTRACT;
  static final ClassName BODY_FORMAT = RuntimeTypes.BODY_FORMAT;
  private static final String JSON_TYPE = "application/json";
  private static final String FORM_TYPE = "application/x-www-form-urlencoded";
  private static final ParameterizedTypeName VIOLATIONS =
      ParameterizedTypeName.get(ClassName.get(List.class), ControllerEmitter.VIOLATION);

  private ContractEmitter() {}

  /**
   * Converts and checks every parameter into local {@code parameters}, declaring it unless {@code
   * declare} is false (it is then declared before a {@code try}).
   */
  static CodeBlock parameters(Event event, ControllerContract contract, boolean declare) {
    CodeBlock local =
        declare ? CodeBlock.of("$T parameters", PARAMETERS) : CodeBlock.of("parameters");
    if (contract.contract().parameters().isEmpty()) {
      // Nothing to check: the object still gives the workflow the parameters as sent.
      return CodeBlock.of("$L = new $T(request, $S);\n", local, PARAMETERS, route(event));
    }
    // A builder chain: each parameter on its own continuation line, indented as a continuation.
    CodeBlock.Builder code =
        CodeBlock.builder()
            .add("$L = new $T(request, $S)", local, PARAMETERS, route(event))
            .indent()
            .indent();
    for (EventContract.TypedParameter typed : contract.contract().parameters()) {
      Parameter p = typed.parameter();
      Optional<CodeBlock> check =
          contract.parameterCheck(p).map(c -> CodeBlock.of("$T::$N", c.owner(), c.method()));
      code.add("\n.$L($S, $L", declaration(p), p.name(), conversion(typed.conversion()));
      check.ifPresent(c -> code.add(", $L", c));
      code.add(")");
    }
    return code.add("\n.check();\n").unindent().unindent().build();
  }

  /**
   * The {@code Parameters} method that declares {@code p}: {@code requiredHeader}, {@code path}.
   */
  private static String declaration(Parameter p) {
    if (p.in().equals("path")) {
      return "path";
    }
    String in = p.in().substring(0, 1).toUpperCase(java.util.Locale.ROOT) + p.in().substring(1);
    return (p.required() ? "required" : "optional") + in;
  }

  /**
   * Reads the body into local {@code json} in one of the declared content types, declaring it
   * unless {@code declare} is false.
   */
  static CodeBlock readBody(Event event, ControllerContract contract, boolean declare) {
    List<String> accepted = event.bodyContentTypes();
    boolean form = !contract.contract().formFields().isEmpty();
    CodeBlock format;
    if (accepted.equals(List.of(JSON_TYPE))) {
      format = CodeBlock.of("$T.json()", BODY_FORMAT);
    } else if (accepted.equals(List.of(FORM_TYPE))) {
      format = CodeBlock.of("$T.form()", BODY_FORMAT);
    } else {
      List<CodeBlock> types = new ArrayList<>();
      accepted.forEach(t -> types.add(CodeBlock.of("$S", t)));
      format = CodeBlock.of("$T.of($L)", BODY_FORMAT, CodeBlock.join(types, ", "));
    }
    if (form) {
      format = CodeBlock.of("$L.formFields(FORM_FIELDS)", format);
    }
    if (!contract.contract().bodyRequired()) {
      format = CodeBlock.of("$L.optional()", format);
    }
    return CodeBlock.of(
        "$L = $T.read(request, $L);\n",
        declare ? CodeBlock.of("$T json", Names.JSON_NODE) : CodeBlock.of("json"),
        REQUEST_BODIES,
        format);
  }

  /** The constant with the form fields' conversions, when the event takes form bodies. */
  static Optional<FieldSpec> formFields(Event event, ControllerContract contract) {
    Map<String, TextConversion> fields = contract.contract().formFields();
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    List<CodeBlock> entries = new ArrayList<>();
    fields.forEach(
        (name, conversion) ->
            entries.add(CodeBlock.of("$T.entry($S, $L)", Map.class, name, conversion(conversion))));
    return Optional.of(
        FieldSpec.builder(
                ParameterizedTypeName.get(
                    ClassName.get(Map.class), ClassName.get(String.class), CONVERSION),
                "FORM_FIELDS",
                Modifier.PRIVATE,
                Modifier.STATIC,
                Modifier.FINAL)
            .addJavadoc("How the form fields of the body schema convert from text.\n")
            .initializer("$T.ofEntries($>\n$L$<)", Map.class, CodeBlock.join(entries, ",\n"))
            .build());
  }

  /** Whether the controller checks its responses. */
  static boolean checksResponses(ControllerContract contract) {
    return contract.responses() != HttpSettings.ResponseValidation.OFF
        && !contract.responseValidators().isEmpty();
  }

  /** Checks local {@code status} against the declared response schemas. */
  static CodeBlock checkResponse(Event event, ControllerContract contract) {
    return CodeBlock.builder()
        .addStatement(
            "$L",
            Widths.call(
                4,
                "",
                CodeBlock.of("$T.check(", RESPONSE_CONTRACT),
                List.of(
                    CodeBlock.of("$T.Mode.$L", RESPONSE_CONTRACT, contract.responses().name()),
                    CodeBlock.of("$S", route(event)),
                    CodeBlock.of("status.code()"),
                    CodeBlock.of("responseViolations(status.code(), status.data())"))))
        .build();
  }

  /** The method that validates a response's data by its status. */
  static MethodSpec responseViolations(Event event, ControllerContract contract) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("responseViolations")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addJavadoc("How a response breaks the schema declared for its status, if at all.\n")
            .returns(VIOLATIONS)
            .addParameter(int.class, "code")
            .addParameter(Names.JSON_NODE, "data");
    ClassName fallback = contract.responseValidators().get("default");
    for (Event.Response response : sorted(event)) {
      ClassName validator = contract.responseValidators().get(response.status());
      // A declared status without a schema only needs its own branch when 'default' has one.
      if (response.status().equals("default") || (validator == null && fallback == null)) {
        continue;
      }
      method.beginControlFlow("if (code == $L)", response.status());
      if (validator == null) {
        method.addStatement("return $T.of()", List.class);
      } else {
        method.addStatement("return $T.validate(data)", validator);
      }
      method.endControlFlow();
    }
    return fallback == null
        ? method.addStatement("return $T.of()", List.class).build()
        : method.addStatement("return $T.validate(data)", fallback).build();
  }

  private static List<Event.Response> sorted(Event event) {
    List<Event.Response> responses = new ArrayList<>(event.responses().values());
    responses.sort(java.util.Comparator.comparing(Event.Response::status));
    return responses;
  }

  private static CodeBlock conversion(TextConversion conversion) {
    List<CodeBlock> kinds = new ArrayList<>();
    conversion.kinds().forEach(k -> kinds.add(CodeBlock.of("$T.$L", CONVERSION, k.name())));
    CodeBlock item =
        kinds.size() == 1
            ? kinds.get(0)
            : CodeBlock.of("$T.firstOf($L)", CONVERSION, CodeBlock.join(kinds, ", "));
    return conversion.array() ? CodeBlock.of("$T.arrayOf($L)", CONVERSION, item) : item;
  }

  static String route(Event event) {
    return event.method() + " " + event.path();
  }
}

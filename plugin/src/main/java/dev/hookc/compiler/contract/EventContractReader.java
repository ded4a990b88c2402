package dev.hookc.compiler.contract;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.model.EventContract;
import dev.hookc.compiler.model.Parameter;
import dev.hookc.compiler.model.TextConversion;
import dev.hookc.compiler.yaml.ScalarType;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import dev.hookc.compiler.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads an event's contract: its body limit, whether its body is required, how each parameter
 * converts from text (reporting a schema that text cannot become, such as an object in a query
 * parameter), and how form fields convert.
 */
public final class EventContractReader {
  private static final String FORM = "application/x-www-form-urlencoded";

  private final Diagnostics diagnostics;
  private final Map<String, YamlNode> definitions;

  /**
   * @param definitions the project's shared schemas, which a parameter's {@code $ref} may name
   */
  public EventContractReader(Diagnostics diagnostics, Map<String, YamlNode> definitions) {
    this.diagnostics = diagnostics;
    this.definitions = definitions;
  }

  /**
   * The contract of the event written as {@code event}, with its {@code parameters} and body as
   * read already.
   */
  public EventContract read(
      YamlMapping event,
      List<Parameter> declared,
      Optional<YamlNode> bodySchema,
      List<String> bodyContentTypes) {
    OptionalLong limit =
        event
            .get("max_body_size")
            .map(n -> new SizeReader(diagnostics).size(n))
            .orElse(OptionalLong.empty());
    List<EventContract.TypedParameter> parameters = new ArrayList<>();
    for (Parameter parameter : declared) {
      TextConversion conversion =
          parameter.schema().flatMap(s -> conversion(parameter, s)).orElse(TextConversion.STRING);
      parameters.add(new EventContract.TypedParameter(parameter, conversion));
    }
    Map<String, TextConversion> formFields = new LinkedHashMap<>();
    if (bodyContentTypes.contains(FORM)) {
      bodySchema
          .map(this::resolve)
          .flatMap(s -> s.get("properties"))
          .filter(YamlMapping.class::isInstance)
          .ifPresent(
              p ->
                  ((YamlMapping) p)
                      .entries()
                      .forEach(
                          e ->
                              formFields.put(
                                  e.key().value(),
                                  typeOf(resolve(e.value())).orElse(TextConversion.STRING))));
    }
    return new EventContract(limit, bodyRequired(event), parameters, formFields);
  }

  private boolean bodyRequired(YamlMapping event) {
    Optional<YamlNode> required =
        event
            .get("body")
            .filter(YamlMapping.class::isInstance)
            .flatMap(b -> ((YamlMapping) b).get("required"));
    if (required.isEmpty()) {
      return true;
    }
    if (required.get() instanceof YamlScalar s && s.type() == ScalarType.BOOLEAN) {
      return Boolean.parseBoolean(s.value());
    }
    diagnostics.report(
        ContractCode.BAD_BODY_REQUIRED,
        required.get().location(),
        "'required' must be true or false",
        "write 'required: false' to accept requests without a body");
    return true;
  }

  private Optional<TextConversion> conversion(Parameter parameter, YamlNode schema) {
    YamlMapping resolved = resolve(schema);
    Optional<TextConversion> conversion = typeOf(resolved);
    if (conversion.isEmpty()) {
      YamlNode at = resolved.get("type").orElse(schema);
      diagnostics.report(
          ContractCode.PARAMETER_NOT_CONVERTIBLE,
          at.location(),
          parameter.in()
              + " parameter '"
              + parameter.name()
              + "' is sent as text, which cannot become "
              + describe(resolved),
          "declare it as string, integer, number, boolean, a list of these types, or an array of them");
    }
    return conversion;
  }

  /** The conversion for a schema's type; empty when text cannot become it. */
  private Optional<TextConversion> typeOf(YamlMapping schema) {
    if (!typeNames(schema).equals(List.of("array"))) {
      return scalarKinds(schema).map(k -> new TextConversion(k, false));
    }
    YamlMapping items = schema.get("items").map(this::resolve).orElse(empty());
    return scalarKinds(items).map(k -> new TextConversion(k, true));
  }

  /**
   * The scalar types a schema allows, {@code null} included; a schema without {@code type} keeps
   * the text. Empty when one of the types is not a scalar, since the text then has no one reading.
   */
  private static Optional<List<TextConversion.Kind>> scalarKinds(YamlMapping schema) {
    List<TextConversion.Kind> kinds = new ArrayList<>();
    for (String type : typeNames(schema)) {
      switch (type) {
        case "string":
          kinds.add(TextConversion.Kind.STRING);
          break;
        case "integer":
          kinds.add(TextConversion.Kind.INTEGER);
          break;
        case "number":
          kinds.add(TextConversion.Kind.NUMBER);
          break;
        case "boolean":
          kinds.add(TextConversion.Kind.BOOLEAN);
          break;
        default:
          return Optional.empty();
      }
    }
    if (declaredTypes(schema).contains("null")) {
      kinds.add(TextConversion.Kind.NULL);
    } else if (kinds.isEmpty()) {
      kinds.add(TextConversion.Kind.STRING);
    }
    return Optional.of(kinds);
  }

  /** The declared types without {@code null}, which only an empty text converts to. */
  private static List<String> typeNames(YamlMapping schema) {
    List<String> names = declaredTypes(schema);
    names.remove("null");
    return names;
  }

  private static List<String> declaredTypes(YamlMapping schema) {
    Optional<YamlNode> type = schema.get("type");
    List<String> names = new ArrayList<>();
    if (type.isPresent() && type.get() instanceof YamlScalar s) {
      names.add(s.value());
    } else if (type.isPresent() && type.get() instanceof YamlSequence list) {
      list.items().stream()
          .filter(YamlScalar.class::isInstance)
          .map(i -> ((YamlScalar) i).value())
          .forEach(names::add);
    }
    return names;
  }

  private static String describe(YamlMapping schema) {
    List<String> types = typeNames(schema);
    return types.size() == 1 ? "type '" + types.get(0) + "'" : "one of types " + types;
  }

  /** The schema, or the shared definition its {@code $ref} names; a non-mapping is empty. */
  private YamlMapping resolve(YamlNode schema) {
    if (!(schema instanceof YamlMapping mapping)) {
      return empty();
    }
    Optional<String> ref =
        mapping
            .get("$ref")
            .filter(YamlScalar.class::isInstance)
            .map(r -> ((YamlScalar) r).value())
            .filter(r -> r.startsWith("#/definitions/"));
    if (ref.isPresent()) {
      YamlNode target = definitions.get(ref.get().substring("#/definitions/".length()));
      return target instanceof YamlMapping m ? m : empty();
    }
    return mapping;
  }

  private YamlMapping empty() {
    return new YamlMapping(List.of(), dev.hookc.compiler.diag.Location.startOf(""));
  }
}

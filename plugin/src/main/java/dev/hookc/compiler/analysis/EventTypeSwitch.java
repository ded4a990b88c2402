package dev.hookc.compiler.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.expr.ExpressionCompiler;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.Task;
import dev.hookc.compiler.provider.ProviderCode;
import dev.hookc.compiler.provider.ProviderSchemas;
import dev.hookc.compiler.yaml.YamlMapping;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code com.gs.switch} on GitHub's event type in a workflow that routes declaring {@code github:
 * {events: [...]}} run: its case labels are checked against the declared types, and inside the case
 * of a type, {@code inputs.body} is that type's payload rather than what every declared type's
 * payload has. The type is read as {@code inputs.headers['x-github-event']} or, when every route
 * authenticates with {@code github}, as {@code inputs.delivery.event}.
 */
final class EventTypeSwitch {
  static final String HEADER = "x-github-event";

  /** The getter of the generated inputs record that gives the body as JSON, for narrowed reads. */
  static final String BODY_JSON = "bodyJson";

  private final Set<String> types;
  private final boolean typesBody;
  private final boolean githubAuthn;
  private final List<Event> served;
  private final Diagnostics diagnostics;
  private final Map<String, ExprType> bodies = new LinkedHashMap<>();

  private EventTypeSwitch(List<Event> served, Diagnostics diagnostics) {
    this.served = List.copyOf(served);
    this.diagnostics = diagnostics;
    Set<String> all = new LinkedHashSet<>();
    served.forEach(e -> all.addAll(e.accepted().orElseThrow().types()));
    this.types = all;
    this.typesBody = served.stream().allMatch(e -> e.accepted().orElseThrow().typeBody());
    this.githubAuthn =
        served.stream()
            .allMatch(e -> e.guard().authn().filter(a -> a.scheme().equals("github")).isPresent());
  }

  /**
   * The event-type switches of a workflow that {@code served} run, when every one of them declares
   * the event types it accepts; empty otherwise, and for a workflow that no route runs.
   */
  static Optional<EventTypeSwitch> of(List<Event> served, Diagnostics diagnostics) {
    if (served.isEmpty() || !served.stream().allMatch(e -> e.accepted().isPresent())) {
      return Optional.empty();
    }
    return Optional.of(new EventTypeSwitch(served, diagnostics));
  }

  /**
   * Whether {@code task}, a switch, switches on the event type. A header name spelled in capitals
   * is reported (headers are read by lower-case name, so it is never present) and still narrows, so
   * that its cases report nothing more.
   */
  boolean isOn(Task task) {
    Optional<List<ExpressionCompiler.PathStep>> path =
        task.value().flatMap(ExpressionCompiler::path);
    if (path.isEmpty() || path.get().size() != 3 || !path.get().get(0).name().equals("inputs")) {
      return false;
    }
    String part = path.get().get(1).name();
    ExpressionCompiler.PathStep name = path.get().get(2);
    if (part.equals("delivery") && name.name().equals("event")) {
      return githubAuthn;
    }
    if (!part.equals("headers") || !name.name().equalsIgnoreCase(HEADER)) {
      return false;
    }
    if (!name.name().equals(HEADER)) {
      diagnostics.report(
          ProviderCode.EVENT_HEADER_SPELLING,
          name.location(),
          "inputs.headers holds each header by its lower-case name: '"
              + name.name()
              + "' is never present, so no case would run",
          "read it as inputs.headers['" + HEADER + "']");
    }
    return true;
  }

  /** Reports each case label of {@code task} that is no type the routes accept. */
  void checkLabels(Task task) {
    Optional<YamlMapping> cases =
        task.node().get("cases").filter(YamlMapping.class::isInstance).map(YamlMapping.class::cast);
    if (cases.isEmpty()) {
      return;
    }
    for (YamlMapping.Entry entry : cases.get().entries()) {
      String label = entry.key().value();
      if (!types.contains(label)) {
        diagnostics.report(
            ProviderCode.UNACCEPTED_CASE,
            entry.key().location(),
            "case '"
                + label
                + "' never runs: "
                + routes()
                + " accept"
                + (served.size() == 1 ? "s" : "")
                + " only "
                + String.join(", ", types),
            Suggestions.didYouMean(label, types)
                .orElse("add '" + label + "' to 'github: {events: [...]}', or remove the case"));
      }
    }
  }

  /**
   * {@code inputs} with {@code inputs.body} the payload of event type {@code type}, read as JSON;
   * empty when the case is no accepted type, or a route declares its own {@code body}, which the
   * type does not change.
   */
  Optional<ExprType> narrowed(ExprType inputs, String type) {
    if (!typesBody
        || !types.contains(type)
        || !(inputs instanceof ExprType.PojoType pojo)
        || !pojo.properties().containsKey("body")) {
      return Optional.empty();
    }
    Optional<ExprType> body = body(type);
    if (body.isEmpty()) {
      return Optional.empty();
    }
    Map<String, ExprType.PojoType.Property> properties = new LinkedHashMap<>(pojo.properties());
    properties.put("body", new ExprType.PojoType.Property("body", body.get(), BODY_JSON, true));
    return Optional.of(new ExprType.PojoType(pojo.javaClass(), properties, pojo.openness()));
  }

  private Optional<ExprType> body(String type) {
    ExprType known = bodies.get(type);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<ExprType> body = ProviderSchemas.githubPayload(type).map(EventTypeSwitch::typeOf);
    body.ifPresent(b -> bodies.put(type, b));
    return body;
  }

  /**
   * The type of a payload shape: objects of known properties as the provider documents them (an
   * undeclared property is not sent), scalars as such, and lists as JSON, as in any object read as
   * JSON.
   */
  static ExprType typeOf(JsonNode shape) {
    return switch (shape.path("type").asText()) {
      case "string" -> ExprType.STRING;
      case "integer" -> ExprType.INTEGER;
      case "number" -> ExprType.NUMBER;
      case "boolean" -> ExprType.BOOLEAN;
      case "object" -> {
        if (shape.path("properties").isEmpty()) {
          yield ExprType.DYNAMIC;
        }
        Map<String, ExprType> fields = new LinkedHashMap<>();
        shape
            .get("properties")
            .properties()
            .forEach(p -> fields.put(p.getKey(), typeOf(p.getValue())));
        yield new ExprType.ObjectType(fields, ExprType.Openness.PROVIDER);
      }
      default -> ExprType.DYNAMIC;
    };
  }

  private String routes() {
    return served.size() == 1
        ? served.get(0).method() + " " + served.get(0).path()
        : "the routes running this workflow";
  }
}

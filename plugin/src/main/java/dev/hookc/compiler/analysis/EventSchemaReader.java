package dev.hookc.compiler.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.HttpSettings;
import dev.hookc.compiler.model.Parameter;
import dev.hookc.compiler.model.Project;
import dev.hookc.compiler.naming.Names;
import dev.hookc.compiler.pojo.PojoGenerator;
import dev.hookc.compiler.pojo.PojoPlan;
import dev.hookc.compiler.schema.JsonSchema;
import dev.hookc.compiler.schema.SchemaCode;
import dev.hookc.compiler.schema.SchemaReader;
import dev.hookc.compiler.yaml.YamlJson;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and checks every schema of every event, and plans the payload classes of each body, whose
 * types the workflows' expressions are checked against. Bodies are the bulk of the work and
 * independent, so they are read in parallel; their diagnostics are gathered in event order so that
 * nothing depends on scheduling.
 */
final class EventSchemaReader {
  private final Names names;
  private final Diagnostics diagnostics;

  EventSchemaReader(Names names, Diagnostics diagnostics) {
    this.names = names;
    this.diagnostics = diagnostics;
  }

  /** One event's body, read with its own diagnostics. */
  private record Body(Optional<JsonSchema> schema, Optional<PojoPlan> payload, Diagnostics read) {}

  /** Each event's schemas, in event order. */
  Map<Event, EventSchemas> read(Project project) {
    // Converted once: every event's payload classes resolve the same shared definitions.
    Map<String, JsonNode> definitions = new LinkedHashMap<>();
    project.definitions().forEach((name, node) -> definitions.put(name, YamlJson.toJson(node)));
    PojoGenerator pojos = new PojoGenerator(names.packageName() + ".model", definitions);
    List<Body> bodies = InOrder.map(project.events(), e -> body(project, e, pojos));
    bodies.forEach(body -> diagnostics.addAll(body.read()));
    SchemaReader schemas = new SchemaReader(diagnostics);
    boolean validateResponses =
        project.http().settings().validateResponses() != HttpSettings.ResponseValidation.OFF;
    Map<Event, EventSchemas> read = new LinkedHashMap<>();
    for (int i = 0; i < bodies.size(); i++) {
      Event event = project.events().get(i);
      Map<String, JsonSchema> parameters = new LinkedHashMap<>();
      for (Parameter parameter : event.parameters()) {
        parameter
            .schema()
            .ifPresent(
                s -> parameters.put(parameter.key(), schemas.read(s, project.definitions())));
      }
      Map<String, JsonSchema> responses = new LinkedHashMap<>();
      if (validateResponses) {
        event.responses().values().stream()
            .filter(r -> r.schema().isPresent())
            .sorted(Comparator.comparing(Event.Response::status))
            .forEach(
                r ->
                    responses.put(
                        r.status(), schemas.read(r.schema().get(), project.definitions())));
      }
      Body body = bodies.get(i);
      read.put(event, new EventSchemas(body.schema(), body.payload(), parameters, responses));
    }
    return read;
  }

  private Body body(Project project, Event event, PojoGenerator pojos) {
    Diagnostics local = new Diagnostics();
    if (event.bodySchema().isEmpty()) {
      return new Body(Optional.empty(), Optional.empty(), local);
    }
    JsonSchema schema =
        new SchemaReader(local).read(event.bodySchema().get(), project.definitions());
    PojoPlan payload =
        pojos.plan(
            names.body(event).simpleName(),
            YamlJson.toJson(event.bodySchema().get()),
            names.bodyBinder(event));
    payload
        .refusal()
        .ifPresent(
            reason ->
                local.report(
                    SchemaCode.PAYLOAD_CLASSES_UNSUPPORTED,
                    event.bodySchema().get().location(),
                    "hookc cannot generate the payload classes of this body schema: " + reason,
                    "a limit of hookc, please report it; meanwhile, the schema of the object that"
                        + " holds the property, wrapped in 'allOf: [...]', is still validated and"
                        + " is read as JSON"));
    return new Body(Optional.of(schema), Optional.of(payload), local);
  }
}

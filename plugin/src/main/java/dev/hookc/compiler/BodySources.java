package dev.hookc.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.emit.GeneratedSource;
import dev.hookc.compiler.emit.Names;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.Project;
import dev.hookc.compiler.pojo.PojoGenerator;
import dev.hookc.compiler.pojo.PojoResult;
import dev.hookc.compiler.schema.JsonSchema;
import dev.hookc.compiler.schema.SchemaReader;
import dev.hookc.compiler.schema.SharedDefinitions;
import dev.hookc.compiler.schema.ValidatorGenerator;
import dev.hookc.compiler.yaml.YamlJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Generates each event's body validator and payload classes, the bulk of a project's generated
 * code. Events are independent, so they are generated in parallel; results, diagnostics included,
 * are gathered in event order so that the output does not depend on scheduling.
 */
final class BodySources {
  private final Names names;
  private final Diagnostics diagnostics;

  BodySources(Names names, Diagnostics diagnostics) {
    this.names = names;
    this.diagnostics = diagnostics;
  }

  /**
   * One event's body: its expression type, validator class if any, generated sources, and the
   * shared definitions its validator calls.
   */
  record Body(
      Event event,
      ExprType type,
      Optional<ClassName> validator,
      List<GeneratedSource> sources,
      Set<String> definitions,
      Diagnostics diagnostics) {}

  /**
   * Generates every event's body code; the sources are appended to {@code sources}, the types to
   * {@code bodyTypes}, the validator names to {@code bodyValidators}, all in event order, and the
   * names of the shared definitions the validators call to {@code usedDefinitions}.
   */
  void generate(
      Project project,
      SharedDefinitions shared,
      List<GeneratedSource> sources,
      Map<Event, ExprType> bodyTypes,
      Map<Event, ClassName> bodyValidators,
      Set<String> usedDefinitions) {
    // Converted once: every event's payload classes resolve the same shared definitions.
    Map<String, JsonNode> definitions = new LinkedHashMap<>();
    project.definitions().forEach((name, node) -> definitions.put(name, YamlJson.toJson(node)));
    PojoGenerator pojos = new PojoGenerator(names.packageName() + ".model", definitions);
    ValidatorGenerator validators = new ValidatorGenerator(shared);
    List<Body> bodies =
        InOrder.map(project.events(), e -> body(project, e, pojos, shared, validators));
    for (Body body : bodies) {
      diagnostics.addAll(body.diagnostics());
      usedDefinitions.addAll(body.definitions());
      bodyTypes.put(body.event(), body.type());
      body.validator().ifPresent(v -> bodyValidators.put(body.event(), v));
      sources.addAll(body.sources());
    }
  }

  private Body body(
      Project project,
      Event event,
      PojoGenerator pojos,
      SharedDefinitions shared,
      ValidatorGenerator validators) {
    Diagnostics local = new Diagnostics();
    if (event.bodySchema().isEmpty()) {
      return new Body(event, ExprType.DYNAMIC, Optional.empty(), List.of(), Set.of(), local);
    }
    JsonSchema schema =
        new SchemaReader(local).read(event.bodySchema().get(), project.definitions());
    ClassName validator = names.bodyValidator(event);
    List<GeneratedSource> sources = new ArrayList<>();
    sources.add(
        GeneratedSource.of(
            JavaFile.builder(
                    validator.packageName(), validators.generate(schema, validator.simpleName()))
                .skipJavaLangImports(true)
                .build()));
    PojoResult pojo =
        pojos.generate(
            names.body(event).simpleName(),
            YamlJson.toJson(event.bodySchema().get()),
            names.bodyBinder(event));
    sources.addAll(pojo.sources());
    return new Body(
        event, pojo.type(), Optional.of(validator), sources, shared.usedBy(schema), local);
  }
}

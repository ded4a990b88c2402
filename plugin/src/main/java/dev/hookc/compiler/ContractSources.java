package dev.hookc.compiler;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.hookc.compiler.check.FunctionNames;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.emit.ControllerContract;
import dev.hookc.compiler.emit.GeneratedSource;
import dev.hookc.compiler.emit.Names;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.EventContract;
import dev.hookc.compiler.model.HttpSettings;
import dev.hookc.compiler.model.Parameter;
import dev.hookc.compiler.model.Project;
import dev.hookc.compiler.schema.JsonSchema;
import dev.hookc.compiler.schema.SchemaReader;
import dev.hookc.compiler.schema.SharedDefinitions;
import dev.hookc.compiler.schema.ValidatorGenerator;
import dev.hookc.compiler.yaml.YamlNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads each event's contract and generates the validators it needs: one per parameter schema and
 * one per declared response schema (none when response validation is off).
 */
final class ContractSources {
  private final Names names;
  private final Diagnostics diagnostics;
  private final SchemaReader schemas;
  private final SharedDefinitions shared;
  private final ValidatorGenerator validators;
  private final Set<String> usedDefinitions;

  /**
   * The validators call the classes of {@code shared}; the names of the definitions they call are
   * added to {@code usedDefinitions}.
   */
  ContractSources(
      Names names, Diagnostics diagnostics, SharedDefinitions shared, Set<String> usedDefinitions) {
    this.names = names;
    this.diagnostics = diagnostics;
    this.schemas = new SchemaReader(diagnostics);
    this.shared = shared;
    this.validators = new ValidatorGenerator(shared);
    this.usedDefinitions = usedDefinitions;
  }

  /** Each event's controller contract; the validators it names are added to {@code sources}. */
  Map<Event, ControllerContract> generate(
      Project project, HttpSettings settings, List<GeneratedSource> sources) {
    Map<Event, ControllerContract> contracts = new LinkedHashMap<>();
    for (Event event : project.events()) {
      EventContract contract = event.contract();
      String base = Names.eventName(event);
      Map<String, ClassName> parameterValidators = new LinkedHashMap<>();
      for (Parameter parameter : event.parameters()) {
        parameter
            .schema()
            .ifPresent(
                schema ->
                    parameterValidators.put(
                        ControllerContract.key(parameter),
                        validator(
                            project,
                            schema,
                            base
                                + FunctionNames.upperCamel(parameter.in())
                                + FunctionNames.upperCamel(parameter.name())
                                + "Validator",
                            sources)));
      }
      Map<String, ClassName> responseValidators = new LinkedHashMap<>();
      if (settings.validateResponses() != HttpSettings.ResponseValidation.OFF) {
        event.responses().values().stream()
            .filter(r -> r.schema().isPresent())
            .sorted(java.util.Comparator.comparing(Event.Response::status))
            .forEach(
                r ->
                    responseValidators.put(
                        r.status(),
                        validator(
                            project,
                            r.schema().get(),
                            base
                                + "Response"
                                + (r.status().equals("default") ? "Default" : r.status())
                                + "Validator",
                            sources)));
      }
      contracts.put(
          event,
          new ControllerContract(
              contract, parameterValidators, responseValidators, settings.validateResponses()));
    }
    return contracts;
  }

  private ClassName validator(
      Project project, YamlNode schema, String simpleName, List<GeneratedSource> sources) {
    ClassName name = ClassName.get(names.packageName() + ".validation", simpleName);
    JsonSchema read = schemas.read(schema, project.definitions());
    usedDefinitions.addAll(shared.usedBy(read));
    sources.add(
        GeneratedSource.of(
            JavaFile.builder(name.packageName(), validators.generate(read, name.simpleName()))
                .skipJavaLangImports(true)
                .build()));
    return name;
  }
}

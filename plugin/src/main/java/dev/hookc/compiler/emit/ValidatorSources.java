package dev.hookc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.hookc.compiler.bind.BoundBody;
import dev.hookc.compiler.bind.BoundEvent;
import dev.hookc.compiler.bind.BoundProject;
import dev.hookc.compiler.bind.BoundValidator;
import dev.hookc.compiler.bind.ParameterCheck;
import dev.hookc.compiler.bind.ParameterContract;
import dev.hookc.compiler.emit.validation.SharedDefinitions;
import dev.hookc.compiler.emit.validation.ValidatorGenerator;
import dev.hookc.compiler.pojo.PojoGenerator;
import dev.hookc.compiler.schema.JsonSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Emits an event's validators and payload classes, the bulk of a project's generated code, and the
 * classes of the shared definitions they call. The generators are immutable, so events may be
 * emitted on every core.
 */
final class ValidatorSources {
  private final BoundProject project;
  private final SharedDefinitions shared;
  private final ValidatorGenerator validators;
  private final PojoGenerator pojos;

  ValidatorSources(BoundProject project) {
    this.project = project;
    this.shared =
        new SharedDefinitions(project.definitions(), project.names().packageName() + ".validation");
    this.validators = new ValidatorGenerator(shared);
    this.pojos = new PojoGenerator(project.names().packageName() + ".model");
  }

  /**
   * The body validator and payload classes of {@code event}, its contract class, then its response
   * validators.
   */
  List<GeneratedSource> emit(BoundEvent event) {
    List<GeneratedSource> sources = new ArrayList<>();
    event.body().ifPresent(body -> sources.addAll(body(body)));
    event.parameters().ifPresent(contract -> sources.add(contract(event, contract)));
    for (BoundValidator validator : event.validators()) {
      sources.add(validator(validator.schema(), validator.name()));
    }
    return sources;
  }

  /** The classes of the shared definitions that some validator calls. */
  List<GeneratedSource> emitShared() {
    return shared.generate(project.usedDefinitions()).stream().map(GeneratedSource::of).toList();
  }

  private List<GeneratedSource> body(BoundBody body) {
    List<GeneratedSource> sources = new ArrayList<>();
    sources.add(validator(body.schema(), body.validator()));
    pojos
        .generate(body.payload(), body.binder())
        .forEach(
            file -> sources.add(new GeneratedSource(file.path(), LineFitter.fit(file.content()))));
    return sources;
  }

  private GeneratedSource contract(BoundEvent event, ParameterContract contract) {
    List<ValidatorGenerator.ContractMethod> methods = new ArrayList<>();
    for (ParameterCheck check : contract.checks()) {
      methods.add(
          new ValidatorGenerator.ContractMethod(
              check.method(),
              check.parameter().in() + " " + check.parameter().name(),
              check.schema()));
    }
    TypeSpec type =
        validators.generateContract(
            contract.name().simpleName(),
            "Checks the parameters of {@code "
                + ContractEmitter.route(event.event())
                + "}, from {@code "
                + event.event().where()
                + "}, against their schemas.",
            methods);
    return GeneratedSource.of(
        JavaFile.builder(contract.name().packageName(), type).skipJavaLangImports(true).build());
  }

  private GeneratedSource validator(JsonSchema schema, ClassName name) {
    TypeSpec type = validators.generate(schema, name.simpleName());
    return GeneratedSource.of(
        JavaFile.builder(name.packageName(), type).skipJavaLangImports(true).build());
  }
}

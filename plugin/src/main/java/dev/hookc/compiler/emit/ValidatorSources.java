package dev.hookc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.hookc.compiler.bind.BoundBody;
import dev.hookc.compiler.bind.BoundEvent;
import dev.hookc.compiler.bind.BoundProject;
import dev.hookc.compiler.bind.BoundValidator;
import dev.hookc.compiler.emit.validation.SharedDefinitions;
import dev.hookc.compiler.emit.validation.ValidatorGenerator;
import dev.hookc.compiler.pojo.PojoGenerator;
import dev.hookc.compiler.schema.JsonSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Emits every event's validators and payload classes, the bulk of a project's generated code, and
 * the classes of the shared definitions they call. Events are independent, so they are generated on
 * every core; the sources are gathered in event order so that the output does not depend on
 * scheduling.
 */
final class ValidatorSources {
  private ValidatorSources() {}

  static List<GeneratedSource> emit(BoundProject project) {
    SharedDefinitions shared =
        new SharedDefinitions(project.definitions(), project.names().packageName() + ".validation");
    ValidatorGenerator validators = new ValidatorGenerator(shared);
    PojoGenerator pojos = new PojoGenerator(project.names().packageName() + ".model");
    List<GeneratedSource> sources = new ArrayList<>();
    // An ordered parallel stream collects in encounter order whatever thread computed what.
    project.events().parallelStream()
        .map(event -> body(event, validators, pojos))
        .toList()
        .forEach(sources::addAll);
    for (BoundEvent event : project.events()) {
      for (BoundValidator validator : event.validators()) {
        sources.add(validator(validators, validator.schema(), validator.name()));
      }
    }
    shared
        .generate(project.usedDefinitions())
        .forEach(file -> sources.add(GeneratedSource.of(file)));
    return sources;
  }

  private static List<GeneratedSource> body(
      BoundEvent event, ValidatorGenerator validators, PojoGenerator pojos) {
    if (event.body().isEmpty()) {
      return List.of();
    }
    BoundBody body = event.body().get();
    List<GeneratedSource> sources = new ArrayList<>();
    sources.add(validator(validators, body.schema(), body.validator()));
    pojos
        .generate(body.payload(), body.binder())
        .forEach(file -> sources.add(new GeneratedSource(file.path(), file.content())));
    return sources;
  }

  private static GeneratedSource validator(
      ValidatorGenerator validators, JsonSchema schema, ClassName name) {
    TypeSpec type = validators.generate(schema, name.simpleName());
    return GeneratedSource.of(
        JavaFile.builder(name.packageName(), type).skipJavaLangImports(true).build());
  }
}

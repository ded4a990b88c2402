package dev.hookc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.hookc.compiler.analysis.ConfigJson;
import dev.hookc.compiler.naming.Names;
import dev.hookc.compiler.naming.RuntimeTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code HookcConfig}: the project's {@code config/*.yaml} as JSON text (the runtime has no
 * YAML parser), assembled at start-up by {@code ProjectConfig.load}.
 */
public final class ConfigEmitter {
  private static final ClassName PROJECT_CONFIG = RuntimeTypes.PROJECT_CONFIG;

  private final Names names;

  public ConfigEmitter(Names names) {
    this.names = names;
  }

  /** The configuration class. */
  public GeneratedSource emit(ConfigJson config) {
    ClassName self = names.config();
    List<CodeBlock> environments = new ArrayList<>();
    config
        .environments()
        .forEach(
            (name, json) -> environments.add(CodeBlock.of("$S, $L", name, Literals.wrapped(json))));
    TypeSpec type =
        TypeSpec.classBuilder(self)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addAnnotation(Names.generated())
            .addJavadoc(
                "The project's configuration, from {@code config/}: what {@code config.*} reads.\n")
            .addField(
                FieldSpec.builder(
                        String.class, "DEFAULTS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("{@code config/default.yaml} as JSON.\n")
                    .initializer(Literals.wrapped(config.defaults()))
                    .build())
            .addField(
                FieldSpec.builder(
                        ParameterizedTypeName.get(Map.class, String.class, String.class),
                        "ENVIRONMENTS",
                        Modifier.PRIVATE,
                        Modifier.STATIC,
                        Modifier.FINAL)
                    .addJavadoc(
                        "Each {@code config/<env>.yaml} as JSON, chosen by {@code HOOKC_ENV}.\n")
                    .initializer(
                        environments.isEmpty()
                            ? CodeBlock.of("$T.of()", Map.class)
                            : CodeBlock.of(
                                "$T.of($>\n$L$<)", Map.class, CodeBlock.join(environments, ",\n")))
                    .build())
            .addField(
                FieldSpec.builder(
                        String.class,
                        "VARIABLES",
                        Modifier.PRIVATE,
                        Modifier.STATIC,
                        Modifier.FINAL)
                    .addJavadoc(
                        "{@code config/custom-environment-variables.yaml} as JSON: which environment\n"
                            + "variable overrides which key.\n")
                    .initializer(Literals.wrapped(config.variables()))
                    .build())
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
            .addMethod(
                MethodSpec.methodBuilder("load")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .addJavadoc(
                        "The defaults, overridden by {@code config/<HOOKC_ENV>.yaml}, then by the\n"
                            + "mapped environment variables, all read from {@code environment}.\n")
                    .returns(Names.JSON_NODE)
                    .addParameter(
                        ParameterizedTypeName.get(Map.class, String.class, String.class),
                        "environment")
                    .addStatement(
                        "return $T.load(DEFAULTS, ENVIRONMENTS, VARIABLES, environment)",
                        PROJECT_CONFIG)
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("load")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .addJavadoc("The configuration read from the process environment.\n")
                    .returns(Names.JSON_NODE)
                    .addStatement("return load(System.getenv())")
                    .build())
            .build();
    return GeneratedSource.of(
        JavaFile.builder(self.packageName(), type).skipJavaLangImports(true).build());
  }
}

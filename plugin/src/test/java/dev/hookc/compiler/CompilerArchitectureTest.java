package dev.hookc.compiler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.hookc.compiler.cache.DiagnosticCodes;
import dev.hookc.compiler.diag.DiagnosticCode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compiler's pipeline, load → check → bind → emit, as rules over its packages: a stage uses the
 * ones before it and never the ones after, and nothing that generates code can report a diagnostic.
 * docs/architecture.md explains each rule.
 */
class CompilerArchitectureTest {
  private static final String COMPILER = "dev.hookc.compiler";

  /**
   * The classes of {@code schema} that read and check JSON Schema from YAML, reporting diagnostics;
   * the rest of the package is the checked model they produce.
   */
  private static final String SCHEMA_READING =
      "dev\\.hookc\\.compiler\\.schema\\."
          + "(SchemaReader|KeywordParser|PatternTranslator|SchemaIndex|SchemaCode|EcmaRegex|JsonText)"
          + "(\\$.*)?";

  private static JavaClasses classes;

  @BeforeAll
  static void importCompiler() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(COMPILER);
  }

  @Test
  void emittersCannotReportDiagnosticsNorReadYaml() {
    noClasses()
        .that()
        .resideInAPackage(COMPILER + ".emit..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(COMPILER + ".diag..", COMPILER + ".load..", COMPILER + ".yaml..")
        .check(classes);
  }

  @Test
  void codeGeneratorsCannotReportDiagnostics() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("Generator")
        .or()
        .resideInAPackage(COMPILER + ".pojo..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(COMPILER + ".diag..")
        .check(classes);
  }

  @Test
  void modelDependsOnNoLaterStage() {
    noClasses()
        .that()
        .resideInAPackage(COMPILER + ".model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            COMPILER + ".load..",
            COMPILER + ".check..",
            COMPILER + ".analysis..",
            COMPILER + ".bind..",
            COMPILER + ".emit..")
        .check(classes);
  }

  @Test
  void bindDependsOnNoEmitter() {
    noClasses()
        .that()
        .resideInAPackage(COMPILER + ".bind..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(COMPILER + ".emit..")
        .check(classes);
  }

  @Test
  void checkingDependsOnNeitherBindingNorEmitting() {
    noClasses()
        .that()
        .resideInAnyPackage(COMPILER + ".check..", COMPILER + ".analysis..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(COMPILER + ".bind..", COMPILER + ".emit..")
        .check(classes);
  }

  @Test
  void validatorGenerationReadsOnlyTheCheckedSchemaModel() {
    noClasses()
        .that()
        .resideInAPackage(COMPILER + ".emit.validation..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            COMPILER + ".diag..",
            COMPILER + ".yaml..",
            COMPILER + ".load..",
            COMPILER + ".check..",
            COMPILER + ".analysis..",
            COMPILER + ".bind..")
        .orShould()
        .dependOnClassesThat()
        .haveNameMatching(SCHEMA_READING)
        .check(classes);
  }

  @Test
  void checkedSchemaModelHoldsNoYamlNorDiagnostics() {
    noClasses()
        .that()
        .resideInAPackage(COMPILER + ".schema..")
        .and()
        .haveNameNotMatching(SCHEMA_READING)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(COMPILER + ".diag..", COMPILER + ".yaml..")
        .check(classes);
  }

  @Test
  void emittersUseNoSchemaReading() {
    noClasses()
        .that()
        .resideInAPackage(COMPILER + ".emit..")
        .should()
        .dependOnClassesThat()
        .haveNameMatching(SCHEMA_READING)
        .check(classes);
  }

  @Test
  void bindingReadsNoYaml() {
    noClasses()
        .that()
        .resideInAnyPackage(COMPILER + ".bind..", COMPILER + ".naming..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(COMPILER + ".yaml..", COMPILER + ".load..", COMPILER + ".diag..")
        .orShould()
        .dependOnClassesThat()
        .haveNameMatching(SCHEMA_READING)
        .check(classes);
  }

  @Test
  void noStageDependsOnTheCache() {
    noClasses()
        .that()
        .resideInAPackage(COMPILER + ".*..")
        .and()
        .resideOutsideOfPackage(COMPILER + ".cache..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(COMPILER + ".cache..")
        .check(classes);
  }

  /**
   * File facts come from the loaded model and the bound project; only the codes list reaches out.
   */
  @Test
  void theCacheReadsNoYaml() {
    noClasses()
        .that()
        .resideInAPackage(COMPILER + ".cache..")
        .and()
        .doNotHaveSimpleName("DiagnosticCodes")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(COMPILER + ".yaml..", COMPILER + ".load..")
        .orShould()
        .dependOnClassesThat()
        .haveNameMatching(SCHEMA_READING)
        .check(classes);
  }

  @Test
  void everyDiagnosticCodeCanBeReplayedFromTheCache() {
    List<String> codes =
        classes.stream()
            .filter(c -> c.isEnum() && c.isAssignableTo(DiagnosticCode.class))
            .map(JavaClass::getName)
            .sorted()
            .toList();
    assertThat(DiagnosticCodes.ALL.stream().map(Class::getName).sorted().toList()).isEqualTo(codes);
  }

  @Test
  void compilerPackagesHaveNoCycles() {
    slices().matching(COMPILER + ".(*)..").should().beFreeOfCycles().check(classes);
  }
}

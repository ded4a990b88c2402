package dev.hookc.compiler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compiler's pipeline, load → check → bind → emit, as rules over its packages: a stage uses the
 * ones before it and never the ones after, and nothing that generates code can report a diagnostic.
 * docs/architecture.md explains each rule.
 */
class CompilerArchitectureTest {
  private static final String COMPILER = "dev.hookc.compiler";
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
  void compilerPackagesHaveNoCycles() {
    slices().matching(COMPILER + ".(*)..").should().beFreeOfCycles().check(classes);
  }
}

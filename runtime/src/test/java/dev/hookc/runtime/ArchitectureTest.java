package dev.hookc.runtime;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime's package structure: users' API apart from what only generated code and the runtime
 * itself call, and no package cycle among them.
 */
class ArchitectureTest {
  private static final String[] API = {
    "dev.hookc.runtime",
    "dev.hookc.runtime.workflow",
    "dev.hookc.runtime.security",
    "dev.hookc.runtime.store",
    "dev.hookc.runtime.datasource",
    "dev.hookc.runtime.telemetry"
  };
  private static final String[] NOT_API = {
    "dev.hookc.runtime.internal..",
    "dev.hookc.runtime.json..",
    "dev.hookc.runtime.routing..",
    "dev.hookc.runtime.log..",
    "dev.hookc.runtime.http.."
  };

  private static JavaClasses runtime;

  @BeforeAll
  static void importRuntime() {
    runtime =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hookc.runtime");
  }

  // The root is no slice here: its API types are built on json and routing, which in turn throw
  // HttpProblem and match Routes. The rule below keeps the root from reaching anything above it.
  @Test
  void subpackagesHaveNoCycle() {
    slices().matching("dev.hookc.runtime.(**)").should().beFreeOfCycles().check(runtime);
  }

  @Test
  void apiPackagesOtherThanTheRootDependOnNothingInternal() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.hookc.runtime.workflow",
            "dev.hookc.runtime.security",
            "dev.hookc.runtime.store",
            "dev.hookc.runtime.datasource",
            "dev.hookc.runtime.telemetry")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(NOT_API)
        .check(runtime);
  }

  @Test
  void rootApiDependsOnNoGeneratedCodeHelperNorOnTheOtherApiPackages() {
    noClasses()
        .that()
        .resideInAPackage("dev.hookc.runtime")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.hookc.runtime.internal..",
            "dev.hookc.runtime.workflow..",
            "dev.hookc.runtime.security..",
            "dev.hookc.runtime.store..")
        .check(runtime);
  }

  // Telemetry modules implement it against the runtime's API alone: what it names must not
  // change with the runtime's insides.
  @Test
  void telemetrySpiDependsOnlyOnTheRootApi() {
    noClasses()
        .that()
        .resideInAPackage("dev.hookc.runtime.telemetry")
        .should()
        .dependOnClassesThat(
            resideInAPackage("dev.hookc.runtime..")
                .and(not(resideInAPackage("dev.hookc.runtime.telemetry")))
                .and(not(resideInAPackage("dev.hookc.runtime"))))
        .check(runtime);
  }

  @Test
  void transportDependsOnNoOtherRuntimePackage() {
    noClasses()
        .that()
        .resideInAPackage("dev.hookc.runtime.http..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("dev.hookc.runtime..")
                .and(not(resideInAPackage("dev.hookc.runtime.http.."))))
        .check(runtime);
  }

  @Test
  void consoleLogDependsOnNoOtherRuntimePackage() {
    noClasses()
        .that()
        .resideInAPackage("dev.hookc.runtime.log..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("dev.hookc.runtime..")
                .and(not(resideInAPackage("dev.hookc.runtime.log.."))))
        .check(runtime);
  }

  @Test
  void apiSignaturesNameNoInternalType() {
    ArchRuleDefinition.classes()
        .that()
        .resideInAnyPackage(API)
        .and()
        .arePublic()
        .should(exposeOnlyApiTypes())
        .check(runtime);
  }

  private static ArchCondition<JavaClass> exposeOnlyApiTypes() {
    return new ArchCondition<>("name only API types in public signatures") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        Stream<JavaCodeUnit> members =
            type.getCodeUnits().stream()
                .filter(m -> m.getModifiers().contains(JavaModifier.PUBLIC));
        members.forEach(
            m -> {
              m.getRawParameterTypes().forEach(p -> report(type, m.getFullName(), p, events));
              report(type, m.getFullName(), m.getRawReturnType(), events);
            });
        for (JavaField field : type.getFields()) {
          if (field.getModifiers().contains(JavaModifier.PUBLIC)) {
            report(type, field.getFullName(), field.getRawType(), events);
          }
        }
      }
    };
  }

  private static void report(
      JavaClass owner, String member, JavaClass used, ConditionEvents events) {
    String pkg = used.getPackageName();
    boolean internal =
        pkg.startsWith("dev.hookc.runtime.")
            && Set.of("internal", "json", "routing", "log", "http")
                .contains(pkg.substring("dev.hookc.runtime.".length()).split("\\.", -1)[0]);
    if (internal) {
      events.add(SimpleConditionEvent.violated(owner, member + " names " + used.getName()));
    }
  }
}

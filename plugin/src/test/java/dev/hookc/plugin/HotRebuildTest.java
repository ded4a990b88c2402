package dev.hookc.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.CompileRequest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilds of a real project without an application: which sources are compiled again, and that
 * what a compilation replaces can never be read from the classes directory.
 */
class HotRebuildTest {
  private static final String FUNCTIONS = "src/main/java/com/example/hookc/functions/";

  @TempDir Path project;

  private HotRebuild rebuild;

  @BeforeEach
  void build() throws IOException {
    write("src/events/hello.yaml", "http.post./hello:\n  fn: hello\n");
    write(
        "src/functions/hello.yaml",
        """
        id: hello
        tasks:
          - id: greeting
            fn: greet
            args:
              name: Ada
        """);
    write(
        FUNCTIONS + "Greet.java",
        """
        package com.example.hookc.functions;

        import dev.hookc.runtime.workflow.FunctionContext;

        public final class Greet implements GreetFunction {
          @Override
          public Object apply(GreetArgs args, FunctionContext context) {
            return Words.HELLO + Helper.name(args);
          }
        }
        """);
    write(
        FUNCTIONS + "Helper.java",
        """
        package com.example.hookc.functions;

        final class Helper {
          static String name(GreetArgs args) {
            return args.name();
          }
        }
        """);
    write(
        FUNCTIONS + "Words.java",
        """
        package com.example.hookc.functions;

        final class Words {
          static final String HELLO = "hello ";
        }
        """);
    rebuild = new HotRebuild(settings());
    HotRebuild.Result first = rebuild.rebuild(Set.of());
    assertThat(first.errors()).isEmpty();
    rebuild.install();
  }

  @Test
  void compilesAChangedSourceWithWhatDependsOnItAndNothingElse() throws IOException {
    Path helper =
        write(
            FUNCTIONS + "Helper.java",
            read(FUNCTIONS + "Helper.java").replace("args.name()", "args.name().strip()"));

    HotRebuild.Result result = rebuild.rebuild(Set.of(helper));

    assertThat(result.errors()).isEmpty();
    // Helper, Greet that calls it, and what calls Greet, up to the application; not the contract
    // Greet implements, nor what does not depend on Helper.
    assertThat(result.compiled())
        .contains(
            "com/example/hookc/functions/Helper.java",
            "com/example/hookc/functions/Greet.java",
            "com/example/hookc/HookcApplication.java")
        .doesNotContain(
            "com/example/hookc/functions/GreetFunction.java",
            "com/example/hookc/functions/GreetArgs.java",
            "com/example/hookc/functions/Words.java",
            "com/example/hookc/HookcConfig.java");
  }

  @Test
  void reportsCodeThatStillUsesADeletedClassInsteadOfReadingItsOldClassFile() throws IOException {
    Path helper = project.resolve(FUNCTIONS + "Helper.java");
    Files.delete(helper);

    HotRebuild.Result result = rebuild.rebuild(Set.of(helper));

    assertThat(result.kind()).isEqualTo(HotRebuild.Kind.FAILED);
    assertThat(result.errors())
        .singleElement()
        .asString()
        .startsWith(FUNCTIONS + "Greet.java:8:26: error: cannot find symbol");
    assertThat(project.resolve("target/classes/com/example/hookc/functions/Helper.class")).exists();
  }

  @Test
  void deletesTheClassesOfADeletedSourceOnceItsUsersCompileWithoutIt() throws IOException {
    Path helper = project.resolve(FUNCTIONS + "Helper.java");
    Files.delete(helper);
    Path greet =
        write(
            FUNCTIONS + "Greet.java",
            read(FUNCTIONS + "Greet.java").replace("Helper.name(args)", "args.name()"));

    HotRebuild.Result result = rebuild.rebuild(Set.of(helper, greet));
    rebuild.install();

    assertThat(result.errors()).isEmpty();
    assertThat(project.resolve("target/classes/com/example/hookc/functions/Helper.class"))
        .doesNotExist();
    assertThat(project.resolve("target/classes/com/example/hookc/functions/Greet.class")).exists();
  }

  @Test
  void compilesEverythingWhenAChangedClassSharesConstants() throws IOException {
    // javac copies Words.HELLO into Greet, leaving no reference to Words behind.
    Path words =
        write(FUNCTIONS + "Words.java", read(FUNCTIONS + "Words.java").replace("hello ", "hi "));

    HotRebuild.Result result = rebuild.rebuild(Set.of(words));

    assertThat(result.errors()).isEmpty();
    assertThat((long) result.compiled().size()).isEqualTo(javaSources());
  }

  @Test
  void compilesWhatAGeneratedContractChangeReachesAndReportsItLocated() throws IOException {
    Path workflow =
        write(
            "src/functions/hello.yaml",
            read("src/functions/hello.yaml").replace("name: Ada", "who: Ada"));

    HotRebuild.Result result = rebuild.rebuild(Set.of(workflow));

    assertThat(result.kind()).isEqualTo(HotRebuild.Kind.FAILED);
    assertThat(result.errors())
        .singleElement()
        .asString()
        .startsWith(FUNCTIONS + "Helper.java:5:16: error: cannot find symbol");
  }

  @Test
  void keepsAFailedChangeToCompileWithTheNextOne() throws IOException {
    Path workflow =
        write(
            "src/functions/hello.yaml",
            read("src/functions/hello.yaml").replace("name: Ada", "who: Ada"));
    assertThat(rebuild.rebuild(Set.of(workflow)).kind()).isEqualTo(HotRebuild.Kind.FAILED);

    // Only Helper changes now; the generated GreetArgs changed in the failed rebuild.
    Path helper =
        write(
            FUNCTIONS + "Helper.java",
            read(FUNCTIONS + "Helper.java").replace("args.name()", "args.who()"));
    HotRebuild.Result result = rebuild.rebuild(Set.of(helper));
    rebuild.install();

    assertThat(result.errors()).isEmpty();
    assertThat(result.kind()).isEqualTo(HotRebuild.Kind.READY);
    assertThat(rebuild.rebuild(Set.of()).kind()).isEqualTo(HotRebuild.Kind.UNCHANGED);
  }

  private long javaSources() throws IOException {
    try (var files = Files.walk(project)) {
      return files
          .filter(
              f -> f.toString().endsWith(".java") && !f.startsWith(project.resolve("target/hookc")))
          .count();
    }
  }

  private HotRebuild.Settings settings() {
    CompileRequest compile =
        new CompileRequest(
            project,
            project.resolve("src/events"),
            project.resolve("src/functions"),
            project.resolve("src/definitions"),
            project.resolve("src/main/java"),
            project.resolve("target/generated-sources/hookc"),
            "com.example.hookc");
    return new HotRebuild.Settings(
        new GenerationRequest(
            compile, project.resolve("target/hookc/inputs.sha256"), false, "1.0", "test.jar@1"),
        List.of(project.resolve("src/main/java")),
        List.of(),
        project.resolve("target/classes"),
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(Path::of)
            .filter(Files::exists)
            .toList(),
        HotRebuild.Settings.javacOptions("17", "UTF-8", false),
        project.resolve("target/hookc/run"));
  }

  private String read(String path) throws IOException {
    return Files.readString(project.resolve(path));
  }

  private Path write(String path, String content) throws IOException {
    Path file = project.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file.toAbsolutePath();
  }
}

package dev.hookc.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a class file tells of its class, read from classes javac compiled. */
class ClassFileFactsTest {
  @TempDir Path directory;

  @Test
  void findsTheClassesASignatureOrAnAnnotationNamesNotOnlyThoseItCalls() throws IOException {
    compile(
        "a/Uses.java",
        """
        package a;

        import java.util.List;
        import java.util.function.Supplier;

        @Deprecated
        public final class Uses {
          public List<Supplier<Thread>> suppliers(java.io.File file, StringBuilder[] builders) {
            return List.of();
          }

          static final class Inner {}
        }
        """);

    ClassFileFacts facts = ClassFileFacts.read(directory.resolve("out/a/Uses.class"));

    assertThat(facts.name()).isEqualTo("a/Uses");
    assertThat(facts.sourceFile()).isEqualTo("a/Uses.java");
    assertThat(facts.references())
        .contains(
            "java/util/List",
            "java/util/function/Supplier",
            "java/lang/Thread",
            "java/io/File",
            "java/lang/StringBuilder",
            "java/lang/Deprecated",
            "a/Uses$Inner")
        .doesNotContain("a/Uses");
    assertThat(facts.sharesConstants()).isFalse();
  }

  @Test
  void tellsAConstantOthersCanCopyFromAPrivateOne() throws IOException {
    compile(
        "b/Shared.java", "package b; public final class Shared { static final int LIMIT = 10; }");
    compile(
        "b/Own.java", "package b; public final class Own { private static final int LIMIT = 10; }");

    assertThat(ClassFileFacts.read(directory.resolve("out/b/Shared.class")).sharesConstants())
        .isTrue();
    assertThat(ClassFileFacts.read(directory.resolve("out/b/Own.class")).sharesConstants())
        .isFalse();
  }

  @Test
  void namesTheSourceOfAClassDeclaredInAFileOfAnotherName() throws IOException {
    compile("c/Main.java", "package c; public final class Main {} final class Helper {}");

    assertThat(ClassFileFacts.read(directory.resolve("out/c/Helper.class")).sourceFile())
        .isEqualTo("c/Main.java");
  }

  private void compile(String path, String source) throws IOException {
    Path file = directory.resolve("src").resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(
                null,
                null,
                null,
                "--release",
                "17",
                "-d",
                directory.resolve("out").toString(),
                file.toString());
    assertThat(status).isZero();
  }
}

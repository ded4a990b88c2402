package dev.hookc.compiler;

import dev.hookc.compiler.diag.Diagnostic;
import dev.hookc.compiler.model.ProjectInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A user project written to a temporary directory, file by file, and compiled with hookc. */
public final class TestProject {
  public static final String PACKAGE = "com.example.hooks";

  private final Path root;

  public TestProject(Path root) {
    this.root = root;
  }

  /** Writes a file at a project-relative path. */
  public TestProject file(String path, String content) {
    try {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes an empty Java function class, so that {@code fn: name} resolves to it. */
  public TestProject javaFunction(String className) {
    return file(
        "src/main/java/" + PACKAGE.replace('.', '/') + "/functions/" + className + ".java",
        "package " + PACKAGE + ".functions;\n");
  }

  /** The project's root directory. */
  public Path root() {
    return root;
  }

  /** Compiles the project with the standard layout. */
  public CompileResult compile() {
    return compile(true);
  }

  /**
   * Compiles the project with the standard layout as one whose dependencies do not include
   * hookc-kafka.
   */
  public CompileResult compileWithoutKafkaModule() {
    return compile(false);
  }

  private CompileResult compile(boolean kafkaModule) {
    return new HookcCompiler()
        .compile(
            new CompileRequest(
                root,
                root.resolve("src/events"),
                root.resolve("src/functions"),
                root.resolve("src/definitions"),
                root.resolve("src/main/java"),
                root.resolve("target/generated-sources/hookc"),
                PACKAGE,
                new ProjectInfo(PACKAGE, "0.0.0"),
                kafkaModule));
  }

  /** The content of the source {@code result} generated whose path ends with {@code /name}. */
  public static String generated(CompileResult result, String name) {
    return result.sources().stream()
        .filter(s -> s.path().endsWith("/" + name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no generated " + name))
        .content();
  }

  /** Each diagnostic as {@code CODE@line:column}, in file and line order. */
  public List<String> codes() {
    return compile().diagnostics().stream().map(TestProject::brief).toList();
  }

  /** A diagnostic as {@code CODE@file:line:column}. */
  public static String brief(Diagnostic d) {
    return d.code().id() + "@" + d.location().line() + ":" + d.location().column();
  }
}

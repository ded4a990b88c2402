package dev.hookc.compiler.flow;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.compiler.CompileRequest;
import dev.hookc.compiler.CompileResult;
import dev.hookc.compiler.HookcCompiler;
import dev.hookc.compiler.emit.GeneratedSource;
import dev.hookc.runtime.Application;
import dev.hookc.runtime.HookcServer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds a user project the way the plugin does, in memory: hookc compiles its YAML, javac compiles
 * the generated sources with the project's own Java functions, and the classes are loaded.
 */
final class ProjectBuild {
  private ProjectBuild() {}

  /** Compiles the project's YAML only. */
  static CompileResult compileYaml(Path project, String packageName) {
    return new HookcCompiler()
        .compile(
            new CompileRequest(
                project,
                project.resolve("src/events"),
                project.resolve("src/functions"),
                project.resolve("src/definitions"),
                project.resolve("src/main/java"),
                project.resolve("target/generated-sources/hookc"),
                packageName));
  }

  /** Compiles and loads everything; fails with the diagnostics or javac's messages. */
  static ClassLoader build(Path project, String packageName) {
    CompileResult result = compileYaml(project, packageName);
    if (result.hasErrors()) {
      throw new AssertionError(
          "hookc reported errors:\n"
              + result.diagnostics().stream()
                  .map(Object::toString)
                  .collect(Collectors.joining("\n")));
    }
    List<JavaFileObject> sources = new ArrayList<>(units(result.sources()));
    try (Stream<Path> files = Files.walk(project.resolve("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        sources.add(source(file.toString(), Files.readString(file)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return javac(sources);
  }

  /**
   * Compiles generated sources alone (a project without Java functions) and loads them; fails with
   * javac's messages, warnings included.
   */
  static ClassLoader javacGenerated(List<GeneratedSource> generated) {
    return javac(units(generated));
  }

  private static List<JavaFileObject> units(List<GeneratedSource> generated) {
    List<JavaFileObject> sources = new ArrayList<>();
    for (GeneratedSource source : generated) {
      sources.add(source(source.path(), source.content()));
    }
    return sources;
  }

  /** Starts the project's {@code HookcApplication} on a free port of 127.0.0.1. */
  static Application start(ClassLoader classes, String packageName) throws Exception {
    Class<?> application = classes.loadClass(packageName + ".HookcApplication");
    Application.Builder builder =
        (Application.Builder) application.getMethod("builder").invoke(null);
    return builder.host("127.0.0.1").port(0).build().start();
  }

  private static JavaFileObject source(String path, String content) {
    return new SimpleJavaFileObject(URI.create("mem:///" + path), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return content;
      }
    };
  }

  private static ClassLoader javac(List<JavaFileObject> sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> problems = new DiagnosticCollector<>();
    StandardJavaFileManager standard = javac.getStandardFileManager(problems, null, null);
    Map<String, ByteArrayOutputStream> classes = new HashMap<>();
    ForwardingJavaFileManager<StandardJavaFileManager> manager =
        new ForwardingJavaFileManager<>(standard) {
          @Override
          public JavaFileObject getJavaFileForOutput(
              Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + className), kind) {
              @Override
              public OutputStream openOutputStream() {
                return classes.computeIfAbsent(className, n -> new ByteArrayOutputStream());
              }
            };
          }
        };
    List<String> options =
        List.of(
            "-classpath", classpath(), "-proc:none", "--release", "17", "-Xlint:all", "-Werror");
    boolean ok =
        javac.getTask(new StringWriter(), manager, problems, options, null, sources).call();
    if (!ok) {
      throw new AssertionError(
          "generated code does not compile:\n"
              + problems.getDiagnostics().stream()
                  .limit(20)
                  .map(Object::toString)
                  .collect(Collectors.joining("\n")));
    }
    return new ClassLoader(ProjectBuild.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        ByteArrayOutputStream bytes = classes.get(name);
        if (bytes == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] code = bytes.toByteArray();
        return defineClass(name, code, 0, code.length);
      }
    };
  }

  private static String classpath() {
    return Stream.of(JsonNode.class, TreeNode.class, JsonProperty.class, HookcServer.class)
        .map(ProjectBuild::locationOf)
        .distinct()
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static String locationOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

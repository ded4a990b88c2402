package dev.hookc.compiler.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.JavaFile;
import dev.hookc.runtime.Violation;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
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

/** Compiles generated sources in memory, all in one javac call, and loads the classes. */
final class InMemoryCompiler {
  private InMemoryCompiler() {}

  /** Compiles {@code files}; fails with javac's messages when they do not compile. */
  static ClassLoader compile(List<JavaFile> files) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> problems = new DiagnosticCollector<>();
    StandardJavaFileManager standard = javac.getStandardFileManager(problems, null, null);
    Map<String, ByteArrayOutputStream> classes = new HashMap<>();
    List<JavaFileObject> sources = new ArrayList<>();
    for (JavaFile file : files) {
      sources.add(file.toJavaFileObject());
    }
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
    StringWriter output = new StringWriter();
    List<String> options =
        List.of("-classpath", classpath(), "-proc:none", "-g:none", "--release", "17");
    boolean ok = javac.getTask(output, manager, problems, options, null, sources).call();
    if (!ok) {
      throw new AssertionError(
          "generated code does not compile:\n"
              + problems.getDiagnostics().stream()
                  .limit(20)
                  .map(Object::toString)
                  .collect(Collectors.joining("\n")));
    }
    return new ClassLoader(InMemoryCompiler.class.getClassLoader()) {
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

  /** The jars and folders of Jackson and hookc-runtime, wherever the build put them. */
  private static String classpath() {
    return Stream.of(JsonNode.class, TreeNode.class, JsonProperty.class, Violation.class)
        .map(InMemoryCompiler::locationOf)
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

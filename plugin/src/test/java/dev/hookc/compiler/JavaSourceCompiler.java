package dev.hookc.compiler;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in memory, in one javac call, against the test class path, and loads the
 * classes. Warnings count as failures, since generated code must compile cleanly.
 */
public final class JavaSourceCompiler {
  private JavaSourceCompiler() {}

  /**
   * Compiles {@code sources} (a path like {@code a/b/C.java}, or a class name like {@code a.b.C},
   * mapped to its text) and returns a class loader for them.
   *
   * @throws AssertionError listing javac's errors and warnings when there are any
   */
  public static ClassLoader compile(Map<String, String> sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Map<String, ByteArrayOutputStream> classes = new HashMap<>();
    List<JavaFileObject> units = new ArrayList<>();
    sources.forEach(
        (path, text) ->
            units.add(
                new SimpleJavaFileObject(
                    URI.create("string:///" + sourcePath(path)), JavaFileObject.Kind.SOURCE) {
                  @Override
                  public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return text;
                  }
                }));
    StandardJavaFileManager standard =
        javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8);
    ForwardingJavaFileManager<StandardJavaFileManager> memory =
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
            "-classpath",
            System.getProperty("java.class.path"),
            "-proc:none",
            "--release",
            "17",
            "-Xlint:all,-processing,-serial");
    boolean ok = javac.getTask(null, memory, diagnostics, options, null, units).call();
    List<Diagnostic<? extends JavaFileObject>> problems =
        diagnostics.getDiagnostics().stream()
            .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
            .toList();
    if (!ok || !problems.isEmpty()) {
      throw new AssertionError(
          "generated code does not compile cleanly:\n"
              + problems.stream().map(Object::toString).collect(Collectors.joining("\n")));
    }
    return new ClassLoader(JavaSourceCompiler.class.getClassLoader()) {
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

  private static String sourcePath(String key) {
    return key.endsWith(".java") ? key : key.replace('.', '/') + ".java";
  }
}

package dev.hookc.compiler.expr;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.expr.Js;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
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
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles Java sources in memory, in one javac call, against the runtime and Jackson. */
final class SnippetCompiler {
  private SnippetCompiler() {}

  /** Compiles {@code sources} (class name to source) and loads them. */
  static ClassLoader compile(Map<String, String> sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> errors = new DiagnosticCollector<>();
    StandardJavaFileManager standard = javac.getStandardFileManager(errors, null, null);
    Map<String, ByteArrayOutputStream> classes = new HashMap<>();
    JavaFileManager memory =
        new ForwardingJavaFileManager<>(standard) {
          @Override
          public JavaFileObject getJavaFileForOutput(
              Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            return new SimpleJavaFileObject(uri(className), kind) {
              @Override
              public OutputStream openOutputStream() {
                return classes.computeIfAbsent(className, k -> new ByteArrayOutputStream());
              }
            };
          }
        };
    List<JavaFileObject> units = new ArrayList<>();
    sources.forEach(
        (name, text) ->
            units.add(
                new SimpleJavaFileObject(uri(name), JavaFileObject.Kind.SOURCE) {
                  @Override
                  public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return text;
                  }
                }));
    List<String> options = List.of("-classpath", classpath(), "-proc:none");
    boolean ok = javac.getTask(null, memory, errors, options, null, units).call();
    if (!ok) {
      throw new AssertionError(
          errors.getDiagnostics().stream().map(Object::toString).collect(Collectors.joining("\n"))
              + "\n"
              + String.join("\n", sources.values()));
    }
    return new ClassLoader(SnippetCompiler.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        ByteArrayOutputStream bytes = classes.get(name);
        if (bytes == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] b = bytes.toByteArray();
        return defineClass(name, b, 0, b.length);
      }
    };
  }

  private static URI uri(String className) {
    return URI.create("mem:///" + className.replace('.', '/') + ".java");
  }

  /** Surefire may hide the class path in a manifest jar, so it is rebuilt from known classes. */
  private static String classpath() {
    return Stream.of(Js.class, JsonNode.class, JsonParser.class, JsonAutoDetect.class)
        .map(SnippetCompiler::location)
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

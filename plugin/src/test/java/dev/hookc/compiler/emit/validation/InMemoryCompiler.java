package dev.hookc.compiler.emit.validation;

import com.palantir.javapoet.JavaFile;
import dev.hookc.compiler.JavaSourceCompiler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compiles generated JavaPoet files in memory, all in one javac call, and loads the classes. */
final class InMemoryCompiler {
  private InMemoryCompiler() {}

  static ClassLoader compile(List<JavaFile> files) {
    Map<String, String> sources = new LinkedHashMap<>();
    for (JavaFile file : files) {
      sources.put(
          file.packageName().replace('.', '/') + "/" + file.typeSpec().name() + ".java",
          file.toString());
    }
    return JavaSourceCompiler.compile(sources);
  }
}

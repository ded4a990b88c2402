package dev.hookc.compiler.emit;

import java.util.List;
import java.util.Objects;

/**
 * One generated Java source file.
 *
 * @param path its path below the output directory, with {@code /} separators
 * @param content its full text
 */
public record GeneratedSource(String path, String content) {

  public GeneratedSource {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
  }

  /** The source of a JavaPoet file, placed by its package, its lines fitted to the column limit. */
  public static GeneratedSource of(com.palantir.javapoet.JavaFile file) {
    String path =
        (file.packageName().isEmpty() ? "" : file.packageName().replace('.', '/') + "/")
            + file.typeSpec().name()
            + ".java";
    return new GeneratedSource(path, LineFitter.fit(file.toString()));
  }

  /**
   * The sources of {@code files}, in their order. Rendering dominates emitting and each file
   * renders on its own, so they are rendered on every core; the order, and so the output, does not
   * depend on which thread rendered what.
   */
  public static List<GeneratedSource> ofAll(List<com.palantir.javapoet.JavaFile> files) {
    return files.parallelStream().map(GeneratedSource::of).toList();
  }
}

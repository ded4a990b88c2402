package dev.hookc.compiler.pojo;

import com.palantir.javapoet.JavaFile;

/**
 * One generated payload or binder source.
 *
 * @param path its path below the output directory, with {@code /} separators
 * @param content its full text
 */
public record PojoFile(String path, String content) {

  /** The source of a JavaPoet file, placed by its package. */
  static PojoFile of(JavaFile file) {
    String path =
        (file.packageName().isEmpty() ? "" : file.packageName().replace('.', '/') + "/")
            + file.typeSpec().name()
            + ".java";
    return new PojoFile(path, file.toString());
  }
}

package dev.hookc.compiler.model;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What hookc read of a project's Java functions: every {@code .java} file below {@code
 * <package>/functions} in the Java source directory, and the records declared there.
 *
 * @param classes each file's class, by the file as diagnostics name it
 * @param records the records declared in those files, by qualified name
 */
public record JavaSources(Map<String, JavaFunctionClass> classes, Map<String, JavaRecord> records) {

  /** No Java sources at all. */
  public static final JavaSources NONE = new JavaSources(Map.of(), Map.of());

  public JavaSources {
    classes = Collections.unmodifiableMap(new TreeMap<>(classes));
    records = Collections.unmodifiableMap(new TreeMap<>(records));
  }

  /** The class of the file {@code file}, if that file exists. */
  public Optional<JavaFunctionClass> at(String file) {
    return Optional.ofNullable(classes.get(file));
  }
}

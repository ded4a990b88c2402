package dev.hookc.compiler.analysis;

import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.model.ConfigFiles;
import dev.hookc.compiler.model.Project;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The project-relative files of a loaded project's configuration and shared definitions, for
 * binding, which reads no YAML, to say what generated code depends on.
 */
public final class ProjectFiles {
  private ProjectFiles() {}

  /** The configuration files that were read. */
  public static Set<String> config(Project project) {
    ConfigFiles config = project.config();
    Set<String> files = new TreeSet<>();
    Stream.concat(
            Stream.concat(config.defaults().stream(), config.variables().stream()),
            config.environments().values().stream())
        .forEach(node -> files.add(node.location().file()));
    return files;
  }

  /** The files of the records that make up what Java function {@code function} returns. */
  public static Set<String> resultRecords(Project project, ResolvedFunction.JavaFunction function) {
    return new FunctionResults(project.javaSources()).files(function);
  }

  /** The files the shared definitions were read from. */
  public static Set<String> definitions(Project project) {
    Set<String> files = new TreeSet<>();
    project.definitions().values().forEach(node -> files.add(node.location().file()));
    return files;
  }
}

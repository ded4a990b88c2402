package dev.hookc.compiler.check;

import dev.hookc.compiler.model.Project;
import dev.hookc.compiler.model.Workflow;
import dev.hookc.compiler.naming.FunctionNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves function names the way the runtime will call them: first a built-in, then a YAML
 * workflow in {@code src/functions}, then a Java class the user wrote in {@code
 * <package>.functions}.
 */
public final class FunctionTable {
  /** The {@code com.gs.*} functions hookc implements. */
  public static final Set<String> BUILTINS =
      Set.of(
          "com.gs.return",
          "com.gs.transform",
          "com.gs.log",
          "com.gs.sequential",
          "com.gs.parallel",
          "com.gs.if",
          "com.gs.elif",
          "com.gs.else",
          "com.gs.switch",
          "com.gs.each_sequential",
          "com.gs.each_parallel");

  /** Godspeed's other built-ins: known, so a user is told they are unsupported, not unknown. */
  static final Set<String> GODSPEED_BUILTINS =
      Set.of(
          "com.gs.dynamic_fn",
          "com.gs.kafka",
          "com.gs.http",
          "com.gs.datastore",
          "com.gs.elasticgraph",
          "com.gs.aws");

  private final Project project;
  // By id: every task and event resolves its fn here, so a scan of the list made checking
  // quadratic in the number of workflows.
  private final Map<String, Workflow> workflows = new HashMap<>();
  private final Path projectDirectory;
  private final Path javaSourceDirectory;
  private final String packageName;

  public FunctionTable(
      Project project, Path projectDirectory, Path javaSourceDirectory, String packageName) {
    this.project = project;
    this.projectDirectory = projectDirectory.toAbsolutePath().normalize();
    this.javaSourceDirectory = javaSourceDirectory.toAbsolutePath().normalize();
    this.packageName = packageName;
    project.workflows().forEach(w -> workflows.putIfAbsent(w.id(), w));
  }

  /** What {@code name} resolves to, or empty when nothing answers to it. */
  public Optional<ResolvedFunction> resolve(String name) {
    if (BUILTINS.contains(name)) {
      return Optional.of(new ResolvedFunction.Builtin(name));
    }
    Workflow workflow = workflows.get(name);
    if (workflow != null) {
      return Optional.of(new ResolvedFunction.WorkflowFunction(workflow));
    }
    ResolvedFunction.JavaFunction java = javaFunction(name);
    return Files.isRegularFile(projectDirectory.resolve(java.sourcePath()))
        ? Optional.of(java)
        : Optional.empty();
  }

  /** Whether {@code name} is a Godspeed built-in that hookc does not implement yet. */
  public static boolean isUnsupportedBuiltin(String name) {
    return GODSPEED_BUILTINS.contains(name);
  }

  /** Where the Java function {@code name} must be written, whether or not it exists. */
  public ResolvedFunction.JavaFunction javaFunction(String name) {
    List<String> parts = new ArrayList<>(List.of(name.split("\\.")));
    String className = FunctionNames.upperCamel(parts.remove(parts.size() - 1));
    StringBuilder pkg = new StringBuilder(packageName).append(".functions");
    for (String part : parts) {
      pkg.append('.').append(FunctionNames.lowerCamel(part).toLowerCase(java.util.Locale.ROOT));
    }
    Path source =
        javaSourceDirectory.resolve(pkg.toString().replace('.', '/')).resolve(className + ".java");
    Path shown = source.startsWith(projectDirectory) ? projectDirectory.relativize(source) : source;
    return new ResolvedFunction.JavaFunction(
        name, pkg.toString(), className, shown.toString().replace('\\', '/'));
  }

  /** Every name that resolves, for did-you-mean hints. */
  public Set<String> knownNames() {
    Set<String> names = new TreeSet<>(BUILTINS);
    project.workflows().forEach(w -> names.add(w.id()));
    return names;
  }
}

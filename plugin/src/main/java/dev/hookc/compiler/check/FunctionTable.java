package dev.hookc.compiler.check;

import dev.hookc.compiler.model.Datasource;
import dev.hookc.compiler.model.JavaFunctionClass;
import dev.hookc.compiler.model.Project;
import dev.hookc.compiler.model.Workflow;
import dev.hookc.compiler.naming.FunctionNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

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

  /** A name that can be a Java function's: dotted identifiers, outside Godspeed's namespace. */
  private static final Pattern JAVA_NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

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

  /** The package of a project's Java functions: {@code <packageName>.functions}. */
  public static String functionsPackage(String packageName) {
    return packageName + ".functions";
  }

  /** The directory of the Java functions' package below {@code javaSourceDirectory}. */
  public static Path functionsDirectory(Path javaSourceDirectory, String packageName) {
    return javaSourceDirectory.resolve(functionsPackage(packageName).replace('.', '/'));
  }

  /** What {@code name} resolves to, or empty when nothing answers to it. */
  public Optional<ResolvedFunction> resolve(String name) {
    if (name.startsWith(DATASOURCE_PREFIX)) {
      Optional<ResolvedFunction> task = datasourceTask(name).map(ResolvedFunction.class::cast);
      return task.isPresent() ? task : kafkaPublish(name).map(ResolvedFunction.class::cast);
    }
    if (BUILTINS.contains(name)) {
      return Optional.of(new ResolvedFunction.Builtin(name));
    }
    Workflow workflow = workflows.get(name);
    if (workflow != null) {
      return Optional.of(new ResolvedFunction.WorkflowFunction(workflow));
    }
    ResolvedFunction.JavaFunction java = javaFunction(name);
    return java.exists() ? Optional.of(java) : Optional.empty();
  }

  /**
   * What a task's {@code fn: name} calls: what {@link #resolve} gives or, when nothing answers to a
   * name that can be a Java function's, that Java function, not written yet. Its call is compiled
   * all the same, so that its contract can be generated for the class to implement.
   */
  public Optional<ResolvedFunction> resolveCall(String name) {
    Optional<ResolvedFunction> resolved = resolve(name);
    if (resolved.isPresent()
        || !canBeJava(name)
        || name.startsWith(DATASOURCE_PREFIX)
        || project.unreadableWorkflows().contains(name)) {
      return resolved;
    }
    return Optional.of(javaFunction(name));
  }

  /** The prefix of every datasource task's {@code fn}. */
  public static final String DATASOURCE_PREFIX = "datasource.";

  /** A {@code <method>./<path>} an http datasource answers to. */
  private static final Pattern HTTP_OPERATION =
      Pattern.compile("(get|post|put|patch|delete)\\.(/.*)");

  /**
   * What {@code datasource.<name>.<operation>} names: a statement or the transaction of a jdbc
   * datasource, or a call of an http one; empty when the datasource or operation is unknown.
   */
  public Optional<ResolvedFunction.DatasourceTask> datasourceTask(String name) {
    String rest = name.substring(DATASOURCE_PREFIX.length());
    int dot = rest.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    Datasource datasource = project.datasources().get(rest.substring(0, dot));
    String operation = rest.substring(dot + 1);
    if (datasource instanceof Datasource.Jdbc jdbc
        && (operation.equals("transaction") || jdbc.statements().containsKey(operation))) {
      return Optional.of(
          new ResolvedFunction.DatasourceTask(
              name, datasource, operation, Optional.empty(), Optional.empty()));
    }
    java.util.regex.Matcher http = HTTP_OPERATION.matcher(operation);
    if (datasource instanceof Datasource.Http && http.matches()) {
      return Optional.of(
          new ResolvedFunction.DatasourceTask(
              name, datasource, operation, Optional.of(http.group(1)), Optional.of(http.group(2))));
    }
    return Optional.empty();
  }

  /** The operation of a Kafka source that tasks can name. */
  public static final String PUBLISH = "publish";

  /**
   * What {@code datasource.<name>.publish} names when {@code <name>} is no jdbc or http datasource:
   * a publish with the Kafka settings of that name; empty when there are none.
   */
  public Optional<ResolvedFunction.KafkaPublish> kafkaPublish(String name) {
    String rest = name.substring(DATASOURCE_PREFIX.length());
    int dot = rest.indexOf('.');
    if (dot < 0 || !rest.substring(dot + 1).equals(PUBLISH)) {
      return Optional.empty();
    }
    String source = rest.substring(0, dot);
    if (project.datasources().containsKey(source)) {
      return Optional.empty();
    }
    return Optional.ofNullable(project.publishSources().get(source))
        .map(s -> new ResolvedFunction.KafkaPublish(name, s));
  }

  /** The Kafka settings publish tasks can name, by name. */
  public Map<String, dev.hookc.compiler.model.KafkaSource> publishSources() {
    return project.publishSources();
  }

  /** The project's datasources, by name. */
  public Map<String, Datasource> datasources() {
    return project.datasources();
  }

  /** The operations tasks can name on {@code datasource}, for did-you-mean hints. */
  public static Set<String> operations(Datasource datasource) {
    Set<String> names = new TreeSet<>();
    if (datasource instanceof Datasource.Jdbc jdbc) {
      names.add("transaction");
      names.addAll(jdbc.statements().keySet());
    } else if (datasource instanceof Datasource.Http http) {
      names.addAll(http.operations().keySet());
    }
    return names;
  }

  /** Whether {@code name} can name a Java function: dotted identifiers, not {@code com.gs.*}. */
  public static boolean canBeJava(String name) {
    return JAVA_NAME.matcher(name).matches() && !name.startsWith("com.gs.");
  }

  /** Whether {@code name} is a Godspeed built-in that hookc does not implement yet. */
  public static boolean isUnsupportedBuiltin(String name) {
    return GODSPEED_BUILTINS.contains(name);
  }

  /** Where the Java function {@code name} must be written, and its class if it is. */
  public ResolvedFunction.JavaFunction javaFunction(String name) {
    List<String> parts = new ArrayList<>(List.of(name.split("\\.")));
    String className = FunctionNames.upperCamel(parts.remove(parts.size() - 1));
    StringBuilder pkg = new StringBuilder(functionsPackage(packageName));
    for (String part : parts) {
      pkg.append('.').append(FunctionNames.lowerCamel(part).toLowerCase(Locale.ROOT));
    }
    String shown =
        shown(javaSourceDirectory.resolve(pkg.toString().replace('.', '/')))
            + "/"
            + className
            + ".java";
    return new ResolvedFunction.JavaFunction(
        name, pkg.toString(), className, shown, project.javaSources().at(shown));
  }

  /** Every name that resolves, Java functions included, for did-you-mean hints. */
  public Set<String> knownNames() {
    Set<String> names = new TreeSet<>(BUILTINS);
    project.workflows().forEach(w -> names.add(w.id()));
    project
        .datasources()
        .values()
        .forEach(
            d -> operations(d).forEach(o -> names.add(DATASOURCE_PREFIX + d.name() + "." + o)));
    project
        .publishSources()
        .keySet()
        .forEach(k -> names.add(DATASOURCE_PREFIX + k + "." + PUBLISH));
    String prefix = shown(functionsDirectory(javaSourceDirectory, packageName)) + "/";
    for (JavaFunctionClass java : project.javaSources().classes().values()) {
      if (java.isFunction() && java.file().startsWith(prefix)) {
        List<String> parts =
            new ArrayList<>(List.of(java.file().substring(prefix.length()).split("/")));
        parts.set(parts.size() - 1, FunctionNames.lowerCamel(java.className()));
        names.add(String.join(".", parts));
      }
    }
    return names;
  }

  /** A path as diagnostics show it: relative to the project when inside it. */
  private String shown(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path shown =
        absolute.startsWith(projectDirectory) ? projectDirectory.relativize(absolute) : absolute;
    return shown.toString().replace('\\', '/');
  }
}

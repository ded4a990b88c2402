package dev.hookc.compiler.analysis;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.hookc.compiler.expr.Binding;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.expr.Scope;
import dev.hookc.compiler.naming.FunctionNames;
import dev.hookc.compiler.naming.Names;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The names an expression in one task can use: {@code inputs}, {@code config}, {@code outputs}, the
 * ids of the tasks that ran before it, and {@code task_value} inside a loop.
 */
final class TaskScope implements Scope {
  /** How a task's result reads in expressions: Godspeed's status fields. */
  public static final ExprType.PojoType TASK_RESULT = result(ExprType.DYNAMIC);

  /**
   * A task's result whose {@code data} (and {@code result}, the guide's spelling) has type {@code
   * data}: a JSON type, since the status holds its data as JSON.
   */
  static ExprType.PojoType result(ExprType data) {
    // Rows (a jdbc statement's) are read as a list: Status.rows() gives the array's items.
    String getter = data instanceof ExprType.ListType ? "rows" : "data";
    return new ExprType.PojoType(
        Names.STATUS,
        properties(
            new ExprType.PojoType.Property("success", ExprType.BOOLEAN, "success", true),
            new ExprType.PojoType.Property("code", ExprType.INTEGER, "codeNumber", true),
            new ExprType.PojoType.Property("message", ExprType.STRING, "message"),
            new ExprType.PojoType.Property("data", data, getter, true),
            new ExprType.PojoType.Property("result", data, getter, true),
            new ExprType.PojoType.Property("headers", ExprType.DYNAMIC, "headersNode", true)),
        ExprType.Openness.CLOSED);
  }

  private final ExprType inputs;
  private final Function<String, Optional<Scope.Unpassed>> unpassed;
  private final Map<String, ExprType.PojoType> results;
  private final ExprType config;
  private final Optional<ExprType> taskValue;
  private final ClassName outputsClass;
  private final List<String> earlierTasks;
  private final Set<String> allTasks;
  private final Set<String> laterTasks;

  TaskScope(
      ExprType inputs,
      ExprType config,
      Optional<ExprType> taskValue,
      ClassName outputsClass,
      List<String> earlierTasks,
      Set<String> allTasks,
      Set<String> laterTasks,
      Map<String, ExprType.PojoType> results,
      Function<String, Optional<Scope.Unpassed>> unpassed) {
    this.unpassed = unpassed;
    this.inputs = inputs;
    this.results = Map.copyOf(results);
    this.config = config;
    this.taskValue = taskValue;
    this.outputsClass = outputsClass;
    this.earlierTasks = List.copyOf(earlierTasks);
    this.allTasks = Set.copyOf(allTasks);
    this.laterTasks = Set.copyOf(laterTasks);
  }

  @Override
  public Optional<Binding> root(String name) {
    switch (name) {
      case "inputs":
        return Optional.of(new Binding(inputs, CodeBlock.of("inputs")));
      case "config":
        return Optional.of(new Binding(config, CodeBlock.of("config")));
      case "task_value":
        return taskValue.map(type -> new Binding(type, CodeBlock.of("taskValue")));
      case "outputs":
        Map<String, ExprType.PojoType.Property> outputs = new LinkedHashMap<>();
        for (String task : earlierTasks) {
          outputs.put(
              task,
              new ExprType.PojoType.Property(
                  task, resultOf(task), FunctionNames.lowerCamel(task), true));
        }
        return Optional.of(
            new Binding(
                new ExprType.PojoType(outputsClass, outputs, ExprType.Openness.CLOSED),
                CodeBlock.of("outputs")));
      default:
        if (earlierTasks.contains(name)) {
          return Optional.of(
              new Binding(
                  resultOf(name), CodeBlock.of("outputs.$L()", FunctionNames.lowerCamel(name))));
        }
        return Optional.empty();
    }
  }

  private ExprType.PojoType resultOf(String task) {
    return results.getOrDefault(task, TASK_RESULT);
  }

  @Override
  public Set<String> rootNames() {
    Set<String> names = new TreeSet<>(List.of("inputs", "config", "outputs"));
    names.addAll(earlierTasks);
    if (taskValue.isPresent()) {
      names.add("task_value");
    }
    return names;
  }

  @Override
  public Optional<String> whyTaskUnavailable(String name) {
    if (laterTasks.contains(name)) {
      return Optional.of("it runs after this task");
    }
    if (allTasks.contains(name) && !earlierTasks.contains(name)) {
      return Optional.of("it runs in another branch, which may not have run before this task");
    }
    return Optional.empty();
  }

  @Override
  public Optional<Unpassed> unpassedInput(ExprType.PojoType type, String name) {
    return type.equals(inputs) ? unpassed.apply(name) : Optional.empty();
  }

  private static Map<String, ExprType.PojoType.Property> properties(
      ExprType.PojoType.Property... properties) {
    Map<String, ExprType.PojoType.Property> map = new LinkedHashMap<>();
    for (ExprType.PojoType.Property property : properties) {
      map.put(property.name(), property);
    }
    return map;
  }
}

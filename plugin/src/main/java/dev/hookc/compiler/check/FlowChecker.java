package dev.hookc.compiler.check;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.model.Project;
import dev.hookc.compiler.model.Task;
import dev.hookc.compiler.model.Workflow;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the built-in tasks' shapes: if/elif/else chains, switch cases, loop values, {@code
 * com.gs.log} arguments, keys a function does not use, and tasks after a return that never run.
 */
public final class FlowChecker {
  static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error", "fatal");
  private static final Set<String> CONTROL_FLOW =
      Set.of(
          "com.gs.sequential",
          "com.gs.parallel",
          "com.gs.if",
          "com.gs.elif",
          "com.gs.else",
          "com.gs.switch",
          "com.gs.each_sequential",
          "com.gs.each_parallel");
  private static final Set<String> NEEDS_TASKS =
      Set.of(
          "com.gs.sequential",
          "com.gs.parallel",
          "com.gs.if",
          "com.gs.elif",
          "com.gs.else",
          "com.gs.each_sequential",
          "com.gs.each_parallel");

  private final Diagnostics diagnostics;

  public FlowChecker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Checks every workflow, reporting all problems. */
  public void check(Project project) {
    for (Workflow workflow : project.workflows()) {
      sequence(workflow.tasks());
      workflow.onError().ifPresent(o -> sequence(o.tasks()));
    }
  }

  /** Checks tasks written in place of a workflow, as a validation-error hook's. */
  void checkTasks(List<Task> tasks) {
    sequence(tasks);
  }

  private void sequence(List<Task> tasks) {
    String previous = "";
    boolean unreachableReported = false;
    for (int i = 0; i < tasks.size(); i++) {
      Task task = tasks.get(i);
      String fn = task.fnName();
      if ((fn.equals("com.gs.elif") || fn.equals("com.gs.else"))
          && !(previous.equals("com.gs.if") || previous.equals("com.gs.elif"))) {
        diagnostics.report(
            FlowCode.ELSE_WITHOUT_IF,
            fnLocation(task),
            "'" + fn + "' must directly follow a com.gs.if or com.gs.elif task",
            "start the chain with com.gs.if");
      }
      if (i > 0 && isReturn(tasks.get(i - 1)) && !unreachableReported) {
        diagnostics.report(
            FlowCode.UNREACHABLE_TASK,
            task.location(),
            "task '" + task.id() + "' never runs: task '" + tasks.get(i - 1).id() + "' returns",
            "remove it, or move the return after it");
        unreachableReported = true;
      }
      task(task);
      sequence(task.tasks());
      task.cases().values().forEach(this::sequence);
      sequence(task.defaults());
      task.onError().ifPresent(o -> sequence(o.tasks()));
      previous = fn;
    }
  }

  private void task(Task task) {
    String fn = task.fnName();
    boolean conditional = fn.equals("com.gs.if") || fn.equals("com.gs.elif");
    boolean switches = fn.equals("com.gs.switch");
    boolean loops = fn.equals("com.gs.each_sequential") || fn.equals("com.gs.each_parallel");
    if (conditional && task.condition().isEmpty()) {
      diagnostics.report(
          FlowCode.IF_WITHOUT_CONDITION,
          fnLocation(task),
          "'" + fn + "' has no 'condition'",
          "add e.g. condition: <% inputs.body.amount > 100 %>");
    }
    if (switches && task.node().get("cases").isEmpty()) {
      diagnostics.report(
          FlowCode.SWITCH_WITHOUT_CASES,
          fnLocation(task),
          "com.gs.switch has no 'cases'",
          "add cases: {VALUE: task or [tasks]}");
    }
    if ((switches || loops) && task.value().isEmpty()) {
      diagnostics.report(
          FlowCode.LOOP_WITHOUT_VALUE,
          fnLocation(task),
          "'" + fn + "' has no 'value'",
          loops ? "add value: <% inputs.body.items %>" : "add value: <% inputs.body.type %>");
    }
    misplaced(task, "condition", conditional);
    misplaced(task, "value", switches || loops);
    misplaced(task, "cases", switches);
    misplaced(task, "defaults", switches);
    boolean transaction = fn.startsWith("datasource.") && fn.endsWith(".transaction");
    misplaced(task, "args", !CONTROL_FLOW.contains(fn) && !transaction);
    if (transaction && task.node().get("tasks").isEmpty()) {
      diagnostics.report(
          FlowCode.BUILTIN_KEY_MISPLACED,
          fnLocation(task),
          "'" + fn + "' has no 'tasks' to run in its transaction",
          "add the statements it runs under 'tasks:'");
    }
    if (NEEDS_TASKS.contains(fn) && task.node().get("tasks").isEmpty()) {
      diagnostics.report(
          FlowCode.BUILTIN_KEY_MISPLACED,
          fnLocation(task),
          "'" + fn + "' has no 'tasks' to run",
          "add the tasks it runs under 'tasks:'");
    }
    if (!fn.isEmpty() && !CONTROL_FLOW.contains(fn) && !transaction) {
      misplaced(task, "tasks", false);
    }
    if (fn.equals("com.gs.log")) {
      logArgs(task);
    }
  }

  private void misplaced(Task task, String key, boolean allowed) {
    if (allowed) {
      return;
    }
    task.node()
        .entry(key)
        .ifPresent(
            entry ->
                diagnostics.report(
                    FlowCode.BUILTIN_KEY_MISPLACED,
                    entry.key().location(),
                    "'"
                        + key
                        + "' has no meaning for "
                        + (task.fn().isEmpty() ? "a task without 'fn'" : "'" + task.fnName() + "'"),
                    hint(key)));
  }

  private static String hint(String key) {
    switch (key) {
      case "condition":
        return "only com.gs.if and com.gs.elif take a condition";
      case "value":
        return "only com.gs.switch and the com.gs.each_* loops take a value";
      case "args":
        return "control-flow built-ins take 'tasks', not 'args'";
      case "tasks":
        return "only control-flow built-ins run child tasks";
      default:
        return "only com.gs.switch takes 'cases' and 'defaults'";
    }
  }

  private void logArgs(Task task) {
    Optional<YamlNode> args = task.args();
    if (args.isEmpty() || !(args.get() instanceof YamlMapping mapping)) {
      diagnostics.report(
          FlowCode.BUILTIN_BAD_ARGS,
          args.map(YamlNode::location).orElse(fnLocation(task)),
          "com.gs.log needs 'args' with 'level' and 'data'",
          "write args: {level: info, data: <% ... %>}");
      return;
    }
    if (mapping.get("data").isEmpty()) {
      diagnostics.report(
          FlowCode.BUILTIN_BAD_ARGS,
          mapping.location(),
          "com.gs.log has no 'data' to log",
          "add data: <% ... %>");
    }
    for (YamlMapping.Entry entry : mapping.entries()) {
      String key = entry.key().value();
      if (!key.equals("level") && !key.equals("data")) {
        diagnostics.report(
            FlowCode.BUILTIN_BAD_ARGS,
            entry.key().location(),
            "com.gs.log takes 'level' and 'data', not '" + key + "'",
            Suggestions.keyHint(key, Set.of("level", "data")));
      }
    }
    mapping
        .get("level")
        .ifPresent(
            level -> {
              String value = level instanceof YamlScalar scalar ? scalar.value() : "";
              if (!LOG_LEVELS.contains(value)) {
                diagnostics.report(
                    FlowCode.BUILTIN_BAD_ARGS,
                    level.location(),
                    "unknown log level '" + value + "'",
                    Suggestions.didYouMean(value, LOG_LEVELS)
                        .orElse(
                            "use one of "
                                + String.join(", ", new java.util.TreeSet<>(LOG_LEVELS))));
              }
            });
  }

  /** Whether a task ends its workflow whenever it runs. */
  static boolean isReturn(Task task) {
    return task.fnName().equals("com.gs.return")
        || (task.fn().isEmpty() && task.tasks().isEmpty() && task.args().isPresent());
  }

  private static Location fnLocation(Task task) {
    return task.fn().map(fn -> fn.node().location()).orElse(task.location());
  }
}

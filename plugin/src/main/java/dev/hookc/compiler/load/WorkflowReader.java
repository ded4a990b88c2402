package dev.hookc.compiler.load;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.model.FnRef;
import dev.hookc.compiler.model.OnError;
import dev.hookc.compiler.model.Task;
import dev.hookc.compiler.model.TaskRetry;
import dev.hookc.compiler.model.Workflow;
import dev.hookc.compiler.yaml.ScalarType;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import dev.hookc.compiler.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads one workflow file, checking its keys, its tasks' keys and the uniqueness of task ids. */
final class WorkflowReader {
  static final Set<String> WORKFLOW_KEYS =
      Set.of("id", "summary", "description", "tasks", "on_error");
  static final Set<String> WORKFLOW_UNSUPPORTED_KEYS = Set.of();
  static final Set<String> TASK_KEYS =
      Set.of(
          "id",
          "fn",
          "args",
          "summary",
          "description",
          "tasks",
          "condition",
          "value",
          "cases",
          "defaults",
          "on_error",
          "retry");
  static final Set<String> TASK_UNSUPPORTED_KEYS =
      Set.of("caching", "log", "metrics", "trace", "authz", "isEachParallel");

  private final Diagnostics diagnostics;
  private final Nodes nodes;
  private final TaskBehaviourReader behaviours;

  WorkflowReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.nodes = new Nodes(diagnostics);
    this.behaviours = new TaskBehaviourReader(diagnostics);
  }

  Optional<Workflow> read(String id, String file, YamlMapping root) {
    nodes.checkKeys(
        root,
        WORKFLOW_KEYS,
        WORKFLOW_UNSUPPORTED_KEYS,
        LoadCode.WORKFLOW_UNKNOWN_KEY,
        LoadCode.TASK_UNSUPPORTED_KEY,
        "workflow");
    root.get("id")
        .flatMap(n -> nodes.scalar(n, LoadCode.TASK_NOT_MAPPING, "'id'"))
        .filter(declared -> !declared.value().equals(id))
        .ifPresent(
            declared ->
                diagnostics.report(
                    LoadCode.WORKFLOW_ID_MISMATCH,
                    declared.location(),
                    "workflow id '"
                        + declared.value()
                        + "' differs from '"
                        + id
                        + "' given by its file",
                    "write 'id: " + id + "' or remove the id"));
    Map<String, Location> ids = new HashMap<>();
    List<Task> tasks = tasks(root, "workflow '" + id + "'", ids);
    Optional<OnError> onError =
        root.get("on_error").flatMap(n -> behaviours.onError(n, list -> taskList(list, ids)));
    return Optional.of(
        new Workflow(
            id,
            file,
            nodes.string(root, "summary", LoadCode.TASK_NOT_MAPPING),
            tasks,
            onError,
            root));
  }

  /**
   * Tasks written in place of a workflow (a validation-error hook), read and checked exactly like a
   * workflow's {@code tasks}.
   */
  List<Task> inlineTasks(YamlSequence list, String ownerName) {
    if (list.items().isEmpty()) {
      diagnostics.report(
          LoadCode.WORKFLOW_NO_TASKS, list.location(), ownerName + " has an empty list of tasks");
    }
    return taskList(list.items(), new HashMap<>());
  }

  private List<Task> tasks(YamlMapping owner, String ownerName, Map<String, Location> ids) {
    Optional<YamlNode> node = owner.get("tasks");
    if (node.isEmpty()) {
      diagnostics.report(
          LoadCode.WORKFLOW_NO_TASKS, owner.location(), ownerName + " has no 'tasks'");
      return List.of();
    }
    Optional<YamlSequence> list = nodes.sequence(node.get(), LoadCode.TASK_NOT_MAPPING, "'tasks'");
    if (list.isPresent() && list.get().items().isEmpty()) {
      diagnostics.report(
          LoadCode.WORKFLOW_NO_TASKS,
          node.get().location(),
          ownerName + " has an empty 'tasks' list");
    }
    return list.map(l -> taskList(l.items(), ids)).orElse(List.of());
  }

  private List<Task> taskList(List<YamlNode> items, Map<String, Location> ids) {
    List<Task> tasks = new ArrayList<>();
    for (YamlNode item : items) {
      nodes
          .mapping(item, LoadCode.TASK_NOT_MAPPING, "a task")
          .flatMap(m -> task(m, ids))
          .ifPresent(tasks::add);
    }
    return tasks;
  }

  private Optional<Task> task(YamlMapping node, Map<String, Location> ids) {
    nodes.checkKeys(
        node,
        TASK_KEYS,
        TASK_UNSUPPORTED_KEYS,
        LoadCode.TASK_UNKNOWN_KEY,
        LoadCode.TASK_UNSUPPORTED_KEY,
        "task");
    Optional<YamlScalar> idNode =
        node.get("id").flatMap(n -> nodes.scalar(n, LoadCode.TASK_NOT_MAPPING, "'id'"));
    if (idNode.isEmpty() || idNode.get().value().isBlank()) {
      diagnostics.report(
          LoadCode.TASK_MISSING_ID,
          node.location(),
          "task has no 'id'",
          "give every task an id; later tasks refer to its result by it");
      return Optional.empty();
    }
    String id = idNode.get().value();
    Location first = ids.putIfAbsent(id, idNode.get().location());
    if (first != null) {
      diagnostics.report(
          LoadCode.TASK_DUPLICATE_ID,
          idNode.get().location(),
          "duplicate task id '" + id + "'",
          "first used at line " + first.line() + ", column " + first.column());
    }
    Optional<FnRef> fn =
        node.get("fn")
            .flatMap(n -> nodes.scalar(n, LoadCode.TASK_NOT_MAPPING, "'fn'"))
            .filter(s -> s.type() == ScalarType.STRING)
            .map(s -> new FnRef(s.value(), s));
    List<Task> children =
        node.get("tasks").isPresent() ? tasks(node, "task '" + id + "'", ids) : List.of();
    Optional<YamlNode> args = node.get("args");
    Map<String, List<Task>> cases = new LinkedHashMap<>();
    node.get("cases")
        .flatMap(n -> nodes.mapping(n, LoadCode.SWITCH_CASES_MALFORMED, "'cases'"))
        .ifPresent(
            m -> m.entries().forEach(e -> cases.put(e.key().value(), oneOrMore(e.value(), ids))));
    List<Task> defaults = node.get("defaults").map(n -> oneOrMore(n, ids)).orElse(List.of());
    Optional<OnError> onError =
        node.get("on_error").flatMap(n -> behaviours.onError(n, list -> taskList(list, ids)));
    Optional<TaskRetry> retry = node.get("retry").flatMap(behaviours::retry);
    if (fn.isEmpty() && args.isEmpty() && node.get("tasks").isEmpty()) {
      diagnostics.report(
          LoadCode.TASK_NOTHING_TO_DO,
          idNode.get().location(),
          "task '" + id + "' has neither 'fn', 'args' nor 'tasks'",
          "add 'fn' to call a function, or 'args' to return a value");
    }
    return Optional.of(
        new Task(
            id,
            fn,
            args,
            children,
            node.get("condition"),
            node.get("value"),
            cases,
            defaults,
            onError,
            retry,
            node));
  }

  /** A switch case or {@code defaults}: one task, or a list of tasks run in order. */
  private List<Task> oneOrMore(YamlNode node, Map<String, Location> ids) {
    if (node instanceof YamlSequence sequence) {
      return taskList(sequence.items(), ids);
    }
    return nodes
        .mapping(node, LoadCode.SWITCH_CASES_MALFORMED, "a switch case")
        .flatMap(m -> task(m, ids))
        .map(List::of)
        .orElse(List.of());
  }
}

package dev.hookc.compiler.check;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.load.LoadCode;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.FnRef;
import dev.hookc.compiler.model.Project;
import dev.hookc.compiler.model.Task;
import dev.hookc.compiler.model.TopicSubscription;
import dev.hookc.compiler.model.ValidationHook;
import dev.hookc.compiler.model.Workflow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks what only the whole project can tell: that every {@code fn} resolves, that no two events
 * share a route, and that workflows do not call each other in a cycle.
 */
public final class ProjectChecker {
  private final Diagnostics diagnostics;
  private final FunctionTable functions;
  private final DatasourceFnChecker datasources;
  private java.util.Set<String> unreadable = java.util.Set.of();

  public ProjectChecker(Diagnostics diagnostics, FunctionTable functions) {
    this.diagnostics = diagnostics;
    this.functions = functions;
    this.datasources = new DatasourceFnChecker(diagnostics, functions);
  }

  /** Runs every check, reporting all problems. */
  public void check(Project project) {
    check(project, Map.of());
  }

  /**
   * Runs every check, reporting all problems.
   *
   * @param defaultHooks the validation-error hooks {@code http.yaml} sets for every event
   */
  public void check(Project project, Map<ValidationHook.Kind, ValidationHook> defaultHooks) {
    this.unreadable = project.unreadableWorkflows();
    new HookChecker(diagnostics, this::checkEventFn, this::checkTaskFn)
        .check(project, defaultHooks);
    checkRoutes(project.events());
    for (Event event : project.events()) {
      event.fn().ifPresent(this::checkEventFn);
    }
    for (Workflow workflow : project.workflows()) {
      forEachTask(workflow.outerTasks(), task -> task.fn().ifPresent(this::checkTaskFn));
    }
    new CycleFinder(diagnostics, functions).check(project.workflows());
  }

  private void checkRoutes(List<Event> events) {
    Map<String, Event> seen = new HashMap<>();
    for (Event event : events) {
      if (event.subscription().isPresent()) {
        TopicSubscription topic = event.subscription().get();
        // One consumer per topic and group: a second would split the topic's partitions with the
        // first, each record then running only one of the two workflows.
        Event first =
            seen.putIfAbsent(
                "topic " + topic.source() + " " + topic.topic() + " " + topic.group(), event);
        if (first != null) {
          diagnostics.report(
              LoadCode.TOPIC_DUPLICATE,
              event.keyNode().location(),
              "topic "
                  + topic.topic()
                  + " of "
                  + topic.source()
                  + " is already read as group "
                  + topic.group()
                  + " at "
                  + first.keyNode().location(),
              "read it as another group to run both workflows on every record, or run both"
                  + " from one workflow");
        }
        continue;
      }
      String route = event.method() + " " + event.path().replaceAll("\\{[^}]*}", "{}");
      Event first = seen.putIfAbsent(route, event);
      if (first != null) {
        diagnostics.report(
            CheckCode.DUPLICATE_ROUTE,
            event.keyNode().location(),
            "route "
                + event.method()
                + " "
                + event.path()
                + " is already defined at "
                + first.keyNode().location(),
            "each method and path may be handled by one event only");
      }
    }
  }

  private void checkEventFn(FnRef fn) {
    if (FunctionTable.BUILTINS.contains(fn.name())
        || FunctionTable.isUnsupportedBuiltin(fn.name())
        || fn.name().startsWith(FunctionTable.DATASOURCE_PREFIX)) {
      diagnostics.report(
          CheckCode.EVENT_FN_BUILTIN,
          fn.node().location(),
          "'" + fn.name() + "' is a built-in task function, not a request handler",
          "point 'fn' at a workflow in src/functions that uses it");
      return;
    }
    java.util.Optional<ResolvedFunction> resolved = functions.resolve(fn.name());
    if (resolved.orElse(null) instanceof ResolvedFunction.JavaFunction) {
      diagnostics.report(
          CheckCode.EVENT_FN_JAVA,
          fn.node().location(),
          "'" + fn.name() + "' is a Java function; an event's 'fn' must name a workflow",
          "write a workflow in src/functions whose task calls '" + fn.name() + "'");
      return;
    }
    if (resolved.isEmpty() && !unreadable.contains(fn.name())) {
      diagnostics.report(
          CheckCode.EVENT_FN_UNRESOLVED,
          fn.node().location(),
          unresolvedMessage(fn.name()),
          hint(fn.name()));
    }
  }

  private void checkTaskFn(FnRef fn) {
    if (fn.name().startsWith(FunctionTable.DATASOURCE_PREFIX)) {
      datasources.check(fn);
      return;
    }
    if (FunctionTable.isUnsupportedBuiltin(fn.name())) {
      diagnostics.report(
          CheckCode.BUILTIN_UNSUPPORTED,
          fn.node().location(),
          "built-in '" + fn.name() + "' is not supported by hookc yet",
          "supported built-ins: "
              + String.join(", ", new java.util.TreeSet<>(FunctionTable.BUILTINS)));
      return;
    }
    if (functions.resolve(fn.name()).isEmpty() && !unreadable.contains(fn.name())) {
      diagnostics.report(
          CheckCode.TASK_FN_UNRESOLVED,
          fn.node().location(),
          unresolvedMessage(fn.name()),
          FunctionTable.canBeJava(fn.name()) ? skeletonHint(fn.name()) : hint(fn.name()));
    }
  }

  /**
   * A missing Java function's hint: the likely spelling, if any, then the class to paste, which
   * compiles against the contract generated for it all the same.
   */
  private String skeletonHint(String name) {
    ResolvedFunction.JavaFunction java = functions.javaFunction(name);
    String create =
        "create "
            + java.sourcePath()
            + " implementing the generated "
            + java.className()
            + "Function, for example:\n"
            + FunctionSkeleton.of(java);
    return Suggestions.didYouMean(name, functions.knownNames())
        .map(question -> question + " Otherwise, for a new Java function, " + create)
        .orElse("for a new Java function, " + create);
  }

  private String unresolvedMessage(String name) {
    ResolvedFunction.JavaFunction java = functions.javaFunction(name);
    return "unknown function '"
        + name
        + "': no built-in, no workflow '"
        + name
        + "' in src/functions, and no Java class "
        + java.packageName()
        + "."
        + java.className()
        + " at "
        + java.sourcePath();
  }

  private String hint(String name) {
    return Suggestions.didYouMean(name, functions.knownNames())
        .orElse(
            "write the workflow, or the Java class implementing "
                + functions.javaFunction(name).className()
                + "Function");
  }

  static void forEachTask(List<Task> tasks, java.util.function.Consumer<Task> action) {
    for (Task task : tasks) {
      action.accept(task);
      forEachTask(task.nested(), action);
    }
  }

  /** Finds workflows that call each other in a cycle and spells the cycle out. */
  private static final class CycleFinder {
    private final Diagnostics diagnostics;
    private final FunctionTable functions;
    private final Set<String> done = new java.util.HashSet<>();

    CycleFinder(Diagnostics diagnostics, FunctionTable functions) {
      this.diagnostics = diagnostics;
      this.functions = functions;
    }

    void check(List<Workflow> workflows) {
      for (Workflow workflow : workflows) {
        visit(workflow, new LinkedHashSet<>());
      }
    }

    private void visit(Workflow workflow, Set<String> path) {
      if (done.contains(workflow.id())) {
        return;
      }
      path.add(workflow.id());
      List<Task> all = new ArrayList<>();
      forEachTask(workflow.outerTasks(), all::add);
      for (Task task : all) {
        if (task.fn().isEmpty()) {
          continue;
        }
        FnRef fn = task.fn().get();
        Optional<ResolvedFunction> target = functions.resolve(fn.name());
        if (target.orElse(null) instanceof ResolvedFunction.WorkflowFunction called) {
          String calledId = called.workflow().id();
          if (path.contains(calledId)) {
            List<String> cycle = new ArrayList<>();
            boolean in = false;
            for (String id : path) {
              in |= id.equals(calledId);
              if (in) {
                cycle.add(id);
              }
            }
            cycle.add(calledId);
            diagnostics.report(
                CheckCode.WORKFLOW_CYCLE,
                fn.node().location(),
                "workflows call each other in a cycle: " + String.join(" → ", cycle));
          } else {
            visit(called.workflow(), path);
          }
        }
      }
      path.remove(workflow.id());
      done.add(workflow.id());
    }
  }
}

package dev.hookc.compiler.analysis;

import dev.hookc.compiler.check.FunctionTable;
import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.model.Task;
import dev.hookc.compiler.model.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which workflows call which, and an order to compile them in where every caller comes before the
 * workflows it calls: a called workflow's inputs are typed from its callers' compiled {@code args}.
 */
final class WorkflowCalls {
  private WorkflowCalls() {}

  /**
   * {@code all} with each workflow after every workflow that calls it, otherwise in the given
   * order; workflows that call each other in a cycle (an error reported elsewhere) keep the given
   * order.
   */
  static List<Workflow> order(List<Workflow> all, FunctionTable functions) {
    Map<String, Set<String>> callers = callers(all, functions);
    Set<Workflow> ordered = new LinkedHashSet<>();
    Set<String> done = new java.util.HashSet<>();
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Workflow workflow : all) {
        if (!ordered.contains(workflow)
            && done.containsAll(callers.getOrDefault(workflow.id(), Set.of()))) {
          ordered.add(workflow);
          done.add(workflow.id());
          progress = true;
        }
      }
    }
    ordered.addAll(all);
    return new ArrayList<>(ordered);
  }

  /** By workflow id, the ids of the workflows among {@code all} with a task that calls it. */
  static Map<String, Set<String>> callers(List<Workflow> all, FunctionTable functions) {
    Map<String, Set<String>> callers = new LinkedHashMap<>();
    for (Workflow workflow : all) {
      Set<String> called = new LinkedHashSet<>();
      calls(workflow.outerTasks(), functions, called);
      called.forEach(
          id -> callers.computeIfAbsent(id, c -> new LinkedHashSet<>()).add(workflow.id()));
    }
    return callers;
  }

  private static void calls(List<Task> tasks, FunctionTable functions, Set<String> called) {
    for (Task task : tasks) {
      task.fn()
          .flatMap(fn -> functions.resolveCall(fn.name()))
          .filter(ResolvedFunction.WorkflowFunction.class::isInstance)
          .ifPresent(f -> called.add(((ResolvedFunction.WorkflowFunction) f).workflow().id()));
      calls(task.nested(), functions, called);
    }
  }

  /** The tasks of {@code compiled} that call a workflow, nested ones included, in YAML order. */
  static void collect(
      Workflow caller, CompiledWorkflow compiled, Map<String, List<CalledInputs.Call>> calls) {
    List<CompiledTask> all = new ArrayList<>(compiled.tasks());
    compiled.onError().ifPresent(o -> all.addAll(o.tasks()));
    collect(caller, all, calls);
  }

  private static void collect(
      Workflow caller, List<CompiledTask> tasks, Map<String, List<CalledInputs.Call>> calls) {
    for (CompiledTask task : tasks) {
      if (task.function().orElse(null) instanceof ResolvedFunction.WorkflowFunction called) {
        calls
            .computeIfAbsent(called.workflow().id(), id -> new ArrayList<>())
            .add(new CalledInputs.Call(caller, task));
      }
      collect(caller, task.nested(), calls);
    }
  }
}

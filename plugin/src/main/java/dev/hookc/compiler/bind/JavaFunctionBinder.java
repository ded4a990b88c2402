package dev.hookc.compiler.bind;

import dev.hookc.compiler.analysis.CompiledTask;
import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.expr.CompiledValue;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.model.Datasource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Works out each Java function's contract from the compiled tasks that call it. */
final class JavaFunctionBinder {
  private JavaFunctionBinder() {}

  /** The contract of every Java function some task of {@code workflows} calls, by name. */
  static Map<String, BoundJavaFunction> bind(
      List<BoundWorkflow> workflows, List<Datasource> datasources, String packageName) {
    Map<String, Calls> calls = new TreeMap<>();
    for (BoundWorkflow workflow : workflows) {
      String id = workflow.workflow().id();
      collect(id, workflow.compiled().tasks(), calls);
      workflow.compiled().onError().ifPresent(o -> collect(id, o.tasks(), calls));
    }
    Map<String, BoundJavaFunction> bound = new TreeMap<>();
    calls.forEach(
        (name, c) ->
            bound.put(
                name,
                new BoundJavaFunction(
                    c.function, c.components, c.callers, datasources, packageName)));
    return Collections.unmodifiableMap(bound);
  }

  private static void collect(String workflow, List<CompiledTask> tasks, Map<String, Calls> calls) {
    for (CompiledTask task : tasks) {
      if (task.function().orElse(null) instanceof ResolvedFunction.JavaFunction java) {
        calls
            .computeIfAbsent(java.name(), n -> new Calls(java))
            .add(workflow + "." + task.task().id(), task.namedArgs());
      }
      collect(workflow, task.nested(), calls);
    }
  }

  /** The calls of one function found so far. */
  private static final class Calls {
    final ResolvedFunction.JavaFunction function;
    final Map<String, ExprType> components = new LinkedHashMap<>();
    final List<String> callers = new ArrayList<>();

    Calls(ResolvedFunction.JavaFunction function) {
      this.function = function;
    }

    /** Adds one call's arguments; a key passed with different types becomes dynamic. */
    void add(String caller, Map<String, CompiledValue> args) {
      callers.add(caller);
      args.forEach(
          (key, value) ->
              components.merge(
                  key,
                  value.type(),
                  (a, b) -> a.equals(b) || b instanceof ExprType.NullType ? a : ExprType.DYNAMIC));
    }
  }
}

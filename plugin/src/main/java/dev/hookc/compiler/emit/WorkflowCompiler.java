package dev.hookc.compiler.emit;

import com.palantir.javapoet.ClassName;
import dev.hookc.compiler.check.FunctionTable;
import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.expr.CompiledValue;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.expr.ExpressionCompiler;
import dev.hookc.compiler.model.Task;
import dev.hookc.compiler.model.Workflow;
import dev.hookc.compiler.yaml.YamlMapping;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles the expressions of a workflow's tasks in the order they run, each against the scope of
 * the tasks before it.
 */
final class WorkflowCompiler {
  private final FunctionTable functions;
  private final ExpressionCompiler expressions;

  WorkflowCompiler(FunctionTable functions, ExpressionCompiler expressions) {
    this.functions = functions;
    this.expressions = expressions;
  }

  List<CompiledTask> compile(Workflow workflow, ExprType inputs, ClassName outputsClass) {
    Set<String> all = new HashSet<>();
    collectIds(workflow.tasks(), all);
    List<String> earlier = new ArrayList<>();
    return compileAll(workflow.tasks(), inputs, outputsClass, earlier, all);
  }

  private List<CompiledTask> compileAll(
      List<Task> tasks,
      ExprType inputs,
      ClassName outputsClass,
      List<String> earlier,
      Set<String> all) {
    List<CompiledTask> compiled = new ArrayList<>();
    for (Task task : tasks) {
      Set<String> later = new HashSet<>();
      collectIds(tasks.subList(tasks.indexOf(task), tasks.size()), later);
      TaskScope scope = new TaskScope(inputs, outputsClass, earlier, all, later);
      Optional<ResolvedFunction> function = task.fn().flatMap(fn -> functions.resolve(fn.name()));
      Optional<CompiledValue> args = Optional.empty();
      Map<String, CompiledValue> named = new LinkedHashMap<>();
      if (task.args().isPresent()) {
        if (task.args().get() instanceof YamlMapping mapping
            && function.orElse(null) instanceof ResolvedFunction.JavaFunction) {
          for (YamlMapping.Entry entry : mapping.entries()) {
            expressions
                .compile(entry.value(), scope)
                .ifPresent(v -> named.put(entry.key().value(), v));
          }
        } else {
          args = expressions.compile(task.args().get(), scope);
        }
      }
      List<CompiledTask> children = compileAll(task.tasks(), inputs, outputsClass, earlier, all);
      compiled.add(new CompiledTask(task, function, args, named, children));
      earlier.add(task.id());
    }
    return compiled;
  }

  private static void collectIds(List<Task> tasks, Set<String> ids) {
    for (Task task : tasks) {
      ids.add(task.id());
      collectIds(task.tasks(), ids);
    }
  }
}

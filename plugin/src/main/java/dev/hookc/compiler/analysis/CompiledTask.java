package dev.hookc.compiler.analysis;

import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.expr.CompiledValue;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.model.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A task whose expressions are compiled, ready to be emitted.
 *
 * @param kind what it does
 * @param function what its {@code fn} resolves to; empty for a return (which has only {@code args})
 *     or a group (which has only child tasks)
 * @param args its compiled {@code args} as a whole
 * @param namedArgs its compiled {@code args} key by key, when they are a mapping
 * @param condition the condition of an if or elif
 * @param value the value of a switch or loop
 * @param children its compiled child tasks
 * @param cases a switch's compiled cases, by key
 * @param defaults a switch's compiled defaults
 * @param onError the {@code on_error} that applies to it: its own, or the workflow's for a task
 *     that calls a function
 * @param taskValue the type of {@code task_value} where it runs (inside a loop), if any
 * @param logLevel the literal {@code level} of a log task; {@code info} when absent (checked
 *     elsewhere) and for other tasks
 */
public record CompiledTask(
    Task task,
    TaskKind kind,
    Optional<ResolvedFunction> function,
    Optional<CompiledValue> args,
    Map<String, CompiledValue> namedArgs,
    Optional<CompiledValue> condition,
    Optional<CompiledValue> value,
    List<CompiledTask> children,
    Map<String, List<CompiledTask>> cases,
    List<CompiledTask> defaults,
    Optional<CompiledOnError> onError,
    Optional<ExprType> taskValue,
    String logLevel) {

  public CompiledTask {
    namedArgs = Collections.unmodifiableMap(new LinkedHashMap<>(namedArgs));
    children = List.copyOf(children);
    Map<String, List<CompiledTask>> copy = new LinkedHashMap<>();
    cases.forEach((key, list) -> copy.put(key, List.copyOf(list)));
    cases = Collections.unmodifiableMap(copy);
    defaults = List.copyOf(defaults);
  }

  /**
   * The compiled {@code on_error} of a task or workflow.
   *
   * @param owner the task it belongs to; empty for the workflow's
   * @param continues whether the workflow goes on after the failure
   * @param response the compiled {@code response}
   * @param tasks the compiled {@code tasks}
   * @param location where it is written, for the Javadoc
   */
  public record CompiledOnError(
      Optional<String> owner,
      boolean continues,
      Optional<CompiledValue> response,
      List<CompiledTask> tasks,
      String location) {

    public CompiledOnError {
      tasks = List.copyOf(tasks);
    }
  }

  /** Every task nested directly in this one, its own on_error tasks included. */
  public List<CompiledTask> nested() {
    List<CompiledTask> all = new ArrayList<>(children);
    cases.values().forEach(all::addAll);
    all.addAll(defaults);
    onError.filter(o -> o.owner().isPresent()).ifPresent(o -> all.addAll(o.tasks()));
    return all;
  }
}

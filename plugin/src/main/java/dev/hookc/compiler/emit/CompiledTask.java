package dev.hookc.compiler.emit;

import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.expr.CompiledValue;
import dev.hookc.compiler.model.Task;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A task whose expressions are compiled, ready to be emitted.
 *
 * @param function what its {@code fn} resolves to; empty for a return ({@code args} only) or a
 *     group ({@code tasks} only)
 * @param args its compiled {@code args} as a whole
 * @param namedArgs its compiled {@code args} key by key, when they are a mapping
 * @param children its compiled child tasks
 */
record CompiledTask(
    Task task,
    Optional<ResolvedFunction> function,
    Optional<CompiledValue> args,
    Map<String, CompiledValue> namedArgs,
    List<CompiledTask> children) {

  CompiledTask {
    namedArgs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(namedArgs));
    children = List.copyOf(children);
  }
}

package dev.hookc.compiler.analysis;

import dev.hookc.compiler.expr.ExprType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the tasks that call a workflow pass as its inputs, beyond the parts a request has ({@code
 * body}, {@code params}, ...): in Godspeed a called workflow's {@code inputs} are the calling
 * task's {@code args}, so {@code args: {n: 5}} is read as {@code inputs.n}.
 *
 * @param callers the calling tasks, {@code workflow.task}, in the order the workflows are compiled
 * @param keys each passed key beyond the request's parts, by name, with the accessor that reads it
 *     and its type, in the order the callers first pass them
 */
public record PassedInputs(List<String> callers, Map<String, ExprType.PojoType.Property> keys) {

  public PassedInputs {
    callers = List.copyOf(callers);
    keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
  }
}

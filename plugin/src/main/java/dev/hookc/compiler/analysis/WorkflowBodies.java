package dev.hookc.compiler.analysis;

import dev.hookc.compiler.check.FunctionTable;
import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.Project;
import dev.hookc.compiler.model.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The type of each workflow's {@code inputs.body}. */
final class WorkflowBodies {
  private WorkflowBodies() {}

  /**
   * The body type each workflow's {@code inputs.body} has: the payload class when every event that
   * calls it sends the same one and no task calls it; otherwise (a scalar or list body included)
   * dynamic.
   */
  static Map<String, ExprType> of(
      Project project, FunctionTable functions, Map<Event, ExprType> bodyTypes) {
    Map<String, Optional<ExprType>> seen = sent(project, functions, bodyTypes);
    project
        .workflows()
        .forEach(
            w ->
                forEachCalledWorkflow(
                    w.outerTasks(), functions, id -> seen.put(id, Optional.empty())));
    return typed(project, seen);
  }

  /**
   * The body type that the events running each workflow send, whether or not tasks call it too: the
   * payload class when every such event sends the same one; otherwise dynamic.
   */
  static Map<String, ExprType> sentByEvents(
      Project project, FunctionTable functions, Map<Event, ExprType> bodyTypes) {
    return typed(project, sent(project, functions, bodyTypes));
  }

  private static Map<String, ExprType> typed(
      Project project, Map<String, Optional<ExprType>> seen) {
    Map<String, ExprType> bodies = new LinkedHashMap<>();
    project
        .workflows()
        .forEach(
            w ->
                bodies.put(
                    w.id(), seen.getOrDefault(w.id(), Optional.empty()).orElse(ExprType.DYNAMIC)));
    return bodies;
  }

  private static Map<String, Optional<ExprType>> sent(
      Project project, FunctionTable functions, Map<Event, ExprType> bodyTypes) {
    Map<String, Optional<ExprType>> seen = new LinkedHashMap<>();
    for (Event event : project.events()) {
      event
          .fn()
          .flatMap(fn -> functions.resolve(fn.name()))
          .filter(ResolvedFunction.WorkflowFunction.class::isInstance)
          .map(f -> ((ResolvedFunction.WorkflowFunction) f).workflow().id())
          .ifPresent(
              id ->
                  seen.merge(
                      id,
                      Optional.of(bindable(bodyTypes.get(event))),
                      (a, b) -> a.equals(b) ? a : Optional.empty()));
    }
    return seen;
  }

  /**
   * {@code body} where the controller binds it to a payload class; dynamic for any other body (a
   * number, a string, a list), which reaches the workflow as the JSON the validator accepted.
   */
  private static ExprType bindable(ExprType body) {
    return body instanceof ExprType.PojoType ? body : ExprType.DYNAMIC;
  }

  private static void forEachCalledWorkflow(
      List<Task> tasks, FunctionTable functions, Consumer<String> action) {
    for (Task task : tasks) {
      task.fn()
          .flatMap(fn -> functions.resolve(fn.name()))
          .filter(ResolvedFunction.WorkflowFunction.class::isInstance)
          .ifPresent(f -> action.accept(((ResolvedFunction.WorkflowFunction) f).workflow().id()));
      forEachCalledWorkflow(task.nested(), functions, action);
    }
  }
}

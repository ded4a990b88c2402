package dev.hookc.compiler.expr;

import java.util.Optional;
import java.util.Set;

/**
 * The names an expression can start with at one place in a workflow, supplied by the generator that
 * knows the workflow: {@code inputs}, {@code outputs}, {@code config}, {@code task_value} inside
 * loops, and the ids of tasks that have run before this one.
 */
public interface Scope {

  /** The binding of a root name, or empty when the name is not in scope here. */
  Optional<Binding> root(String name);

  /**
   * Every root name in scope, for "did you mean" hints and for telling an unknown name from a task
   * that exists but has not run yet.
   */
  Set<String> rootNames();

  /**
   * Why {@code name} is not in scope when it names a task of the workflow that does not run before
   * this point (a later task, or one in another branch), said as a hint such as {@code it runs
   * after this task}; empty when it is no task at all.
   */
  Optional<String> whyTaskUnavailable(String name);

  /**
   * Why reading {@code name} of {@code type} finds nothing, when {@code type} is the {@code inputs}
   * of a workflow that tasks call: which callers there are and what they pass, said as a message
   * and a hint. Empty for any other object, whose unknown properties are reported as such.
   */
  default Optional<Unpassed> unpassedInput(ExprType.PojoType type, String name) {
    return Optional.empty();
  }

  /**
   * An input that no caller of a workflow passes.
   *
   * @param message what the diagnostic says
   * @param hint the did-you-mean or the inputs that are passed; null when there is none
   */
  record Unpassed(String message, String hint) {}
}

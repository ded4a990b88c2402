package dev.hookc.compiler.check;

import dev.hookc.compiler.model.Workflow;

/** What a function name resolves to. */
public sealed interface ResolvedFunction {

  /** A {@code com.gs.*} function that hookc implements. */
  record Builtin(String name) implements ResolvedFunction {}

  /** A YAML workflow of the project. */
  record WorkflowFunction(Workflow workflow) implements ResolvedFunction {}

  /**
   * A Java function the user writes: class {@code className} in {@code packageName}, implementing
   * the generated interface of the same name with suffix {@code Function}.
   */
  record JavaFunction(String name, String packageName, String className, String sourcePath)
      implements ResolvedFunction {}
}

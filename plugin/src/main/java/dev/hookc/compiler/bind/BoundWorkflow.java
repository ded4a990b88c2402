package dev.hookc.compiler.bind;

import com.palantir.javapoet.ClassName;
import dev.hookc.compiler.analysis.CompiledWorkflow;
import dev.hookc.compiler.analysis.PassedInputs;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.model.ValidationHook;
import dev.hookc.compiler.model.Workflow;
import java.util.Optional;
import java.util.Set;

/**
 * A workflow with its expressions compiled and its classes named.
 *
 * @param workflow the workflow as loaded (an inline hook is a workflow of its own)
 * @param type its class
 * @param inputs its inputs record
 * @param hook the kind of validation-error hook it answers as, if it is one
 * @param body the type of its {@code inputs.body}
 * @param compiled its tasks, with every expression compiled and typed
 * @param passed what the tasks that call it pass beyond a request's parts; empty when no task calls
 *     it, so that its inputs come from requests alone
 * @param origins every project-relative input file its generated code depends on (see {@code
 *     Origins})
 */
public record BoundWorkflow(
    Workflow workflow,
    ClassName type,
    ClassName inputs,
    Optional<ValidationHook.Kind> hook,
    ExprType body,
    CompiledWorkflow compiled,
    Optional<PassedInputs> passed,
    Set<String> origins) {

  public BoundWorkflow {
    origins = Set.copyOf(origins);
  }
}

package dev.hookc.compiler.bind;

import com.palantir.javapoet.ClassName;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.Workflow;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An event with everything its generated code needs.
 *
 * @param event the event as loaded, with its guard and contract
 * @param workflow the YAML workflow its {@code fn} names; an event without one gets no controller
 * @param controller its controller class
 * @param bodyType the type of its body payload
 * @param body its body schema and the classes generated for it, when it declares one
 * @param contract what its controller enforces besides the body schema
 * @param parameters its contract class, when a parameter declares a schema
 * @param validators the validators of its response schemas
 * @param origins every project-relative input file its generated code depends on (see {@code
 *     Origins})
 */
public record BoundEvent(
    Event event,
    Optional<Workflow> workflow,
    ClassName controller,
    ExprType bodyType,
    Optional<BoundBody> body,
    ControllerContract contract,
    Optional<ParameterContract> parameters,
    List<BoundValidator> validators,
    Set<String> origins) {

  public BoundEvent {
    validators = List.copyOf(validators);
    origins = Set.copyOf(origins);
  }
}

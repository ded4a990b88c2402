package dev.hookc.compiler.analysis;

import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.pojo.PojoPlan;
import dev.hookc.compiler.schema.JsonSchema;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An event's schemas, read and checked: its body's, with the payload classes planned for it, its
 * parameters' and its responses'.
 *
 * @param body the body schema, when declared
 * @param payload the payload classes of the body, when it has a schema
 * @param parameters the schema of each parameter that declares one, by {@code in:name}, in
 *     declaration order
 * @param responses the schema of each declared response that is validated, by status or {@code
 *     default}, in status order; none when response validation is off
 */
public record EventSchemas(
    Optional<JsonSchema> body,
    Optional<PojoPlan> payload,
    Map<String, JsonSchema> parameters,
    Map<String, JsonSchema> responses) {

  public EventSchemas {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    responses = Collections.unmodifiableMap(new LinkedHashMap<>(responses));
  }

  /** The type of {@code inputs.body} in the expressions of the event's workflow. */
  public ExprType bodyType() {
    return payload.map(PojoPlan::type).orElse(ExprType.DYNAMIC);
  }
}

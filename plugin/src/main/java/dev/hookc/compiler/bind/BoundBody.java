package dev.hookc.compiler.bind;

import com.palantir.javapoet.ClassName;
import dev.hookc.compiler.pojo.PojoPlan;
import dev.hookc.compiler.schema.JsonSchema;

/**
 * An event's body schema with the classes generated for it.
 *
 * @param schema the schema as read
 * @param validator the class that validates a body against it
 * @param payload the payload classes planned for it
 * @param binder the class that binds a validated body to its payload class
 */
public record BoundBody(
    JsonSchema schema, ClassName validator, PojoPlan payload, ClassName binder) {}

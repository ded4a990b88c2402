package dev.hookc.compiler.bind;

import com.palantir.javapoet.ClassName;
import dev.hookc.compiler.schema.JsonSchema;

/** A validator class to generate for a response schema. */
public record BoundValidator(ClassName name, JsonSchema schema) {}

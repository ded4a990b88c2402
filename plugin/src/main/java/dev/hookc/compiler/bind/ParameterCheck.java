package dev.hookc.compiler.bind;

import com.palantir.javapoet.ClassName;
import dev.hookc.compiler.model.Parameter;
import dev.hookc.compiler.schema.JsonSchema;

/**
 * The method of an event's contract class that checks one parameter against its schema.
 *
 * @param parameter the parameter, as declared
 * @param owner the event's contract class
 * @param method the method's name, from the parameter's location and name: {@code
 *     headerXSlackSignature}, unique in its class
 * @param schema the parameter's schema
 */
public record ParameterCheck(
    Parameter parameter, ClassName owner, String method, JsonSchema schema) {}

package dev.hookc.compiler.schema;

import java.util.Optional;

/**
 * A JSON value written in a schema, for {@code enum} and {@code const}, as the generated code and
 * its messages need it.
 *
 * @param json the value as compact JSON
 * @param display the value for people: like JSON, but a string without quotes
 * @param string the value, when it is a string
 */
public record SchemaLiteral(String json, String display, Optional<String> string) {}

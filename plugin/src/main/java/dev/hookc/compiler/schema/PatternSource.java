package dev.hookc.compiler.schema;

/**
 * A schema pattern translated for the engine that runs it: RE2/J in linear time, or, when {@code
 * linear} is false, java.util.regex under a step budget.
 *
 * @param regex the pattern in the syntax of its engine
 * @param linear whether RE2/J runs it
 */
public record PatternSource(String regex, boolean linear) {}

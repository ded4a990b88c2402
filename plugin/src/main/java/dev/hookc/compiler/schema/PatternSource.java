package dev.hookc.compiler.schema;

/**
 * A schema pattern translated for the engine that runs it: RE2/J in linear time, or, when {@code
 * linear} is false, java.util.regex under a step budget.
 */
record PatternSource(String regex, boolean linear) {}

package dev.hookc.compiler.model;

import dev.hookc.compiler.yaml.YamlScalar;

/**
 * A reference to a function by name ({@code fn: handleCallback}), with the node it was written at.
 */
public record FnRef(String name, YamlScalar node) {}

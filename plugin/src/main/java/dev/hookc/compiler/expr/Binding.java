package dev.hookc.compiler.expr;

import com.palantir.javapoet.CodeBlock;

/**
 * What a name in scope stands for: its type and the Java expression that reads it in the generated
 * method (e.g. {@code inputs.body()}).
 */
public record Binding(ExprType type, CodeBlock code) {}

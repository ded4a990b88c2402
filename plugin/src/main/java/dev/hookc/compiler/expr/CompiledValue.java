package dev.hookc.compiler.expr;

import com.palantir.javapoet.CodeBlock;
import java.util.Set;

/**
 * A YAML value compiled to Java: its type, a Java expression of {@code type.javaType()} (or, for a
 * condition, a {@code boolean}), and the root names it reads, so the caller knows what it depends
 * on (e.g. which earlier tasks).
 */
public record CompiledValue(ExprType type, CodeBlock code, Set<String> referencedRoots) {

  public CompiledValue {
    referencedRoots = Set.copyOf(referencedRoots);
  }
}

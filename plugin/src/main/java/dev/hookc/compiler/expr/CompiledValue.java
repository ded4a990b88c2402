package dev.hookc.compiler.expr;

import com.palantir.javapoet.CodeBlock;
import java.util.Set;

/**
 * A YAML value compiled to a Java expression.
 *
 * @param type its static type
 * @param code the Java expression
 * @param referencedRoots the root names it reads (task ids, {@code inputs}, ...)
 */
public record CompiledValue(ExprType type, CodeBlock code, Set<String> referencedRoots) {

  public CompiledValue {
    referencedRoots = Set.copyOf(referencedRoots);
  }
}

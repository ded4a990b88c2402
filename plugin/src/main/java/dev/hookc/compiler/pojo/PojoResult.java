package dev.hookc.compiler.pojo;

import dev.hookc.compiler.emit.GeneratedSource;
import dev.hookc.compiler.expr.ExprType;
import java.util.List;

/** The payload classes generated for one schema, and the expression type of its root. */
public record PojoResult(ExprType type, List<GeneratedSource> sources) {

  public PojoResult {
    sources = List.copyOf(sources);
  }
}

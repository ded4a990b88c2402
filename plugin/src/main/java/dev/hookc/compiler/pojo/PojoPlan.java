package dev.hookc.compiler.pojo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.compiler.expr.ExprType;

/**
 * The payload classes planned for one schema: the reduced schema jsonschema2pojo generates them
 * from, and the expression type of its root.
 */
public final class PojoPlan {
  private final String className;
  // Never handed out itself: the tree is mutable, and a plan is shared between stages.
  private final ObjectNode reduced;
  private final ExprType type;

  PojoPlan(String className, ObjectNode reduced, ExprType type) {
    this.className = className;
    this.reduced = reduced;
    this.type = type;
  }

  /** The simple name of the root class. */
  public String className() {
    return className;
  }

  /** The expression type that reads the root. */
  public ExprType type() {
    return type;
  }

  String reducedSchema() {
    return reduced.toString();
  }

  ObjectNode reducedTree() {
    return reduced.deepCopy();
  }
}

package dev.hookc.compiler.pojo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.ClassName;
import dev.hookc.compiler.expr.ExprType;
import java.util.List;
import java.util.Optional;

/**
 * The payload classes planned for one schema: the reduced schema jsonschema2pojo generates them
 * from, and the expression type of its root; or, when they cannot be generated, why.
 */
public final class PojoPlan {
  private final String className;
  // Never handed out itself: the tree is mutable, and a plan is shared between stages.
  private final ObjectNode reduced;
  private final ExprType type;
  private final Optional<String> refusal;
  // The classes generated when planning, for the binder they were generated with.
  private final Optional<ClassName> binder;
  private final List<PojoFile> files;

  PojoPlan(String className, ObjectNode reduced, ExprType type) {
    this(className, reduced, type, Optional.empty(), Optional.empty(), List.of());
  }

  private PojoPlan(
      String className,
      ObjectNode reduced,
      ExprType type,
      Optional<String> refusal,
      Optional<ClassName> binder,
      List<PojoFile> files) {
    this.className = className;
    this.reduced = reduced;
    this.type = type;
    this.refusal = refusal;
    this.binder = binder;
    this.files = List.copyOf(files);
  }

  /** A plan whose classes cannot be generated; its root reads as JSON. */
  static PojoPlan refused(String className, ObjectNode reduced, String reason) {
    return new PojoPlan(
        className, reduced, ExprType.DYNAMIC, Optional.of(reason), Optional.empty(), List.of());
  }

  /** This plan with its classes, generated for {@code binder}. */
  PojoPlan withFiles(ClassName binder, List<PojoFile> files) {
    return new PojoPlan(className, reduced, type, refusal, Optional.of(binder), files);
  }

  /** The simple name of the root class. */
  public String className() {
    return className;
  }

  /** The expression type that reads the root. */
  public ExprType type() {
    return type;
  }

  /**
   * Why the payload classes cannot be generated (a schema hookc's classes cannot carry); empty when
   * they can.
   */
  public Optional<String> refusal() {
    return refusal;
  }

  String reducedSchema() {
    return reduced.toString();
  }

  ObjectNode reducedTree() {
    return reduced.deepCopy();
  }

  /** The classes generated when planning, if they were generated for {@code binder}. */
  Optional<List<PojoFile>> files(ClassName binder) {
    return this.binder.filter(binder::equals).map(b -> files);
  }
}

package dev.hookc.compiler.schema;

import dev.hookc.compiler.diag.Location;
import java.util.List;

/**
 * A read JSON Schema: its root and every subschema reachable from it, {@code $ref} targets
 * included, ready for {@link ValidatorGenerator}.
 */
public final class JsonSchema {
  private final SchemaNode root;
  private final List<SchemaNode> nodes;

  JsonSchema(SchemaNode root, List<SchemaNode> nodes) {
    this.root = root;
    this.nodes = List.copyOf(nodes);
  }

  /** Where the schema starts in its file. */
  public Location location() {
    return root.location;
  }

  SchemaNode root() {
    return root;
  }

  /** The root first, then each reachable subschema once, in a stable order. */
  List<SchemaNode> nodes() {
    return nodes;
  }
}

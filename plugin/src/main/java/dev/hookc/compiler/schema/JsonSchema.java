package dev.hookc.compiler.schema;

import java.util.List;

/**
 * A read and checked JSON Schema: its root and every subschema reachable from it, {@code $ref}
 * targets included, ready for the validator generator. Immutable.
 */
public final class JsonSchema {
  private final SchemaNode root;
  private final List<SchemaNode> nodes;

  JsonSchema(SchemaNode root, List<SchemaNode> nodes) {
    this.root = root;
    this.nodes = List.copyOf(nodes);
  }

  /** The root schema. */
  public SchemaNode root() {
    return root;
  }

  /** The root first, then each reachable subschema once, in a stable order. */
  public List<SchemaNode> nodes() {
    return nodes;
  }
}

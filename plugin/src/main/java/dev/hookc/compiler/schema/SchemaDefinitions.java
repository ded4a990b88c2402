package dev.hookc.compiler.schema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The project's shared definitions ({@code src/definitions}), read once in a run of their own, and
 * which of their subschemas can be generated once for the whole build rather than copied into each
 * validator that refers to them.
 *
 * <p>A schema that refers to a definition still reads it in its own run (that is where mistakes in
 * it are reported, and where its {@code $ref}s are resolved), so a subschema of that run is only
 * shared when the two runs agree on it: it came from the same definition at the same place, and so
 * did everything it applies, with every {@code $ref} leading to the same place. A subschema whose
 * meaning depends on what refers to it — one that applies the meta-schema or a schema that only the
 * referring document holds, through an absolute {@code $ref} — is not shared. Immutable, so
 * validators may be generated in parallel.
 */
public final class SchemaDefinitions {
  /** No shared definitions. */
  public static final SchemaDefinitions NONE = new SchemaDefinitions(Map.of());

  private final Map<String, SchemaNode> roots;
  private final Map<String, List<SchemaNode>> local = new LinkedHashMap<>();
  private final Map<String, Set<String>> calls = new LinkedHashMap<>();

  /**
   * Each subschema that can be shared, by its pointer (which is unique to it in the shared run).
   */
  private final Map<String, SchemaNode> byPointer = new HashMap<>();

  /** The definitions whose roots, read in one run, are {@code roots}, in name order. */
  SchemaDefinitions(Map<String, SchemaNode> roots) {
    this.roots = Collections.unmodifiableMap(new LinkedHashMap<>(roots));
    List<SchemaNode> all = SchemaNode.reachable(roots.values().toArray(SchemaNode[]::new));
    Set<SchemaNode> shareable = shareable(all);
    for (SchemaNode node : shareable) {
      byPointer.put(node.pointer, node);
    }
    for (Map.Entry<String, SchemaNode> entry : roots.entrySet()) {
      String name = entry.getKey();
      List<SchemaNode> own = new ArrayList<>();
      for (SchemaNode node : SchemaNode.reachable(entry.getValue())) {
        if (name.equals(node.definition) && shareable.contains(node)) {
          own.add(node);
        }
      }
      for (SchemaNode node : all) {
        if (name.equals(node.definition) && shareable.contains(node) && !own.contains(node)) {
          own.add(node);
        }
      }
      Set<String> called = new TreeSet<>();
      for (SchemaNode node : own) {
        for (SchemaNode child : node.children()) {
          if (!name.equals(child.definition)) {
            called.add(child.definition);
          }
        }
      }
      local.put(name, List.copyOf(own));
      calls.put(name, Set.copyOf(called));
    }
  }

  /** The definitions' names, in name order. */
  public Set<String> names() {
    return roots.keySet();
  }

  /** The root schema of definition {@code name}. */
  public SchemaNode root(String name) {
    return roots.get(name);
  }

  /** The shareable subschemas that definition {@code name} holds, its root first when shareable. */
  public List<SchemaNode> local(String name) {
    return local.get(name);
  }

  /** The definitions whose subschemas those of definition {@code name} apply, by name. */
  public Set<String> calls(String name) {
    return calls.get(name);
  }

  /**
   * The subschemas that can be shared, found by walking the shared run from every definition: each
   * came from a definition, as did everything it applies, and its pointer names it alone.
   */
  private static Set<SchemaNode> shareable(List<SchemaNode> all) {
    Map<String, Integer> pointers = new HashMap<>();
    all.forEach(node -> pointers.merge(node.pointer, 1, Integer::sum));
    Map<SchemaNode, List<SchemaNode>> callers = new HashMap<>();
    Deque<SchemaNode> unshareable = new ArrayDeque<>();
    for (SchemaNode node : all) {
      for (SchemaNode child : node.children()) {
        callers.computeIfAbsent(child, c -> new ArrayList<>()).add(node);
      }
      if (node.definition == null || pointers.get(node.pointer) > 1) {
        unshareable.add(node);
      }
    }
    // What applies an unshareable subschema is unshareable too.
    Set<SchemaNode> not = new HashSet<>();
    while (!unshareable.isEmpty()) {
      SchemaNode node = unshareable.removeFirst();
      if (not.add(node)) {
        unshareable.addAll(callers.getOrDefault(node, List.of()));
      }
    }
    Set<SchemaNode> shareable = new LinkedHashSet<>(all);
    shareable.removeAll(not);
    return shareable;
  }

  /**
   * The subschemas of another run ({@code nodes}, read from a document that uses definitions) that
   * are shared, each with its counterpart in the definitions' run, in the order of {@code nodes}.
   */
  public Map<SchemaNode, SchemaNode> shared(Collection<SchemaNode> nodes) {
    Map<SchemaNode, SchemaNode> shared = new LinkedHashMap<>();
    if (byPointer.isEmpty()) {
      return shared;
    }
    Map<SchemaNode, Boolean> same = new HashMap<>();
    for (SchemaNode node : nodes) {
      if (node.definition != null && closureIsShared(node, same)) {
        shared.put(node, byPointer.get(node.pointer));
      }
    }
    return shared;
  }

  /** The definitions whose shared subschemas the validator of {@code schema} calls, by name. */
  public Set<String> usedBy(JsonSchema schema) {
    Set<String> used = new TreeSet<>();
    for (SchemaNode node : shared(schema.nodes()).keySet()) {
      used.add(node.definition);
    }
    return used;
  }

  /** Whether {@code node} and everything it applies match a shareable subschema of this run. */
  private boolean closureIsShared(SchemaNode node, Map<SchemaNode, Boolean> same) {
    Deque<SchemaNode> queue = new ArrayDeque<>(List.of(node));
    Set<SchemaNode> seen = new HashSet<>();
    while (!queue.isEmpty()) {
      SchemaNode next = queue.removeFirst();
      if (!seen.add(next)) {
        continue;
      }
      if (!same.computeIfAbsent(next, this::matches)) {
        return false;
      }
      queue.addAll(next.children());
    }
    return true;
  }

  /**
   * Whether {@code node} is a shareable subschema of this run: same definition, same place, and its
   * {@code $ref} (the one edge that the document's run resolves, not the YAML) leads to the same
   * place. Its other subschemas come from the same YAML, and are compared in their turn.
   */
  private boolean matches(SchemaNode node) {
    SchemaNode shared = node.definition == null ? null : byPointer.get(node.pointer);
    if (shared == null || !node.definition.equals(shared.definition)) {
      return false;
    }
    if (node.ref == null || shared.ref == null) {
      return node.ref == null && shared.ref == null;
    }
    return Objects.equals(node.ref.definition, shared.ref.definition)
        && node.ref.pointer.equals(shared.ref.pointer);
  }
}

package dev.hookc.compiler.schema;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.yaml.YamlNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The project's shared definitions ({@code src/definitions}), read once so that the validator
 * methods of each are generated once, in a class of its own ({@code MoneyDefinition} for {@code
 * Money}), which every validator that refers to the definition calls instead of having its own
 * copy.
 *
 * <p>A schema that refers to a definition still reads it in its own run (that is where mistakes in
 * it are reported, and where its {@code $ref}s are resolved), so a subschema is only handed to the
 * shared class when the caller's run and the shared run agree on it: it came from the same
 * definition at the same place, and so did everything it applies, with every {@code $ref} leading
 * to the same place. A subschema whose meaning depends on what refers to it — one that applies the
 * meta-schema or a schema that only the referring document holds, through an absolute {@code $ref}
 * — stays in each caller's class, as before. Immutable once read, so validators may be generated in
 * parallel.
 */
public final class SharedDefinitions {
  /** No shared definitions: every validator holds all of its subschemas. */
  public static final SharedDefinitions NONE = new SharedDefinitions(Map.of(), "");

  /** One definition's class: its subschemas, their names and the definitions they call. */
  private record Definition(
      String name,
      SchemaNode root,
      ClassName owner,
      List<SchemaNode> local,
      MethodNames names,
      Set<String> calls) {}

  private final Map<String, Definition> definitions = new TreeMap<>();

  /**
   * Each subschema that can be shared, by its pointer (which is unique to it in the shared run).
   */
  private final Map<String, SchemaNode> byPointer = new HashMap<>();

  /**
   * Reads {@code schemas}, the definitions by name; the classes go in {@code packageName}, which
   * must be the package of the validators that call them. Mistakes are not reported here: a schema
   * that uses a definition reports them when it reads it, and one nothing uses is not generated.
   */
  public SharedDefinitions(Map<String, YamlNode> schemas, String packageName) {
    Map<String, SchemaNode> roots = new SchemaReader(new Diagnostics()).readDefinitions(schemas);
    List<SchemaNode> all = SchemaReader.reachable(roots.values().toArray(SchemaNode[]::new));
    Set<SchemaNode> shareable = shareable(all);
    for (SchemaNode node : shareable) {
      byPointer.put(node.pointer, node);
    }
    Set<String> classNames = new HashSet<>();
    for (Map.Entry<String, SchemaNode> entry : roots.entrySet()) {
      String name = entry.getKey();
      List<SchemaNode> local = new ArrayList<>();
      for (SchemaNode node : SchemaReader.reachable(entry.getValue())) {
        if (name.equals(node.definition) && shareable.contains(node)) {
          local.add(node);
        }
      }
      for (SchemaNode node : all) {
        if (name.equals(node.definition) && shareable.contains(node) && !local.contains(node)) {
          local.add(node);
        }
      }
      Set<String> calls = new TreeSet<>();
      for (SchemaNode node : local) {
        for (SchemaNode child : node.children()) {
          if (!name.equals(child.definition)) {
            calls.add(child.definition);
          }
        }
      }
      String simple = MethodNames.capitalize(MethodNames.baseName("/" + name)) + "Definition";
      String unique = simple;
      for (int i = 2; !classNames.add(unique.toLowerCase(Locale.ROOT)); i++) {
        unique = simple + i;
      }
      ClassName owner = ClassName.get(packageName, unique);
      definitions.put(
          name,
          new Definition(
              name, entry.getValue(), owner, local, new MethodNames(local), Set.copyOf(calls)));
    }
  }

  /**
   * The subschemas, found by walking the shared run from every definition, whose methods depend on
   * nothing but definitions: each came from a definition, as did everything it applies, and its
   * pointer names it alone.
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
   * The subschemas of another run ({@code nodes}, read from a document that uses definitions) whose
   * methods are in a definition's class, each with that class and its name there.
   */
  Map<SchemaNode, MethodNames.Delegate> delegates(Collection<SchemaNode> nodes) {
    if (definitions.isEmpty()) {
      return Map.of();
    }
    Map<SchemaNode, Boolean> same = new HashMap<>();
    Map<SchemaNode, MethodNames.Delegate> delegates = new LinkedHashMap<>();
    for (SchemaNode node : nodes) {
      if (node.definition != null && closureIsShared(node, same)) {
        SchemaNode shared = byPointer.get(node.pointer);
        Definition definition = definitions.get(shared.definition);
        delegates.put(
            node, new MethodNames.Delegate(definition.owner(), definition.names().stem(shared)));
      }
    }
    return delegates;
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

  /** The definitions whose classes the validator of {@code schema} calls, by name. */
  public Set<String> usedBy(JsonSchema schema) {
    Set<String> used = new TreeSet<>();
    for (SchemaNode node : delegates(schema.nodes()).keySet()) {
      used.add(node.definition);
    }
    return used;
  }

  /**
   * Whether any part of {@code schema} was read from a shared definition, whether or not its
   * methods are shared: such a schema's validator and payload classes depend on the definitions.
   */
  public boolean refersToDefinitions(JsonSchema schema) {
    return schema.nodes().stream().anyMatch(node -> node.definition != null);
  }

  /**
   * The classes of the definitions named {@code used} and of those they call in turn, in name
   * order; a definition nothing calls gets no class.
   */
  public List<JavaFile> generate(Collection<String> used) {
    Set<String> needed = new TreeSet<>();
    Deque<String> queue = new ArrayDeque<>(used);
    while (!queue.isEmpty()) {
      String name = queue.removeFirst();
      Definition definition = definitions.get(name);
      if (definition != null && needed.add(name)) {
        queue.addAll(definition.calls());
      }
    }
    List<JavaFile> files = new ArrayList<>();
    for (String name : needed) {
      Definition definition = definitions.get(name);
      // Everything the definition applies is shareable, so each subschema of another
      // definition that it reaches, directly or through its evaluated properties, is called there.
      Map<SchemaNode, MethodNames.Delegate> delegates = new LinkedHashMap<>();
      for (SchemaNode node :
          SchemaReader.reachable(definition.local().toArray(SchemaNode[]::new))) {
        if (!name.equals(node.definition)) {
          Definition other = definitions.get(node.definition);
          delegates.put(node, new MethodNames.Delegate(other.owner(), other.names().stem(node)));
        }
      }
      files.add(
          JavaFile.builder(
                  definition.owner().packageName(),
                  ValidatorGenerator.definition(
                      name, definition.root(), definition.owner(), definition.local(), delegates))
              .skipJavaLangImports(true)
              .build());
    }
    return files;
  }
}

package dev.hookc.compiler.emit.validation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.hookc.compiler.schema.JsonSchema;
import dev.hookc.compiler.schema.SchemaDefinitions;
import dev.hookc.compiler.schema.SchemaNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The classes of the project's shared definitions: the validator methods of each shared subschema
 * (see {@link SchemaDefinitions}) are generated once, in a class of the definition's own ({@code
 * MoneyDefinition} for {@code Money}), which every validator that refers to the definition calls
 * instead of having its own copy. Immutable, so validators may be generated in parallel.
 */
public final class SharedDefinitions {
  /** No shared definitions: every validator holds all of its subschemas. */
  public static final SharedDefinitions NONE = new SharedDefinitions(SchemaDefinitions.NONE, "");

  /** One definition's class: its subschemas, their names and the definitions they call. */
  private record Definition(
      String name,
      SchemaNode root,
      ClassName owner,
      List<SchemaNode> local,
      MethodNames names,
      Set<String> calls) {}

  private final SchemaDefinitions read;
  private final Map<String, Definition> definitions = new TreeMap<>();

  /**
   * The classes of {@code read}, in {@code packageName}, which must be the package of the
   * validators that call them.
   */
  public SharedDefinitions(SchemaDefinitions read, String packageName) {
    this.read = read;
    Set<String> classNames = new HashSet<>();
    for (String name : read.names()) {
      List<SchemaNode> local = read.local(name);
      String simple = MethodNames.capitalize(MethodNames.baseName("/" + name)) + "Definition";
      String unique = simple;
      for (int i = 2; !classNames.add(unique.toLowerCase(Locale.ROOT)); i++) {
        unique = simple + i;
      }
      ClassName owner = ClassName.get(packageName, unique);
      definitions.put(
          name,
          new Definition(
              name, read.root(name), owner, local, new MethodNames(local), read.calls(name)));
    }
  }

  /**
   * The subschemas of another run ({@code nodes}, read from a document that uses definitions) whose
   * methods are in a definition's class, each with that class and its name there.
   */
  Map<SchemaNode, MethodNames.Delegate> delegates(Collection<SchemaNode> nodes) {
    if (definitions.isEmpty()) {
      return Map.of();
    }
    Map<SchemaNode, MethodNames.Delegate> delegates = new LinkedHashMap<>();
    read.shared(nodes)
        .forEach(
            (node, shared) -> {
              Definition definition = definitions.get(shared.definition());
              delegates.put(
                  node,
                  new MethodNames.Delegate(definition.owner(), definition.names().stem(shared)));
            });
    return delegates;
  }

  /** The definitions whose classes the validator of {@code schema} calls, by name. */
  public Set<String> usedBy(JsonSchema schema) {
    return read.usedBy(schema);
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
      for (SchemaNode node : SchemaNode.reachable(definition.local().toArray(SchemaNode[]::new))) {
        if (!name.equals(node.definition())) {
          Definition other = definitions.get(node.definition());
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

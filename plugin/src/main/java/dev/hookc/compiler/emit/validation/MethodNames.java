package dev.hookc.compiler.emit.validation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.hookc.compiler.schema.SchemaNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gives each subschema a readable, unique method name derived from where it sits: {@code
 * /properties/customer/properties/email} becomes {@code customerEmail}, so the generated class
 * reads like the schema.
 */
final class MethodNames {
  // Compiled once: String.split compiles its pattern on every call, once per subschema here.
  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]+");

  private static final Set<String> CONTAINERS =
      Set.of("properties", "patternProperties", "$defs", "definitions", "dependentSchemas");

  /** A method pair of another generated class: a shared definition's. */
  record Delegate(ClassName owner, String stem) {}

  private final Map<SchemaNode, String> names = new HashMap<>();
  private final Map<SchemaNode, Delegate> delegates;

  MethodNames(List<SchemaNode> nodes) {
    this(nodes, Map.of());
  }

  /**
   * Names {@code nodes} in this class; calls to a node of {@code delegates} go to the other class
   * instead.
   */
  MethodNames(List<SchemaNode> nodes, Map<SchemaNode, Delegate> delegates) {
    this(nodes, delegates, "", new HashSet<>());
  }

  /**
   * Names {@code nodes} after {@code prefix} ({@code headerXSignature}, {@code
   * headerXSignatureItems}), avoiding every name in {@code used} and adding its own: several
   * schemas then share one class without two methods meeting.
   */
  MethodNames(
      List<SchemaNode> nodes,
      Map<SchemaNode, Delegate> delegates,
      String prefix,
      Set<String> used) {
    this.delegates = delegates;
    for (SchemaNode node : nodes) {
      String base = prefixed(prefix, baseName(node.pointer()));
      String name = base;
      for (int i = 2; !used.add(name.toLowerCase(Locale.ROOT)); i++) {
        name = base + i;
      }
      names.put(node, name);
    }
  }

  /** The name's stem, e.g. {@code customerEmail}. */
  String stem(SchemaNode node) {
    return names.get(node);
  }

  /** The method that reports violations, e.g. {@code checkCustomerEmail}. */
  String check(SchemaNode node) {
    return check(stem(node));
  }

  /** The method that only answers valid or not, e.g. {@code isCustomerEmailValid}. */
  String isValid(SchemaNode node) {
    return isValid(stem(node));
  }

  /** Whether calls to {@code node} go to another class. */
  boolean delegated(SchemaNode node) {
    return delegates.containsKey(node);
  }

  /** The expression naming {@link #check} of {@code node}, in this class or another. */
  CodeBlock callCheck(SchemaNode node) {
    Delegate delegate = delegates.get(node);
    return delegate == null
        ? CodeBlock.of("$N", check(node))
        : CodeBlock.of("$T.$N", delegate.owner(), check(delegate.stem()));
  }

  /** The expression naming {@link #isValid} of {@code node}, in this class or another. */
  CodeBlock callIsValid(SchemaNode node) {
    Delegate delegate = delegates.get(node);
    return delegate == null
        ? CodeBlock.of("$N", isValid(node))
        : CodeBlock.of("$T.$N", delegate.owner(), isValid(delegate.stem()));
  }

  private static String check(String stem) {
    return "check" + capitalize(stem);
  }

  private static String isValid(String stem) {
    return "is" + capitalize(stem) + "Valid";
  }

  /** The method that lists the properties a schema evaluates, for unevaluatedProperties. */
  String addEvaluated(SchemaNode node) {
    return "addEvaluatedBy" + capitalize(stem(node));
  }

  private static String prefixed(String prefix, String base) {
    if (prefix.isEmpty()) {
      return base;
    }
    return base.equals("root") ? prefix : prefix + capitalize(base);
  }

  static String baseName(String pointer) {
    StringBuilder name = new StringBuilder();
    boolean nameNext = false;
    for (String raw : pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/", -1)) {
      String token = raw.replace("~1", "/").replace("~0", "~");
      if (!nameNext && CONTAINERS.contains(token)) {
        nameNext = true;
        continue;
      }
      nameNext = false;
      for (String word : NOT_ALPHANUMERIC.split(token, -1)) {
        name.append(capitalize(word));
      }
    }
    if (name.length() == 0) {
      return "root";
    }
    String result = Character.toLowerCase(name.charAt(0)) + name.substring(1);
    return Character.isDigit(result.charAt(0)) ? "schema" + result : result;
  }

  static String capitalize(String word) {
    return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}

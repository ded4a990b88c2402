package dev.hookc.compiler.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A type as a Java source writes it, resolved to its qualified name where the file tells (its own
 * nested types, its imports, {@code java.lang}, the types declared beside it); otherwise the name
 * as written.
 *
 * @param name the qualified name ({@code java.util.Map}), a primitive ({@code int}), or the name as
 *     written when it could not be resolved
 * @param arguments the type arguments, in order; a wildcard or type variable is {@code Object}
 * @param dimensions how many array dimensions follow it
 */
public record JavaType(String name, List<JavaType> arguments, int dimensions) {

  public JavaType {
    arguments = List.copyOf(arguments);
  }

  /** A type without arguments or dimensions. */
  public static JavaType of(String name) {
    return new JavaType(name, List.of(), 0);
  }

  /** Whether it is {@code name} exactly, without arguments nor dimensions. */
  public boolean is(String qualifiedName) {
    return dimensions == 0 && name.equals(qualifiedName);
  }

  /** The name after the last dot: {@code Map} for {@code java.util.Map}. */
  public String simpleName() {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /** How messages show it: simple names, {@code Map<String, Object>}, {@code byte[]}. */
  public String display() {
    StringBuilder text = new StringBuilder(simpleName());
    if (!arguments.isEmpty()) {
      text.append(
          arguments.stream().map(JavaType::display).collect(Collectors.joining(", ", "<", ">")));
    }
    text.append("[]".repeat(dimensions));
    return text.toString();
  }
}

package dev.hookc.compiler.load;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.VoidType;
import com.github.javaparser.ast.type.WildcardType;
import dev.hookc.compiler.model.JavaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the type names one Java file writes to qualified names, the way javac would for the
 * names hookc cares about: the file's own types, its single-type imports, {@code java.lang}, the
 * types declared beside it, and, through on-demand imports, those and a few well-known JDK and
 * Jackson types. A name it cannot place stays as written.
 */
final class JavaTypeResolver {
  private static final Set<String> JAVA_LANG =
      Set.of(
          "Object",
          "String",
          "CharSequence",
          "Integer",
          "Long",
          "Short",
          "Byte",
          "Double",
          "Float",
          "Boolean",
          "Character",
          "Number",
          "Void",
          "System",
          "Iterable",
          "Record",
          "Enum",
          "Exception",
          "RuntimeException",
          "IllegalArgumentException",
          "IllegalStateException",
          "UnsupportedOperationException",
          "NullPointerException",
          "SecurityException",
          "Error",
          "Throwable",
          "InterruptedException");

  /** Types an on-demand import ({@code import java.util.*;}) can bring that matter to hookc. */
  private static final Map<String, Set<String>> WELL_KNOWN =
      Map.of(
          "java.util", Set.of("Map", "List", "Set", "Collection", "Optional"),
          "java.math", Set.of("BigDecimal", "BigInteger"),
          "java.time", Set.of("Clock", "Instant"),
          "java.net.http", Set.of("HttpClient"),
          "javax.sql", Set.of("DataSource"),
          "com.fasterxml.jackson.databind", Set.of("JsonNode"),
          "com.fasterxml.jackson.databind.node", Set.of("ObjectNode", "ArrayNode"),
          "dev.hookc.runtime.workflow", Set.of("Status", "FunctionContext"));

  private final String packageName;
  private final Set<String> declared;
  private final Map<String, String> fileTypes = new HashMap<>();
  private final Map<String, String> singleImports = new HashMap<>();
  private final List<String> onDemand = new ArrayList<>();

  /**
   * @param unit the file
   * @param packageName its package
   * @param declared the qualified names of every type declared beside it
   */
  JavaTypeResolver(CompilationUnit unit, String packageName, Set<String> declared) {
    this.packageName = packageName;
    this.declared = declared;
    for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
      type.getFullyQualifiedName().ifPresent(q -> fileTypes.putIfAbsent(type.getNameAsString(), q));
    }
    for (ImportDeclaration anImport : unit.getImports()) {
      String name = anImport.getNameAsString();
      if (anImport.isAsterisk()) {
        onDemand.add(name);
      } else if (!anImport.isStatic()) {
        singleImports.put(name.substring(name.lastIndexOf('.') + 1), name);
      }
    }
  }

  /** The type {@code type} names. */
  JavaType resolve(Type type) {
    if (type instanceof ArrayType array) {
      JavaType component = resolve(array.getComponentType());
      return new JavaType(component.name(), component.arguments(), component.dimensions() + 1);
    }
    if (type instanceof PrimitiveType primitive) {
      return JavaType.of(primitive.asString());
    }
    if (type instanceof VoidType) {
      return JavaType.of("void");
    }
    if (type instanceof WildcardType wildcard) {
      return wildcard.getExtendedType().map(this::resolve).orElse(JavaType.of("java.lang.Object"));
    }
    if (type instanceof ClassOrInterfaceType named) {
      if (isTypeVariable(named)) {
        return JavaType.of("java.lang.Object");
      }
      List<JavaType> arguments = new ArrayList<>();
      named.getTypeArguments().ifPresent(list -> list.forEach(t -> arguments.add(resolve(t))));
      return new JavaType(qualify(named.getNameWithScope()), arguments, 0);
    }
    // var, a union or an intersection: nothing hookc can use.
    return JavaType.of("java.lang.Object");
  }

  private String qualify(String written) {
    int dot = written.indexOf('.');
    String first = dot < 0 ? written : written.substring(0, dot);
    String rest = dot < 0 ? "" : written.substring(dot);
    if (fileTypes.containsKey(first)) {
      return fileTypes.get(first) + rest;
    }
    if (singleImports.containsKey(first)) {
      return singleImports.get(first) + rest;
    }
    if (declared.contains(packageName + "." + written)) {
      return packageName + "." + written;
    }
    if (JAVA_LANG.contains(first)) {
      return "java.lang." + written;
    }
    for (String pkg : onDemand) {
      if (declared.contains(pkg + "." + written)
          || WELL_KNOWN.getOrDefault(pkg, Set.of()).contains(first)) {
        return pkg + "." + written;
      }
    }
    return written;
  }

  /** Whether the name is a type parameter of a method or type around it. */
  private static boolean isTypeVariable(ClassOrInterfaceType named) {
    if (named.getScope().isPresent()) {
      return false;
    }
    String name = named.getNameAsString();
    for (Node node = named; node != null; node = node.getParentNode().orElse(null)) {
      if (node instanceof NodeWithTypeParameters<?> generic
          && generic.getTypeParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))) {
        return true;
      }
    }
    return false;
  }
}

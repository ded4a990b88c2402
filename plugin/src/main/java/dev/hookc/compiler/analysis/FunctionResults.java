package dev.hookc.compiler.analysis;

import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.model.JavaFunctionClass;
import dev.hookc.compiler.model.JavaRecord;
import dev.hookc.compiler.model.JavaSources;
import dev.hookc.compiler.model.JavaType;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The type of a Java function's result in expressions ({@code outputs.<task>.data}), from the type
 * its {@code apply} declares. A record declared among the functions, which Jackson writes as its
 * components, is an object of those fields, typed; every other result is dynamic, as before.
 */
final class FunctionResults {
  private static final Set<String> STRINGS =
      Set.of("java.lang.String", "char", "java.lang.Character");
  private static final Set<String> INTEGERS =
      Set.of(
          "int",
          "long",
          "short",
          "byte",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Short",
          "java.lang.Byte",
          "java.math.BigInteger");
  private static final Set<String> NUMBERS =
      Set.of("double", "float", "java.lang.Double", "java.lang.Float", "java.math.BigDecimal");
  private static final Set<String> BOOLEANS = Set.of("boolean", "java.lang.Boolean");

  private final JavaSources sources;

  FunctionResults(JavaSources sources) {
    this.sources = sources;
  }

  /** The type of {@code data} of a task calling {@code function}; dynamic unless known. */
  ExprType data(ResolvedFunction.JavaFunction function) {
    Optional<JavaFunctionClass> java = function.source();
    if (java.isEmpty() || java.get().resultRule() != JavaFunctionClass.ResultRule.DATA) {
      return ExprType.DYNAMIC;
    }
    return record(java.get().result().get().type(), function.name(), new HashSet<>())
        .orElse(ExprType.DYNAMIC);
  }

  /** The files whose records give the type of {@code function}'s data. */
  Set<String> files(ResolvedFunction.JavaFunction function) {
    Set<String> files = new java.util.TreeSet<>();
    function.source().flatMap(JavaFunctionClass::result).ifPresent(r -> collect(r.type(), files));
    return files;
  }

  private void collect(JavaType type, Set<String> files) {
    JavaRecord record = sources.records().get(type.name());
    if (type.dimensions() == 0 && record != null && files.add(record.file())) {
      record.components().values().forEach(t -> collect(t, files));
    }
  }

  private Optional<ExprType> record(JavaType type, String function, Set<String> seen) {
    JavaRecord record = sources.records().get(type.name());
    if (type.dimensions() > 0 || record == null || !record.plainJson() || !seen.add(type.name())) {
      return Optional.empty();
    }
    Map<String, ExprType> fields = new LinkedHashMap<>();
    record
        .components()
        .forEach((name, component) -> fields.put(name, field(component, function, seen)));
    seen.remove(type.name());
    return Optional.of(
        new ExprType.ObjectType(
            fields,
            ExprType.Openness.CLOSED,
            Optional.of(new ExprType.JavaRecordOrigin(record.simpleName(), function))));
  }

  private ExprType field(JavaType type, String function, Set<String> seen) {
    if (type.dimensions() == 0) {
      if (STRINGS.contains(type.name())) {
        return ExprType.STRING;
      }
      if (INTEGERS.contains(type.name())) {
        return ExprType.INTEGER;
      }
      if (NUMBERS.contains(type.name())) {
        return ExprType.NUMBER;
      }
      if (BOOLEANS.contains(type.name())) {
        return ExprType.BOOLEAN;
      }
    }
    // Lists, maps and other classes are JSON whose shape the components do not tell.
    return record(type, function, seen).orElse(ExprType.DYNAMIC);
  }
}

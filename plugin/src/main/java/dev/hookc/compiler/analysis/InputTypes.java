package dev.hookc.compiler.analysis;

import dev.hookc.compiler.expr.ExprType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The type that one input of a workflow has when several callers pass it: the type every value
 * fits, or none when two are incompatible (a string and an integer, an object and a list).
 */
final class InputTypes {
  private InputTypes() {}

  /**
   * The type both {@code a} and {@code b} fit: either one where the other is null, a number for an
   * integer and a number, an object of every key for two objects of known keys, a dynamic value for
   * a dynamic one or two objects of different classes; empty when they are incompatible, with the
   * path below the input where they first differ appended to {@code conflict} (as {@code .n}).
   */
  static Optional<ExprType> common(ExprType a, ExprType b, StringBuilder conflict) {
    if (a.equals(b) || b instanceof ExprType.NullType) {
      return Optional.of(a);
    }
    if (a instanceof ExprType.NullType) {
      return Optional.of(b);
    }
    if (a instanceof ExprType.DynamicType || b instanceof ExprType.DynamicType) {
      return Optional.of(ExprType.DYNAMIC);
    }
    if (numeric(a) && numeric(b)) {
      return Optional.of(ExprType.NUMBER);
    }
    if (a instanceof ExprType.ObjectType x && b instanceof ExprType.ObjectType y) {
      Map<String, ExprType> fields = new LinkedHashMap<>(x.fields());
      for (Map.Entry<String, ExprType> field : y.fields().entrySet()) {
        ExprType known = fields.get(field.getKey());
        if (known == null) {
          fields.put(field.getKey(), field.getValue());
          continue;
        }
        StringBuilder below = new StringBuilder();
        Optional<ExprType> both = common(known, field.getValue(), below);
        if (both.isEmpty()) {
          conflict.append('.').append(field.getKey()).append(below);
          return Optional.empty();
        }
        fields.put(field.getKey(), both.get());
      }
      // The more permissive judgement of other keys: either object may have them.
      ExprType.Openness openness =
          x.openness() == ExprType.Openness.CLOSED ? y.openness() : x.openness();
      return Optional.of(new ExprType.ObjectType(fields, openness));
    }
    if (objectLike(a) && objectLike(b)) {
      return Optional.of(ExprType.DYNAMIC);
    }
    if (a instanceof ExprType.ListType x && b instanceof ExprType.ListType y) {
      return common(x.element(), y.element(), conflict).map(ExprType.ListType::new);
    }
    return Optional.empty();
  }

  /**
   * The type a value keeps when a calling task passes it as one of a workflow's inputs: scalars and
   * objects of known keys as they are, anything else (a list, a payload object, null alone) as JSON
   * read dynamically, since the callee reads it back from the JSON its caller passed.
   */
  static ExprType passed(ExprType type) {
    if (type instanceof ExprType.StringType
        || type instanceof ExprType.IntegerType
        || type instanceof ExprType.NumberType
        || type instanceof ExprType.BooleanType
        || type instanceof ExprType.ObjectType) {
      return type;
    }
    return ExprType.DYNAMIC;
  }

  /** How a type is named in a message about one input: {@code a string}, {@code an object}. */
  static String described(ExprType type) {
    return type instanceof ExprType.PojoType ? "an object" : type.withArticle();
  }

  private static boolean numeric(ExprType type) {
    return type instanceof ExprType.IntegerType || type instanceof ExprType.NumberType;
  }

  private static boolean objectLike(ExprType type) {
    return type instanceof ExprType.ObjectType || type instanceof ExprType.PojoType;
  }
}

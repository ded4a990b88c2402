package dev.hookc.compiler.expr;

import static dev.hookc.compiler.expr.Conversions.JS;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds JSON objects of known keys and reads their fields back with their static types. */
final class Fields {
  private Fields() {}

  /** A JSON object built at runtime from typed values. */
  static Typed object(Map<String, Typed> fields) {
    Map<String, ExprType> types = new LinkedHashMap<>();
    List<CodeBlock> arguments = new ArrayList<>();
    fields.forEach(
        (key, value) -> {
          types.put(key, stored(value.type()));
          arguments.add(CodeBlock.of("$S, $L", key, value.code()));
        });
    CodeBlock code = CodeBlock.of("$T.object($L)", JS, CodeBlock.join(arguments, ", "));
    return Typed.of(new ExprType.ObjectType(types), code, false);
  }

  /**
   * The type a value keeps once stored in a JSON object: scalars and nested objects of known keys
   * can be read back as what they were; lists and payload objects become JSON and are read back as
   * dynamic values.
   */
  static ExprType stored(ExprType type) {
    if (type instanceof ExprType.ListType || type instanceof ExprType.PojoType) {
      return ExprType.DYNAMIC;
    }
    return type;
  }

  /** {@code object.name} for a key the object is known to have. */
  static Typed read(Typed object, String name, ExprType type) {
    CodeBlock node = CodeBlock.of("$T.member($L, $S)", JS, object.code(), name);
    String conversion = null;
    if (type instanceof ExprType.StringType) {
      conversion = "asString";
    } else if (type instanceof ExprType.IntegerType) {
      conversion = "asLong";
    } else if (type instanceof ExprType.NumberType) {
      conversion = "asDecimal";
    } else if (type instanceof ExprType.BooleanType) {
      conversion = "asBoolean";
    }
    if (conversion != null) {
      return Typed.of(type, CodeBlock.of("$T.$N($L)", JS, conversion, node), true);
    }
    ExprType json = type instanceof ExprType.ObjectType ? type : ExprType.DYNAMIC;
    return Typed.of(json, node, true);
  }
}

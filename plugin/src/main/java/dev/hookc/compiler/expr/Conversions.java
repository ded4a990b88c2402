package dev.hookc.compiler.expr;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.hookc.compiler.naming.RuntimeTypes;
import java.math.BigDecimal;
import java.util.List;

/** The Java code that turns a value of one expression type into another. */
final class Conversions {
  static final ClassName JS = RuntimeTypes.JS;
  static final ClassName JS_METHODS = RuntimeTypes.JS_METHODS;
  static final ClassName DECIMAL = ClassName.get(BigDecimal.class);

  private Conversions() {}

  /** A number as a {@code BigDecimal}. */
  static Typed toDecimal(Typed t) {
    if (t.is(ExprType.NUMBER)) {
      return t;
    }
    CodeBlock code =
        t.nullable()
            ? CodeBlock.of("$T.decimal($L)", JS, t.code())
            : CodeBlock.of("$T.valueOf($L)", DECIMAL, t.code());
    return Typed.of(ExprType.NUMBER, code, t.nullable());
  }

  /** Any value as a {@code JsonNode}. */
  static Typed toDynamic(Typed t) {
    if (t.isJson()) {
      return t;
    }
    return Typed.of(ExprType.DYNAMIC, CodeBlock.of("$T.node($L)", JS, t.code()), t.nullable());
  }

  /** JavaScript truthiness as a Java {@code boolean}. */
  static CodeBlock truthy(Typed t) {
    if (t.is(ExprType.BOOLEAN) && !t.nullable()) {
      return t.code();
    }
    return CodeBlock.of("$T.truthy($L)", JS, t.code());
  }

  /** The operand as text inside a string concatenation, as JavaScript's {@code String(x)} does. */
  static CodeBlock asConcatenated(Typed t) {
    if (t.is(ExprType.STRING) || t.is(ExprType.INTEGER) || t.is(ExprType.BOOLEAN)) {
      // Java renders these, and null, exactly as JavaScript does.
      return t.operand();
    }
    return CodeBlock.of("$T.string($L)", JS, t.code());
  }

  /** The type both values can be given, and both converted to it: the type of {@code a ?? b}. */
  static List<Typed> unify(Typed a, Typed b) {
    ExprType common = commonType(a.type(), b.type());
    return List.of(convert(a, common), convert(b, common));
  }

  static ExprType commonType(ExprType a, ExprType b) {
    if (a.equals(b) || b instanceof ExprType.NullType) {
      return a;
    }
    if (a instanceof ExprType.NullType) {
      return b;
    }
    if (isNumber(a) && isNumber(b)) {
      return ExprType.NUMBER;
    }
    return ExprType.DYNAMIC;
  }

  static Typed convert(Typed t, ExprType target) {
    if (t.is(target) || t.type() instanceof ExprType.NullType) {
      return Typed.of(target, t.code(), t.nullable() || t.is(ExprType.NULL)).withInfix(t.infix());
    }
    if (target.equals(ExprType.NUMBER) && t.isNumeric()) {
      return toDecimal(t);
    }
    return toDynamic(t);
  }

  private static boolean isNumber(ExprType t) {
    return t.equals(ExprType.INTEGER) || t.equals(ExprType.NUMBER);
  }
}

package dev.hookc.compiler.expr;

import com.palantir.javapoet.CodeBlock;

/**
 * A checked expression: its type and the Java code that evaluates it.
 *
 * @param nullable whether the code may evaluate to {@code null} at runtime
 * @param infix whether the code is an infix, prefix or conditional expression, which must be
 *     parenthesized when it becomes an operand or a method receiver
 * @param small whether it is an integer known to fit in an {@code int} (a literal, a length, an
 *     index), so that {@code + - *} of two of them cannot overflow a {@code long}
 */
record Typed(ExprType type, CodeBlock code, boolean nullable, boolean infix, boolean small) {

  static Typed of(ExprType type, CodeBlock code, boolean nullable) {
    return new Typed(type, code, nullable, false, false);
  }

  static Typed infix(ExprType type, CodeBlock code, boolean nullable) {
    return new Typed(type, code, nullable, true, false);
  }

  Typed withInfix(boolean isInfix) {
    return new Typed(type, code, nullable, isInfix, small);
  }

  /** This integer, known to fit in an {@code int}. */
  Typed asSmall() {
    return new Typed(type, code, nullable, infix, true);
  }

  /** The code, parenthesized when it is infix, so it can be an operand. */
  CodeBlock operand() {
    return infix ? CodeBlock.of("($L)", code) : code;
  }

  boolean is(ExprType t) {
    return type.equals(t);
  }

  boolean isNumeric() {
    return is(ExprType.INTEGER) || is(ExprType.NUMBER);
  }

  /** A dynamic value, or a JSON object of known keys: both are {@code JsonNode}s at runtime. */
  boolean isJson() {
    return type instanceof ExprType.DynamicType || type instanceof ExprType.ObjectType;
  }
}

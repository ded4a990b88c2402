package dev.hookc.compiler.expr;

import static dev.hookc.compiler.expr.Conversions.JS;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Types unary, binary and conditional operators and emits them: direct Java operations where they
 * cannot fail ({@code Math.addExact(a, b)} on two ints, {@code a + b} for strings), {@code Js}
 * calls where a value may be missing, is known only at runtime, or may leave the range of a {@code
 * long} (integer arithmetic then promotes to an exact decimal).
 */
final class Operators {
  private static final ClassName OBJECTS = ClassName.get(Objects.class);
  private static final Map<String, String> EXACT =
      Map.of("+", "addExact", "-", "subtractExact", "*", "multiplyExact");
  private static final Map<String, String> NULLABLE =
      Map.of("+", "add", "-", "subtract", "*", "multiply", "%", "remainder");
  private static final Map<String, String> DYNAMIC =
      Map.of("+", "plus", "-", "minus", "*", "times", "/", "quotient", "%", "modulo");
  private static final Map<String, String> ORDER =
      Map.of("<", "lt", "<=", "le", ">", "gt", ">=", "ge");

  private final TypeChecker checker;
  private final Problems problems;

  Operators(TypeChecker checker, Problems problems) {
    this.checker = checker;
    this.problems = problems;
  }

  Typed check(Expr expr) {
    if (expr instanceof Expr.Unary unary) {
      return unary(unary);
    }
    if (expr instanceof Expr.Conditional conditional) {
      return conditional(conditional);
    }
    Expr.Binary binary = (Expr.Binary) expr;
    Typed left = checker.check(binary.left());
    Typed right = checker.check(binary.right());
    if (left == null || right == null) {
      return null;
    }
    String op = binary.operator();
    return switch (op) {
      case "&&", "||" -> logical(op, left, right);
      case "??" -> coalesce(left, right);
      case "==", "!=", "===", "!==" -> equality(op, left, right);
      case "<", "<=", ">", ">=" -> order(op, left, right, binary.offset());
      default -> arithmetic(op, left, right, binary.offset());
    };
  }

  private Typed unary(Expr.Unary unary) {
    String op = unary.operator();
    if (op.equals("-") && unary.operand() instanceof Expr.NumberLiteral n) {
      Typed folded = checker.check(new Expr.NumberLiteral(n.text(), n.offset()));
      CodeBlock negated =
          folded.is(ExprType.INTEGER)
              ? CodeBlock.of("-$L", folded.code())
              : CodeBlock.of("new $T($S)", Conversions.DECIMAL, "-" + n.text());
      Typed literal = Typed.infix(folded.type(), negated, false);
      return folded.small() ? literal.asSmall() : literal;
    }
    Typed operand = checker.check(unary.operand());
    if (operand == null) {
      return null;
    }
    if (op.equals("!")) {
      Typed truth =
          Typed.of(ExprType.BOOLEAN, Conversions.truthy(operand), false)
              .withInfix(operand.infix() && operand.is(ExprType.BOOLEAN));
      return Typed.infix(ExprType.BOOLEAN, CodeBlock.of("!$L", truth.operand()), false);
    }
    if (operand.isNumeric() && op.equals("+")) {
      return operand;
    }
    if (operand.isNumeric()) {
      if (operand.is(ExprType.INTEGER) && operand.small() && !operand.nullable()) {
        return Typed.of(
                ExprType.INTEGER,
                CodeBlock.of("$T.negateExact($L)", Math.class, operand.code()),
                false)
            .asSmall();
      }
      if (operand.is(ExprType.INTEGER) || operand.nullable()) {
        // -Long.MIN_VALUE is beyond a long: integers are negated as exact decimals.
        return Typed.of(
            ExprType.NUMBER, CodeBlock.of("$T.negate($L)", JS, operand.code()), operand.nullable());
      }
      return Typed.of(ExprType.NUMBER, CodeBlock.of("$L.negate()", operand.operand()), false);
    }
    if (operand.isJson() || operand.is(ExprType.STRING) || operand.is(ExprType.NULL)) {
      String method = op.equals("-") ? "negative" : "toNumber";
      return Typed.of(ExprType.NUMBER, CodeBlock.of("$T.$N($L)", JS, method, operand.code()), true);
    }
    problems.report(
        ExprCode.OPERAND_TYPE,
        unary.offset(),
        "cannot apply unary '" + op + "' to " + operand.type().withArticle());
    return null;
  }

  private Typed conditional(Expr.Conditional conditional) {
    Typed condition = checker.check(conditional.condition());
    Typed then = checker.check(conditional.then());
    Typed otherwise = checker.check(conditional.otherwise());
    if (condition == null || then == null || otherwise == null) {
      return null;
    }
    List<Typed> both = Conversions.unify(then, otherwise);
    Typed a = both.get(0);
    Typed b = both.get(1);
    boolean nullable = a.nullable() || b.nullable();
    CodeBlock test =
        Typed.of(ExprType.BOOLEAN, Conversions.truthy(condition), false)
            .withInfix(condition.infix() && condition.is(ExprType.BOOLEAN))
            .operand();
    return Typed.infix(
        a.type(),
        CodeBlock.of("$L ? $L : $L", test, boxed(a, nullable), boxed(b, nullable)),
        nullable);
  }

  /** Keeps Java from unboxing a missing value when the other branch is a primitive. */
  private static CodeBlock boxed(Typed t, boolean anyNullable) {
    boolean primitive = t.is(ExprType.INTEGER) || t.is(ExprType.BOOLEAN);
    if (anyNullable && primitive && !t.nullable()) {
      return CodeBlock.of("$T.valueOf($L)", t.type().javaType(), t.code());
    }
    return t.operand();
  }

  private Typed logical(String op, Typed left, Typed right) {
    if (left.is(ExprType.BOOLEAN)
        && right.is(ExprType.BOOLEAN)
        && !left.nullable()
        && !right.nullable()) {
      return Typed.infix(
          ExprType.BOOLEAN, CodeBlock.of("$L $L $L", left.operand(), op, right.operand()), false);
    }
    List<Typed> both = Conversions.unify(left, right);
    String method = op.equals("&&") ? "and" : "or";
    return Typed.of(
        both.get(0).type(),
        CodeBlock.of("$T.$N($L, $L)", JS, method, both.get(0).code(), both.get(1).code()),
        left.nullable() || right.nullable());
  }

  private Typed coalesce(Typed left, Typed right) {
    List<Typed> both = Conversions.unify(left, right);
    return Typed.of(
        both.get(0).type(),
        CodeBlock.of("$T.coalesce($L, $L)", JS, both.get(0).code(), both.get(1).code()),
        right.nullable());
  }

  private Typed equality(String op, Typed left, Typed right) {
    boolean strict = op.length() == 3;
    boolean negated = op.startsWith("!");
    boolean sameSimple =
        left.type().equals(right.type())
            && (left.is(ExprType.STRING) || left.is(ExprType.INTEGER) || left.is(ExprType.BOOLEAN));
    CodeBlock test =
        sameSimple
            ? CodeBlock.of("$T.equals($L, $L)", OBJECTS, left.code(), right.code())
            : CodeBlock.of(
                "$T.$N($L, $L)",
                JS,
                strict ? "strictEquals" : "looseEquals",
                left.code(),
                right.code());
    return negated
        ? Typed.infix(ExprType.BOOLEAN, CodeBlock.of("!$L", test), false)
        : Typed.of(ExprType.BOOLEAN, test, false);
  }

  private Typed order(String op, Typed left, Typed right, int offset) {
    if (!orderable(left) || !orderable(right)) {
      return operandError(op, left, right, offset);
    }
    boolean present = !left.nullable() && !right.nullable();
    if (present && left.is(ExprType.INTEGER) && right.is(ExprType.INTEGER)) {
      return Typed.infix(
          ExprType.BOOLEAN, CodeBlock.of("$L $L $L", left.operand(), op, right.operand()), false);
    }
    boolean decimals = left.isNumeric() && right.isNumeric();
    boolean strings = left.is(ExprType.STRING) && right.is(ExprType.STRING);
    if (present && (decimals || strings)) {
      Typed a = decimals ? Conversions.toDecimal(left) : left;
      Typed b = decimals ? Conversions.toDecimal(right) : right;
      return Typed.infix(
          ExprType.BOOLEAN,
          CodeBlock.of("$L.compareTo($L) $L 0", a.operand(), b.code(), op),
          false);
    }
    return Typed.of(
        ExprType.BOOLEAN,
        CodeBlock.of("$T.$N($L, $L)", JS, ORDER.get(op), left.code(), right.code()),
        false);
  }

  private static boolean orderable(Typed t) {
    return t.isNumeric()
        || t.is(ExprType.STRING)
        || t.is(ExprType.NULL)
        || t.type() instanceof ExprType.DynamicType;
  }

  private Typed arithmetic(String op, Typed left, Typed right, int offset) {
    if (op.equals("+") && (left.is(ExprType.STRING) || right.is(ExprType.STRING))) {
      return Typed.infix(
          ExprType.STRING,
          CodeBlock.of(
              "$L + $L", Conversions.asConcatenated(left), Conversions.asConcatenated(right)),
          false);
    }
    if (left.isNumeric() && right.isNumeric()) {
      return numeric(op, left, right);
    }
    boolean dynamic =
        left.type() instanceof ExprType.DynamicType || right.type() instanceof ExprType.DynamicType;
    if (dynamic && arithmeticOperand(left) && arithmeticOperand(right)) {
      ExprType result = op.equals("+") ? ExprType.DYNAMIC : ExprType.NUMBER;
      return Typed.of(
          result,
          CodeBlock.of("$T.$N($L, $L)", JS, DYNAMIC.get(op), left.code(), right.code()),
          true);
    }
    return operandError(op, left, right, offset);
  }

  private static boolean arithmeticOperand(Typed t) {
    return t.isNumeric() || t.is(ExprType.NULL) || t.type() instanceof ExprType.DynamicType;
  }

  private Typed numeric(String op, Typed left, Typed right) {
    boolean nullable = left.nullable() || right.nullable();
    if (op.equals("/")) {
      Typed a = Conversions.toDecimal(left);
      Typed b = Conversions.toDecimal(right);
      return Typed.of(
          ExprType.NUMBER, CodeBlock.of("$T.divide($L, $L)", JS, a.code(), b.code()), true);
    }
    boolean integers = left.is(ExprType.INTEGER) && right.is(ExprType.INTEGER);
    if (integers && left.small() && right.small() && !nullable && !op.equals("%")) {
      // Two ints: the exact long result cannot overflow.
      return Typed.of(
          ExprType.INTEGER,
          CodeBlock.of("$T.$N($L, $L)", Math.class, EXACT.get(op), left.code(), right.code()),
          false);
    }
    if (integers) {
      // '+ - *' may leave the range of a long: Js promotes the result to an exact decimal.
      // '%' cannot, but a zero divisor makes it missing (JavaScript's NaN).
      ExprType type = op.equals("%") ? ExprType.INTEGER : ExprType.NUMBER;
      return Typed.of(
          type,
          CodeBlock.of("$T.$N($L, $L)", JS, NULLABLE.get(op), left.code(), right.code()),
          nullable || op.equals("%"));
    }
    Typed a = Conversions.toDecimal(left);
    Typed b = Conversions.toDecimal(right);
    // Js keeps sums of far-apart magnitudes bounded, and answers null where a product leaves the
    // range of a decimal or a divisor is zero (JavaScript's Infinity and NaN).
    boolean missing = nullable || op.equals("*") || op.equals("%");
    return Typed.of(
        ExprType.NUMBER,
        CodeBlock.of("$T.$N($L, $L)", JS, NULLABLE.get(op), a.code(), b.code()),
        missing);
  }

  private Typed operandError(String op, Typed left, Typed right, int offset) {
    String hint =
        left.is(ExprType.STRING) || right.is(ExprType.STRING)
            ? "only '+' works on strings, and joins them"
            : null;
    problems.report(
        ExprCode.OPERAND_TYPE,
        offset,
        "cannot apply '"
            + op
            + "' to "
            + left.type().withArticle()
            + " and "
            + right.type().withArticle(),
        hint);
    return null;
  }
}

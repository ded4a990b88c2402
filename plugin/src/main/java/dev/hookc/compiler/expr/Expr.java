package dev.hookc.compiler.expr;

import java.util.List;

/**
 * The syntax tree of an expression. Every node keeps the offset in the expression's source that a
 * problem with it is reported at: its first character, or for operators and members the operator or
 * the member's name.
 */
sealed interface Expr {

  /** Where a problem with this node is reported. */
  int offset();

  /** A number as written: {@code 42}, {@code 3.5}, {@code 1e3}. */
  record NumberLiteral(String text, int offset) implements Expr {}

  /** A string, its escapes already resolved. */
  record StringLiteral(String value, int offset) implements Expr {}

  /** {@code true} or {@code false}. */
  record BooleanLiteral(boolean value, int offset) implements Expr {}

  /** {@code null} (and {@code undefined}, which means the same). */
  record NullLiteral(int offset) implements Expr {}

  /** {@code [a, b]}. */
  record ArrayLiteral(List<Expr> items, int offset) implements Expr {
    public ArrayLiteral {
      items = List.copyOf(items);
    }
  }

  /** {@code {key: value, 'other-key': value}}. */
  record ObjectLiteral(List<Property> properties, int offset) implements Expr {
    public ObjectLiteral {
      properties = List.copyOf(properties);
    }
  }

  /** One {@code key: value} of an object literal. */
  record Property(String key, int keyOffset, Expr value) {}

  /** A root name: {@code inputs}, {@code config}, a task id. */
  record Name(String name, int offset) implements Expr {}

  /** {@code target.name} or {@code target?.name}; {@code offset} is the name's. */
  record Member(Expr target, String name, boolean optional, int offset) implements Expr {}

  /** {@code target[index]} or {@code target?.[index]}; {@code offset} is the bracket's. */
  record Index(Expr target, Expr index, boolean optional, int offset) implements Expr {}

  /** {@code callee(args)}; {@code offset} is the opening parenthesis. */
  record Call(Expr callee, List<Expr> arguments, int offset) implements Expr {
    public Call {
      arguments = List.copyOf(arguments);
    }
  }

  /** {@code !operand}, {@code -operand} or {@code +operand}; {@code offset} is the operator's. */
  record Unary(String operator, Expr operand, int offset) implements Expr {}

  /** {@code left op right}; {@code offset} is the operator's. */
  record Binary(String operator, Expr left, Expr right, int offset) implements Expr {}

  /** {@code condition ? then : otherwise}; {@code offset} is the {@code ?}. */
  record Conditional(Expr condition, Expr then, Expr otherwise, int offset) implements Expr {}
}

package dev.hookc.compiler.expr;

/** Where the expression stages report, by character offset in the expression's source. */
@FunctionalInterface
interface Problems {

  /** Reports a problem at {@code offset}; {@code hint} may be null. */
  void report(ExprCode code, int offset, String message, String hint);

  default void report(ExprCode code, int offset, String message) {
    report(code, offset, message, null);
  }
}

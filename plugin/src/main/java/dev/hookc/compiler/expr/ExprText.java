package dev.hookc.compiler.expr;

import java.util.Optional;

/**
 * The text of a property path such as {@code inputs.body.data}, as a hint quotes it back to the
 * user; empty for anything else (a call, an operator), which a hint then does not quote.
 */
final class ExprText {
  private ExprText() {}

  static Optional<String> of(Expr expr) {
    if (expr instanceof Expr.Name name) {
      return Optional.of(name.name());
    }
    if (expr instanceof Expr.Member member) {
      return of(member.target()).map(t -> t + (member.optional() ? "?." : ".") + member.name());
    }
    if (expr instanceof Expr.Index index) {
      String open = index.optional() ? "?.[" : "[";
      if (index.index() instanceof Expr.StringLiteral key && !key.value().contains("'")) {
        return of(index.target()).map(t -> t + open + "'" + key.value() + "']");
      }
      if (index.index() instanceof Expr.NumberLiteral number) {
        return of(index.target()).map(t -> t + open + number.text() + "]");
      }
    }
    return Optional.empty();
  }
}

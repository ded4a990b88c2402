package dev.hookc.compiler.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A recursive-descent parser for one expression, with JavaScript's precedence:
 *
 * <pre>
 * expression     = conditional
 * conditional    = coalesce [ "?" expression ":" expression ]
 * coalesce       = or { "??" or }
 * or             = and { "||" and }
 * and            = equality { "&amp;&amp;" equality }
 * equality       = relational { ( "==" | "!=" | "===" | "!==" ) relational }
 * relational     = additive { ( "&lt;" | "&lt;=" | "&gt;" | "&gt;=" ) additive }
 * additive       = multiplicative { ( "+" | "-" ) multiplicative }
 * multiplicative = unary { ( "*" | "/" | "%" ) unary }
 * unary          = ( "!" | "-" | "+" ) unary | postfix
 * postfix        = primary { "." name | "?." name | "[" expression "]" | "?.[" expression "]"
 *                          | "(" [ expression { "," expression } ] ")" }
 * primary        = number | string | "true" | "false" | "null" | "undefined" | name
 *                | "(" expression ")" | array | object
 * array          = "[" [ expression { "," expression } [ "," ] ] "]"
 * object         = "{" [ property { "," property } [ "," ] ] "}"
 * property       = ( name | string | number ) ":" expression
 * </pre>
 *
 * <p>Keywords of JavaScript statements and functions ({@code new}, {@code function}, {@code let},
 * {@code typeof}, ...) are reported as unsupported where an operand is expected. The first problem
 * ends the parse: later errors in the same expression would mostly be echoes of it.
 */
final class Parser {
  private static final Map<String, String> KEYWORDS =
      Map.ofEntries(
          Map.entry("new", "'new' is not supported: expressions cannot create objects"),
          Map.entry("function", "functions are not supported in expressions"),
          Map.entry("class", "classes are not supported in expressions"),
          Map.entry(
              "this", "'this' is not supported; start from inputs, outputs, config or a task"),
          Map.entry("typeof", "'typeof' is not supported"),
          Map.entry("instanceof", "'instanceof' is not supported"),
          Map.entry("in", "the 'in' operator is not supported"),
          Map.entry("delete", "'delete' is not supported: expressions cannot change values"),
          Map.entry("void", "'void' is not supported"),
          Map.entry("await", "'await' is not supported"),
          Map.entry("yield", "'yield' is not supported"),
          Map.entry("var", "declarations ('var') are not supported in expressions"),
          Map.entry("let", "declarations ('let') are not supported in expressions"),
          Map.entry("const", "declarations ('const') are not supported in expressions"),
          Map.entry("return", "'return' is not supported: an expression is its own value"),
          Map.entry("if", "'if' is not supported; use 'condition ? a : b'"),
          Map.entry("for", "loops are not supported in expressions"),
          Map.entry("while", "loops are not supported in expressions"));

  private static final Set<String> EQUALITY = Set.of("==", "!=", "===", "!==");
  private static final Set<String> RELATIONAL = Set.of("<", "<=", ">", ">=");

  private final List<Token> tokens;
  private final Problems problems;
  private int index;

  /** Thrown to unwind after the first reported problem. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop() {
      super(null, null, false, false);
    }
  }

  private Parser(List<Token> tokens, Problems problems) {
    this.tokens = tokens;
    this.problems = problems;
  }

  /** The syntax tree of {@code source}, or empty when a problem was reported. */
  static Optional<Expr> parse(String source, Problems problems) {
    Optional<List<Token>> tokens = Tokenizer.tokenize(source, problems);
    if (tokens.isEmpty()) {
      return Optional.empty();
    }
    if (tokens.get().size() == 1) {
      problems.report(ExprCode.EMPTY_EXPRESSION, 0, "empty expression");
      return Optional.empty();
    }
    Parser parser = new Parser(tokens.get(), problems);
    try {
      Expr expr = parser.expression();
      parser.expectEnd();
      return Optional.of(expr);
    } catch (Stop stop) {
      return Optional.empty();
    }
  }

  private Expr expression() {
    Expr condition = coalesce();
    if (peek().is("?")) {
      int at = advance().offset();
      Expr then = expression();
      expect(":", "':' of the conditional expression");
      Expr otherwise = expression();
      return new Expr.Conditional(condition, then, otherwise, at);
    }
    return condition;
  }

  private Expr coalesce() {
    Expr left = or();
    while (peek().is("??")) {
      int at = advance().offset();
      left = new Expr.Binary("??", left, or(), at);
    }
    return left;
  }

  private Expr or() {
    Expr left = and();
    while (peek().is("||")) {
      int at = advance().offset();
      left = new Expr.Binary("||", left, and(), at);
    }
    return left;
  }

  private Expr and() {
    Expr left = equality();
    while (peek().is("&&")) {
      int at = advance().offset();
      left = new Expr.Binary("&&", left, equality(), at);
    }
    return left;
  }

  private Expr equality() {
    Expr left = relational();
    while (peek().kind() == Token.Kind.PUNCT && EQUALITY.contains(peek().text())) {
      Token op = advance();
      left = new Expr.Binary(op.text(), left, relational(), op.offset());
    }
    return left;
  }

  private Expr relational() {
    Expr left = additive();
    while (peek().kind() == Token.Kind.PUNCT && RELATIONAL.contains(peek().text())) {
      Token op = advance();
      left = new Expr.Binary(op.text(), left, additive(), op.offset());
    }
    return left;
  }

  private Expr additive() {
    Expr left = multiplicative();
    while (peek().is("+") || peek().is("-")) {
      Token op = advance();
      left = new Expr.Binary(op.text(), left, multiplicative(), op.offset());
    }
    return left;
  }

  private Expr multiplicative() {
    Expr left = unary();
    while (peek().is("*") || peek().is("/") || peek().is("%")) {
      Token op = advance();
      left = new Expr.Binary(op.text(), left, unary(), op.offset());
    }
    return left;
  }

  private Expr unary() {
    if (peek().is("!") || peek().is("-") || peek().is("+")) {
      Token op = advance();
      return new Expr.Unary(op.text(), unary(), op.offset());
    }
    return postfix(primary());
  }

  private Expr postfix(Expr expr) {
    while (true) {
      Token t = peek();
      if (t.is(".") || t.is("?.")) {
        advance();
        boolean optional = t.is("?.");
        if (optional && peek().is("[")) {
          int at = advance().offset();
          expr = new Expr.Index(expr, expression(), true, at);
          expect("]", "']'");
        } else if (optional && peek().is("(")) {
          expr = call(expr);
        } else {
          Token name = expectName();
          expr = new Expr.Member(expr, name.text(), optional, name.offset());
        }
      } else if (t.is("[")) {
        advance();
        expr = new Expr.Index(expr, expression(), false, t.offset());
        expect("]", "']'");
      } else if (t.is("(")) {
        expr = call(expr);
      } else {
        return expr;
      }
    }
  }

  private Expr call(Expr callee) {
    int at = advance().offset();
    List<Expr> arguments = new ArrayList<>();
    if (!peek().is(")")) {
      do {
        arguments.add(expression());
      } while (accept(","));
    }
    expect(")", "')' or ','");
    return new Expr.Call(callee, arguments, at);
  }

  private Expr primary() {
    Token t = advance();
    switch (t.kind()) {
      case NUMBER:
        return new Expr.NumberLiteral(t.text(), t.offset());
      case STRING:
        return new Expr.StringLiteral(t.text(), t.offset());
      case IDENTIFIER:
        return word(t);
      default:
        break;
    }
    if (t.is("(")) {
      Expr inner = expression();
      expect(")", "')'");
      return inner;
    }
    if (t.is("[")) {
      return array(t);
    }
    if (t.is("{")) {
      return object(t);
    }
    throw fail(ExprCode.SYNTAX, t, "expected a value but found " + t.describe());
  }

  private Expr word(Token t) {
    String why = KEYWORDS.get(t.text());
    if (why != null) {
      throw fail(ExprCode.UNSUPPORTED_SYNTAX, t, why);
    }
    if (peek().is("=>")) {
      throw fail(ExprCode.UNSUPPORTED_SYNTAX, peek(), "arrow functions ('=>') are not supported");
    }
    return switch (t.text()) {
      case "true" -> new Expr.BooleanLiteral(true, t.offset());
      case "false" -> new Expr.BooleanLiteral(false, t.offset());
      case "null", "undefined" -> new Expr.NullLiteral(t.offset());
      default -> new Expr.Name(t.text(), t.offset());
    };
  }

  private Expr array(Token open) {
    List<Expr> items = new ArrayList<>();
    while (!peek().is("]")) {
      items.add(expression());
      if (!accept(",")) {
        break;
      }
    }
    expect("]", "']' or ','");
    return new Expr.ArrayLiteral(items, open.offset());
  }

  private Expr object(Token open) {
    List<Expr.Property> properties = new ArrayList<>();
    while (!peek().is("}")) {
      Token key = advance();
      if (key.kind() == Token.Kind.END || key.kind() == Token.Kind.PUNCT) {
        throw fail(ExprCode.SYNTAX, key, "expected a property name but found " + key.describe());
      }
      expect(":", "':' after the property name");
      properties.add(new Expr.Property(key.text(), key.offset(), expression()));
      if (!accept(",")) {
        break;
      }
    }
    expect("}", "'}' or ','");
    return new Expr.ObjectLiteral(properties, open.offset());
  }

  private Token expectName() {
    Token t = advance();
    if (t.kind() != Token.Kind.IDENTIFIER) {
      throw fail(ExprCode.SYNTAX, t, "expected a property name but found " + t.describe());
    }
    return t;
  }

  private void expect(String punct, String what) {
    Token t = advance();
    if (!t.is(punct)) {
      throw fail(ExprCode.SYNTAX, t, "expected " + what + " but found " + t.describe());
    }
  }

  private void expectEnd() {
    Token t = peek();
    if (t.kind() != Token.Kind.END) {
      String why = t.is(",") ? "; only one expression is allowed" : "";
      throw fail(ExprCode.SYNTAX, t, "unexpected " + t.describe() + why);
    }
  }

  private boolean accept(String punct) {
    if (peek().is(punct)) {
      index++;
      return true;
    }
    return false;
  }

  private Token peek() {
    return tokens.get(index);
  }

  private Token advance() {
    Token t = tokens.get(index);
    if (t.kind() != Token.Kind.END) {
      index++;
    }
    return t;
  }

  private Stop fail(ExprCode code, Token at, String message) {
    problems.report(code, at.offset(), message);
    return new Stop();
  }
}

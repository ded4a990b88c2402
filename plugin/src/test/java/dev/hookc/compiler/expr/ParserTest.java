package dev.hookc.compiler.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParserTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '#',
      quoteCharacter = '"',
      textBlock =
          """
          1 + 2 * 3                  # (1 + (2 * 3))
          (1 + 2) * 3                # ((1 + 2) * 3)
          1 - 2 - 3                  # ((1 - 2) - 3)
          8 / 4 % 3                  # ((8 / 4) % 3)
          -a.b                       # (-a.b)
          !a && b || c               # (((!a) && b) || c)
          a || b && c                # (a || (b && c))
          a ?? b || c                # (a ?? (b || c))
          a < b == c >= d            # ((a < b) == (c >= d))
          a === b !== c              # ((a === b) !== c)
          a != b                     # (a != b)
          a <= b                     # (a <= b)
          a > b                      # (a > b)
          a ? b : c ? d : e          # (a ? b : (a2 ? d : e))
          a?.b?.[0]                  # a?.b?.[0]
          a['b-c'][0]                # a['b-c'][0]
          s.slice(1, -1)             # s.slice(1, (-1))
          [1, 'x', null, true,]      # [1, 'x', null, true]
          {a: 1, 'b-c': [2]}         # {a: 1, 'b-c': [2]}
          """)
  void parsesWithJavaScriptPrecedence(String source, String expected) {
    String tree = show(parse(source));
    assertThat(tree).isEqualTo(expected.replace("a2", "c"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '#',
      quoteCharacter = '"',
      textBlock =
          """
          a + b     # 2
          a.b.c     # 4
          a[0]      # 1
          f(x)      # 1
          a ? b : c # 2
          """)
  void placesOperatorsAtTheirOwnOffset(String source, int offset) {
    assertThat(parse(source).offset()).isEqualTo(offset);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '#',
      quoteCharacter = '"',
      textBlock =
          """
          a +         # HC4005 # 3
          a b         # HC4005 # 2
          a, b        # HC4005 # 1
          (a          # HC4005 # 2
          a ? b       # HC4005 # 5
          {a 1}       # HC4005 # 3
          a += 1      # HC4006 # 2
          a >>= 1     # HC4006 # 2
          a & b       # HC4006 # 2
          typeof a    # HC4006 # 0
          function(){} # HC4006 # 0
          'abc        # HC4004 # 0
          '\\u12'     # HC4005 # 1
          """)
  void reportsTheFirstProblemAtItsOffset(String source, String code, int offset) {
    List<String> problems = new ArrayList<>();
    assertThat(Parser.parse(source, (c, at, m, h) -> problems.add(c.id() + "@" + at))).isEmpty();
    assertThat(problems).containsExactly(code + "@" + offset);
  }

  private static Expr parse(String source) {
    List<String> problems = new ArrayList<>();
    Expr expr = Parser.parse(source, (c, at, m, h) -> problems.add(m)).orElse(null);
    assertThat(problems).isEmpty();
    return expr;
  }

  private static String show(Expr e) {
    if (e instanceof Expr.NumberLiteral n) {
      return n.text();
    }
    if (e instanceof Expr.StringLiteral s) {
      return "'" + s.value().replace("\n", "\\n") + "'";
    }
    if (e instanceof Expr.BooleanLiteral b) {
      return String.valueOf(b.value());
    }
    if (e instanceof Expr.NullLiteral) {
      return "null";
    }
    if (e instanceof Expr.Name n) {
      return n.name();
    }
    if (e instanceof Expr.Member m) {
      return show(m.target()) + (m.optional() ? "?." : ".") + m.name();
    }
    if (e instanceof Expr.Index i) {
      return show(i.target()) + (i.optional() ? "?." : "") + "[" + show(i.index()) + "]";
    }
    if (e instanceof Expr.Call c) {
      return show(c.callee()) + "(" + join(c.arguments()) + ")";
    }
    if (e instanceof Expr.Unary u) {
      return "(" + u.operator() + show(u.operand()) + ")";
    }
    if (e instanceof Expr.Binary b) {
      return "(" + show(b.left()) + " " + b.operator() + " " + show(b.right()) + ")";
    }
    if (e instanceof Expr.Conditional c) {
      return "(" + show(c.condition()) + " ? " + show(c.then()) + " : " + show(c.otherwise()) + ")";
    }
    if (e instanceof Expr.ArrayLiteral a) {
      return "[" + join(a.items()) + "]";
    }
    Expr.ObjectLiteral o = (Expr.ObjectLiteral) e;
    return "{"
        + o.properties().stream()
            .map(
                p ->
                    (p.key().matches("\\w+") ? p.key() : "'" + p.key() + "'")
                        + ": "
                        + show(p.value()))
            .collect(Collectors.joining(", "))
        + "}";
  }

  private static String join(List<Expr> items) {
    return items.stream().map(ParserTest::show).collect(Collectors.joining(", "));
  }
}

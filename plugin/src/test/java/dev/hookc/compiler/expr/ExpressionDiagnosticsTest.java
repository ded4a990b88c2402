package dev.hookc.compiler.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.diag.Diagnostic;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlReader;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each mistake gives its own code at the line and column of the offending token, read from a real
 * YAML file: the expression sits on line 2, after {@code " value: "} (the value starts at column
 * 10).
 */
class ExpressionDiagnosticsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          order <% inputs.body.name                  | HC4001 | 16
          <%   %>                                    | HC4002 | 10
          <% inputs.body.name § 1 %>                 | HC4003 | 30
          <% 'unclosed %>                            | HC4004 | 13
          <% inputs.body. %>                         | HC4005 | 26
          <% (1 + %>                                 | HC4005 | 18
          <% inputs.body.name = 'x' %>               | HC4006 | 30
          <% x => x %>                               | HC4006 | 15
          <% new Date() %>                           | HC4006 | 13
          <% a; b %>                                 | HC4006 | 14
          <% `hi` %>                                 | HC4006 | 13
          <% inputs.body.amount++ %>                 | HC4006 | 31
          <% inptus.body %>                          | HC4007 | 13
          <% notify.data %>                          | HC4008 | 13
          <% inputs.body.nmae %>                     | HC4009 | 25
          <% fetch.cod %>                            | HC4009 | 19
          <% inputs.body.tags.size %>                | HC4009 | 30
          <% inputs.body.amount.length %>            | HC4010 | 32
          <% inputs.body.paid.x %>                   | HC4010 | 30
          <% inputs.body.name.toUppercase() %>       | HC4011 | 30
          <% inputs.body.amount.toFixed(2) %>        | HC4011 | 32
          <% inputs.query.frobnicate() %>            | HC4011 | 26
          <% parseInt('5') %>                        | HC4012 | 13
          <% inputs.body.name.startsWith() %>        | HC4013 | 40
          <% inputs.body.name.includes(5) %>         | HC4014 | 39
          <% inputs.body + 1 %>                      | HC4015 | 25
          <% inputs.body.paid * 2 %>                 | HC4015 | 30
          <% inputs.body.name - 1 %>                 | HC4015 | 30
          <% -inputs.body.tags %>                    | HC4015 | 13
          <% inputs.body.tags[true] %>               | HC4016 | 30
          <% {a: 1, a: 2} %>                         | HC4017 | 20
          <% 12abc %>                                | HC4018 | 13
          """)
  void reportsCodeLineAndColumn(String expression, String code, int column) {
    List<Diagnostic> reported = compile(expression);
    assertThat(reported).hasSize(1);
    Diagnostic d = reported.get(0);
    assertThat(d.code().id()).as(d.format()).isEqualTo(code);
    assertThat(d.location().line()).as(d.format()).isEqualTo(2);
    assertThat(d.location().column()).as(d.format()).isEqualTo(column);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          <% inptus.body %>      | did you mean 'inputs'?
          <% inputs.body.nmae %> | did you mean 'name'?
          <% notify.data %>      | 'notify' runs after this task; move the expression below it
          """)
  void hintsAtTheFix(String expression, String hint) {
    assertThat(compile(expression).get(0).hint()).contains(hint);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          <% inputs.body.nmae + inptus.x %>
          <% a %> and <% b %>
          """)
  void reportsEveryMistakeOfAValue(String expression) {
    assertThat(compile(expression)).hasSize(2);
  }

  private static List<Diagnostic> compile(String expression) {
    Diagnostics diagnostics = new Diagnostics();
    String yaml = "id: t\nvalue:  " + quote(expression) + "\n";
    YamlMapping root = new YamlReader(diagnostics).read("t.yaml", yaml).orElseThrow();
    assertThat(diagnostics.sorted()).isEmpty();
    new ExpressionCompiler(diagnostics).compile(root.get("value").orElseThrow(), new TestScope());
    return diagnostics.sorted();
  }

  /** Double-quoted, so that '#' and ':' stay in the value; no escapes, so columns map exactly. */
  private static String quote(String expression) {
    return "\"" + expression + "\"";
  }
}

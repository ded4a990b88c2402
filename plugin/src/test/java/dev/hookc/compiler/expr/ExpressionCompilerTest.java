package dev.hookc.compiler.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.yaml.ScalarType;
import dev.hookc.compiler.yaml.YamlScalar;
import dev.hookc.runtime.internal.expr.Js;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionCompilerTest {

  /** Expression to the JSON of its value, for a request where inputs.body is Ada's order. */
  private static final Map<String, String> VALUES = new LinkedHashMap<>();

  static {
    VALUES.put("<% inputs.body.name %>", "\"Ada\"");
    VALUES.put("<% inputs.body.amount %>", "42");
    VALUES.put("<% inputs.body.amount + 1 %>", "43");
    VALUES.put("<% inputs.body.price * 2 %>", "19");
    VALUES.put("<% inputs.body.amount / 8 %>", "5.25");
    VALUES.put("<% 7 / 2 %>", "3.5");
    VALUES.put("<% 7 % 3 %>", "1");
    VALUES.put("<% -inputs.body.amount %>", "-42");
    VALUES.put("<% 'order ' + inputs.body.amount %>", "\"order 42\"");
    VALUES.put(
        "order <% inputs.body.name %> paid: <% inputs.body.paid %>", "\"order Ada paid: true\"");
    VALUES.put("<% inputs.body.name %>!", "\"Ada!\"");
    VALUES.put("<% inputs.body.amount %><% inputs.body.amount %>", "\"4242\"");
    VALUES.put("name: <% blank.body.name %>", "\"name: null\"");
    VALUES.put("<% blank.body.amount + 1 %>", "null");
    VALUES.put("<% blank.body.name.length %>", "null");
    VALUES.put("<% blank.body.name ?? 'anonymous' %>", "\"anonymous\"");
    VALUES.put("<% blank.body.name || 'anonymous' %>", "\"anonymous\"");
    VALUES.put("<% inputs.body.name && inputs.body.amount %>", "42");
    VALUES.put("<% inputs.body.paid ? 'yes' : 'no' %>", "\"yes\"");
    VALUES.put("<% blank.body.paid ? 1 : blank.body.amount %>", "null");
    VALUES.put("<% inputs.body.amount > 40 && inputs.body.price <= 9.5 %>", "true");
    VALUES.put("<% inputs.body.status === 'paid' %>", "true");
    VALUES.put("<% inputs.body.amount == '42' %>", "true");
    VALUES.put("<% inputs.body.amount === 42.0 %>", "true");
    VALUES.put("<% inputs.body.tags.length %>", "2");
    VALUES.put("<% inputs.body.tags[1] %>", "\"new\"");
    VALUES.put("<% inputs.body.tags[5] %>", "null");
    VALUES.put("<% inputs.body.tags.includes('vip') %>", "true");
    VALUES.put("<% inputs.body.tags.join('|') %>", "\"vip|new\"");
    VALUES.put("<% inputs.body.name.toUpperCase().slice(-2) %>", "\"DA\"");
    VALUES.put("<% inputs.body['name'] %>", "\"Ada\"");
    VALUES.put("<% inputs.query.page %>", "\"2\"");
    VALUES.put("<% inputs.query.limit * 2 %>", "20");
    VALUES.put("<% inputs.query.page + 1 %>", "\"21\"");
    VALUES.put("<% inputs.query.missing.deeper?.still %>", "null");
    VALUES.put("<% inputs.query.ids[1] %>", "8");
    VALUES.put("<% inputs.query.ids.length %>", "2");
    VALUES.put("<% inputs.query.ids.includes(7) %>", "true");
    VALUES.put("<% inputs.query.page.startsWith('2') %>", "true");
    VALUES.put("<% config.rates[config.currency] %>", "1.5");
    VALUES.put("<% config.max > inputs.body.amount %>", "true");
    VALUES.put("<% fetch.code %>", "200");
    VALUES.put("<% fetch.code + 1 %>", "201");
    VALUES.put("<% fetch.data.id %>", "\"p_1\"");
    VALUES.put("<% {id: fetch.data.id, n: [1, 2.5]} %>", "{\"id\":\"p_1\",\"n\":[1,2.5]}");
    VALUES.put("<% {a: {b: 'deep'}}.a.b %>", "\"deep\"");
    VALUES.put("<% [inputs.body.name, inputs.body.amount] %>", "[\"Ada\",42]");
    VALUES.put("<% 'a-b-c'.split('-') %>", "[\"a\",\"b\",\"c\"]");
    VALUES.put("<% 'it\\'s \\u00e9\\n' + \"%>\" %>", "\"it's \u00e9\\n%>\"");
    VALUES.put("<% 9223372036854775807 %>", "9223372036854775807");
  }

  @Test
  void evaluatesExpressionsWithJavaScriptResults() throws Exception {
    List<String> expressions = new ArrayList<>(VALUES.keySet());
    List<Object> results = Evaluator.evaluate(expressions, false);
    for (int i = 0; i < expressions.size(); i++) {
      assertThat(Js.node(results.get(i)).toString())
          .as(expressions.get(i))
          .isEqualTo(VALUES.get(expressions.get(i)));
    }
  }

  @Test
  void integerArithmeticBeyondALongPromotesToAnExactNumber() throws Exception {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("<% 9223372036854775807 + 1 %>", "9223372036854775808");
    values.put("<% -9223372036854775807 - 2 %>", "-9223372036854775809");
    values.put("<% 9223372036854775807 - -1 %>", "9223372036854775808");
    values.put(
        "<% 9223372036854775807 * 9223372036854775807 %>",
        "85070591730234615847396907784232501249");
    values.put("<% -(-9223372036854775807 - 1) %>", "9223372036854775808");
    values.put("<% inputs.body.amount * 9223372036854775807 %>", "387381625547900583894");
    values.put("<% -9223372036854775807 % -1 %>", "0");
    values.put("<% 2147483647 * 2147483647 %>", "4611686014132420609");
    values.put("<% 'next ' + (9223372036854775807 + 1) %>", "\"next 9223372036854775808\"");
    values.put("<% 9223372036854775807 + 1 > 9223372036854775807 %>", "true");
    values.put("<% inputs.body.tags[inputs.body.amount - 41] %>", "\"new\"");
    values.put("<% inputs.body.tags[inputs.body.amount / 42] %>", "\"new\"");
    values.put("<% inputs.body.tags[inputs.body.amount / 84] %>", "null");
    values.put("<% inputs.body.name.slice(inputs.body.amount - 41) %>", "\"da\"");
    values.put("<% inputs.body.name.slice(inputs.body.amount / 28) %>", "\"da\"");
    values.put("<% inputs.body.price * 1e1500000000 * 1e1500000000 %>", "null");
    values.put("<% 1e-999999999 + 1 %>", "1");
    values.put("<% 1e999999999 % 7 %>", "6");
    values.put("<% 'n' + 1e999999999 %>", "\"n1e+999999999\"");
    List<String> expressions = new ArrayList<>(values.keySet());
    List<Object> results = Evaluator.evaluate(expressions, false);
    for (int i = 0; i < expressions.size(); i++) {
      assertThat(Js.node(results.get(i)).toString())
          .as(expressions.get(i))
          .isEqualTo(values.get(expressions.get(i)));
    }
  }

  @Test
  void typesIntegerArithmeticAsANumberUnlessItCannotLeaveTheRangeOfALong() {
    assertThat(compile("<% 1 + 2 %>").type()).isEqualTo(ExprType.INTEGER);
    assertThat(compile("<% 'abc'.length - 1 %>").type()).isEqualTo(ExprType.INTEGER);
    assertThat(compile("<% inputs.body.tags.length - 1 %>").type()).isEqualTo(ExprType.NUMBER);
    assertThat(compile("<% inputs.body.amount + 1 %>").type()).isEqualTo(ExprType.NUMBER);
    assertThat(compile("<% 9223372036854775807 + 1 %>").type()).isEqualTo(ExprType.NUMBER);
    assertThat(compile("<% -inputs.body.amount %>").type()).isEqualTo(ExprType.NUMBER);
    assertThat(compile("<% inputs.body.amount % 7 %>").type()).isEqualTo(ExprType.INTEGER);
  }

  @Test
  void conditionsFollowJavaScriptTruthiness() throws Exception {
    Map<String, Boolean> conditions = new LinkedHashMap<>();
    conditions.put("<% inputs.body.name %>", true);
    conditions.put("<% blank.body.name %>", false);
    conditions.put("<% '' %>", false);
    conditions.put("<% 0 %>", false);
    conditions.put("<% inputs.query %>", true);
    conditions.put("<% inputs.query.q %>", false);
    conditions.put("<% !inputs.body.paid %>", false);
    conditions.put("<% inputs.body.amount > 10 || blank.body.paid %>", true);
    List<String> expressions = new ArrayList<>(conditions.keySet());
    List<Object> results = Evaluator.evaluate(expressions, true);
    for (int i = 0; i < expressions.size(); i++) {
      assertThat(results.get(i))
          .as(expressions.get(i))
          .isEqualTo(conditions.get(expressions.get(i)));
    }
  }

  @Test
  void emitsPlainJavaForKnownTypes() {
    assertThat(code("<% inputs.body.name %>")).isEqualTo("inputs.body().getName()");
    assertThat(code("<% 1 + 2 %>")).isEqualTo("java.lang.Math.addExact(1L, 2L)");
    assertThat(code("<% 'a' + 'b' %>")).isEqualTo("\"a\" + \"b\"");
    assertThat(code("<% inputs.body.amount + 1 %>"))
        .isEqualTo("dev.hookc.runtime.internal.expr.Js.add(inputs.body().getAmount(), 1L)");
    assertThat(code("<% inputs.query.page %>"))
        .isEqualTo("dev.hookc.runtime.internal.expr.Js.member(inputs.query(), \"page\")");
    assertThat(code("<% 2 > 1 %>")).isEqualTo("2L > 1L");
  }

  @Test
  void keepsTheTypeOfOneWholeExpression() {
    assertThat(compile("<% inputs.body.amount %>").type()).isEqualTo(ExprType.INTEGER);
    assertThat(compile("  <% inputs.body.price %> ").type()).isEqualTo(ExprType.NUMBER);
    assertThat(compile("id <% inputs.body.amount %>").type()).isEqualTo(ExprType.STRING);
    assertThat(compile("<% fetch.code %>").referencedRoots()).containsExactly("fetch");
  }

  @Test
  void compilesScalarsWithoutExpressionsAsConstantsOfTheirYamlType() {
    Location at = new Location("t.yaml", 1, 1);
    ExpressionCompiler compiler = new ExpressionCompiler(new Diagnostics());
    Scope scope = new TestScope();
    assertThat(
            compiler
                .compile(YamlScalar.of("5", ScalarType.INTEGER, at), scope)
                .orElseThrow()
                .type())
        .isEqualTo(ExprType.INTEGER);
    assertThat(
            compiler.compile(YamlScalar.of("5", ScalarType.STRING, at), scope).orElseThrow().type())
        .isEqualTo(ExprType.STRING);
    assertThat(
            compiler
                .compile(YamlScalar.of("2.5", ScalarType.FLOAT, at), scope)
                .orElseThrow()
                .code())
        .hasToString("new java.math.BigDecimal(\"2.5\")");
    assertThat(
            compiler.compile(YamlScalar.of("~", ScalarType.NULL, at), scope).orElseThrow().type())
        .isEqualTo(ExprType.NULL);
  }

  private static CompiledValue compile(String text) {
    Diagnostics diagnostics = new Diagnostics();
    var value =
        new ExpressionCompiler(diagnostics)
            .compile(
                YamlScalar.of(text, ScalarType.STRING, new Location("t.yaml", 1, 1)),
                new TestScope());
    assertThat(diagnostics.sorted()).isEmpty();
    return value.orElseThrow();
  }

  private static String code(String text) {
    return compile(text).code().toString();
  }
}

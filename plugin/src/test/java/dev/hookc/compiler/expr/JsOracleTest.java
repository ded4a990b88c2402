package dev.hookc.compiler.expr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookc.runtime.internal.expr.Js;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Compares compiled expressions with what Node.js answers for them. The expected values are in
 * {@code expr/js-oracle.json}, written by {@code src/test/js/js-oracle.js} (see that script for how
 * to rerun it); this test does not need Node.
 */
class JsOracleTest {

  @Test
  void operatorsAndMethodsGiveJavaScriptResults() throws Exception {
    JsonNode oracle;
    try (InputStream in = getClass().getResourceAsStream("/expr/js-oracle.json")) {
      oracle = new ObjectMapper().readTree(in);
    }
    List<String> expressions = new ArrayList<>();
    oracle.forEach(entry -> expressions.add("<% " + entry.get("expression").asText() + " %>"));
    assertThat(expressions).hasSizeGreaterThan(50);
    List<Object> results = Evaluator.evaluate(expressions, false);
    SoftAssertions soft = new SoftAssertions();
    for (int i = 0; i < expressions.size(); i++) {
      JsonNode expected = oracle.get(i).get("result");
      JsonNode actual = Js.node(results.get(i));
      soft.assertThat(same(actual, expected))
          .as("%s: hookc %s, JavaScript %s", expressions.get(i), actual, expected)
          .isTrue();
    }
    soft.assertAll();
  }

  /** Equal JSON, with numbers compared by value: JavaScript has no 2.0 apart from 2. */
  private static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if ((a.isArray() && b.isArray()) || (a.isObject() && b.isObject())) {
      if (a.size() != b.size()) {
        return false;
      }
      var names = a.fieldNames();
      if (a.isObject()) {
        while (names.hasNext()) {
          String name = names.next();
          if (!b.has(name) || !same(a.get(name), b.get(name))) {
            return false;
          }
        }
        return true;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}

package dev.hookc.runtime.expr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void readsMissingMembersAsNullInsteadOfThrowing() throws Exception {
    JsonNode order = json("{\"id\":\"o1\",\"lines\":[{\"sku\":\"a\"}],\"note\":null}");
    assertThat(Js.member(order, "id").textValue()).isEqualTo("o1");
    assertThat(Js.member(order, "note")).isNull();
    assertThat(Js.member(Js.member(order, "absent"), "deeper")).isNull();
    assertThat(Js.member(null, "x")).isNull();
    assertThat(Js.index(Js.member(order, "lines"), BigDecimal.ZERO).get("sku").textValue())
        .isEqualTo("a");
    assertThat(Js.index(Js.member(order, "lines"), BigDecimal.TEN)).isNull();
    assertThat(Js.member(Js.member(order, "lines"), "length").intValue()).isEqualTo(1);
  }

  @Test
  void followsJavaScriptTruthiness() throws Exception {
    assertThat(Js.truthy(json("0"))).isFalse();
    assertThat(Js.truthy(json("\"\""))).isFalse();
    assertThat(Js.truthy(json("null"))).isFalse();
    assertThat(Js.truthy(json("[]"))).isTrue();
    assertThat(Js.truthy(json("{}"))).isTrue();
    assertThat(Js.truthy("0")).isTrue();
    assertThat(Js.truthy(0L)).isFalse();
  }

  @Test
  void comparesLooselyAndStrictlyAsJavaScriptDoes() throws Exception {
    assertThat(Js.looseEquals(json("1"), "1")).isTrue();
    assertThat(Js.strictEquals(json("1"), "1")).isFalse();
    assertThat(Js.strictEquals(json("1.0"), 1L)).isTrue();
    assertThat(Js.looseEquals(null, json("null"))).isTrue();
    assertThat(Js.looseEquals(0L, null)).isFalse();
    assertThat(Js.lt("2", "10")).isFalse();
    assertThat(Js.lt("2", 10L)).isTrue();
    assertThat(Js.lt(null, 1L)).isFalse();
    assertThat(Js.ge(null, 1L)).isFalse();
  }

  @Test
  void addsConcatenatesAndDividesLikeJavaScript() throws Exception {
    assertThat(Js.plus(json("1"), json("2")).toString()).isEqualTo("3");
    assertThat(Js.plus("n", json("1.50")).textValue()).isEqualTo("n1.5");
    assertThat(Js.divide(BigDecimal.valueOf(7), BigDecimal.valueOf(2))).isEqualByComparingTo("3.5");
    assertThat(Js.divide(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
    assertThat(Js.add((Long) null, 1L)).isNull();
    assertThat(Js.remainder(-7L, 3L)).isEqualTo(-1L);
    assertThat(Js.toNumber(" 12 ")).isEqualByComparingTo("12");
    assertThat(Js.toNumber("12px")).isNull();
    assertThat(Js.string(List.of(1L, 2L))).isEqualTo("1,2");
  }

  @Test
  void callsStringAndListMethodsByNameOnDynamicValues() throws Exception {
    assertThat(JsMethods.invoke(json("\"Hello\""), "toUpperCase").textValue()).isEqualTo("HELLO");
    assertThat(JsMethods.invoke(json("[1,2,3]"), "join", "-").textValue()).isEqualTo("1-2-3");
    assertThat(JsMethods.invoke(json("[1,2,3]"), "includes", 2L).booleanValue()).isTrue();
    assertThat(JsMethods.invoke(json("5"), "trim")).isNull();
    assertThat(JsMethods.slice("hello", -3L, null)).isEqualTo("llo");
    assertThat(JsMethods.toUpperCase(null)).isNull();
  }

  @Test
  void buildsJsonFromJavaValues() {
    JsonNode built = Js.object("a", 1L, "b", List.of("x"), "c", null, "d", new BigDecimal("2.50"));
    assertThat(built.toString()).isEqualTo("{\"a\":1,\"b\":[\"x\"],\"c\":null,\"d\":2.5}");
  }
}

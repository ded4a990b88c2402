package dev.hookc.runtime.internal.expr;

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

  @Test
  void promotesIntegerArithmeticAtTheBoundsOfALongInsteadOfOverflowing() {
    long max = Long.MAX_VALUE;
    long min = Long.MIN_VALUE;
    BigDecimal two64 = new BigDecimal("18446744073709551616");

    assertThat(Js.add(max, 1L)).isEqualByComparingTo("9223372036854775808");
    assertThat(Js.add(min, -1L)).isEqualByComparingTo("-9223372036854775809");
    assertThat(Js.add(max, max)).isEqualByComparingTo("18446744073709551614");
    assertThat(Js.add(max, min)).isEqualByComparingTo("-1");
    assertThat(Js.subtract(min, 1L)).isEqualByComparingTo("-9223372036854775809");
    assertThat(Js.subtract(max, -1L)).isEqualByComparingTo("9223372036854775808");
    assertThat(Js.subtract(0L, min)).isEqualByComparingTo("9223372036854775808");
    assertThat(Js.multiply(min, -1L)).isEqualByComparingTo("9223372036854775808");
    assertThat(Js.multiply(min, min))
        .isEqualByComparingTo(two64.pow(2).divide(BigDecimal.valueOf(4)));
    assertThat(Js.multiply(max, 2L)).isEqualByComparingTo("18446744073709551614");
    assertThat(Js.multiply(4294967296L, 4294967296L)).isEqualByComparingTo(two64);
    assertThat(Js.negate(min)).isEqualByComparingTo("9223372036854775808");
    assertThat(Js.negate(max)).isEqualByComparingTo("-9223372036854775807");
    assertThat(Js.remainder(min, -1L)).isZero();
    assertThat(Js.add(3L, 4L)).isEqualByComparingTo("7");
    assertThat(Js.add((Long) null, 4L)).isNull();
    assertThat(Js.node(Js.add(max, 1L)).toString()).isEqualTo("9223372036854775808");
  }

  @Test
  void handlesNumbersOfExtremeMagnitudeQuicklyWithoutThrowing() {
    BigDecimal tiny = new BigDecimal("1e-999999999");
    BigDecimal huge = new BigDecimal("1e999999999");

    assertThat(Js.add(tiny, BigDecimal.ONE)).isEqualByComparingTo("1");
    assertThat(Js.subtract(huge, BigDecimal.ONE)).isEqualByComparingTo(huge);
    assertThat(Js.multiply(huge, huge)).isEqualByComparingTo("1e1999999998");
    assertThat(Js.multiply(Js.multiply(huge, huge), huge)).isNull();
    assertThat(Js.remainder(huge, BigDecimal.valueOf(7))).isEqualByComparingTo("6");
    assertThat(Js.remainder(huge, new BigDecimal("0.0001"))).isZero();
    assertThat(Js.remainder(tiny, BigDecimal.ONE)).isEqualByComparingTo(tiny);
    assertThat(Js.remainder(new BigDecimal("-7.5"), new BigDecimal("2")))
        .isEqualByComparingTo("-1.5");
    assertThat(Js.remainder(new BigDecimal("12.5"), new BigDecimal("0.5"))).isZero();
    assertThat(Js.divide(BigDecimal.ONE, tiny)).isEqualByComparingTo(huge);
    assertThat(Js.divide(Js.multiply(huge, huge), tiny)).isNull();
    assertThat(Js.string(huge)).isEqualTo("1e+999999999");
    assertThat(Js.string(tiny.negate())).isEqualTo("-1e-999999999");
    assertThat(Js.string(new BigDecimal("1.5e21"))).isEqualTo("1.5e+21");
    assertThat(Js.string(new BigDecimal("123456789012345678901")))
        .isEqualTo("123456789012345678901");
    assertThat(Js.string(new BigDecimal("0.000001"))).isEqualTo("0.000001");
    assertThat(Js.string(new BigDecimal("1e-7"))).isEqualTo("1e-7");
    assertThat(Js.node(huge).toString()).isEqualTo("1E+999999999");
    assertThat(Js.integer(huge)).isEqualTo(Long.MAX_VALUE);
    assertThat(Js.integer(tiny)).isZero();
    assertThat(Js.integer(new BigDecimal("-2.7"))).isEqualTo(-2L);
    assertThat(Js.toNumber("1e99999999999")).isNull();
    assertThat(Js.times("1e99999999999", 2L)).isNull();
    assertThat(Js.toNumber("9".repeat(2000))).isNull();
    assertThat(Js.lt("1e-99999999999", 1L)).isFalse();
    assertThat(Js.at(List.of("a", "b"), tiny)).isNull();
    assertThat(Js.at(List.of("a", "b"), huge)).isNull();
    assertThat(Js.at(List.of("a", "b"), new BigDecimal("1.0"))).isEqualTo("b");
    assertThat(JsMethods.slice("abc", Js.integer(huge), null)).isEmpty();
  }
}

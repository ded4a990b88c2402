package dev.hookc.runtime.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** JSON Schema's value semantics, which differ from Jackson's equals. */
class JsonValuesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void comparesNumbersByValueAndObjectsRegardlessOfOrder() throws Exception {
    assertThat(JsonValues.equal(json("1"), json("1.0"))).isTrue();
    assertThat(JsonValues.equal(json("{\"a\":1,\"b\":[2]}"), json("{\"b\":[2.0],\"a\":1}")))
        .isTrue();
    assertThat(JsonValues.equal(json("[1]"), json("[true]"))).isFalse();
    assertThat(JsonValues.equal(json("0"), json("false"))).isFalse();
  }

  @Test
  void treatsWholeFloatsAsIntegers() throws Exception {
    assertThat(JsonValues.isInteger(json("1.0"))).isTrue();
    assertThat(JsonValues.isInteger(json("1.5"))).isFalse();
    assertThat(JsonValues.isInteger(json("\"1\""))).isFalse();
  }

  @Test
  void computesMultipleOfExactly() throws Exception {
    assertThat(JsonValues.isMultipleOf(json("0.0075"), new BigDecimal("0.0001"))).isTrue();
    assertThat(JsonValues.isMultipleOf(json("19.99"), new BigDecimal("0.01"))).isTrue();
    assertThat(JsonValues.isMultipleOf(json("1e308"), new BigDecimal("0.123456789"))).isFalse();
    assertThat(JsonValues.isMultipleOf(json("10"), new BigDecimal("3"))).isFalse();
  }

  @Test
  void countsCodePointsAndFindsDuplicates() throws Exception {
    assertThat(JsonValues.length("\uD83D\uDCA9\uD83D\uDCA9")).isEqualTo(2);
    assertThat(JsonValues.firstDuplicate(json("[1, \"a\", 1.0]"))).containsExactly(0, 2);
    assertThat(JsonValues.firstDuplicate(json("[1, \"1\"]"))).isNull();
  }

  @Test
  void comparesWithLimitsExactly() throws Exception {
    assertThat(JsonValues.compare(json("9007199254740993"), 9007199254740992L)).isPositive();
    assertThat(JsonValues.compare(json("1.5"), new BigDecimal("1.50"))).isZero();
  }

  @Test
  void escapesPointerTokensPerRfc6901() {
    assertThat(JsonPointers.child("/body", "a~b/c")).isEqualTo("/body/a~0b~1c");
    assertThat(JsonPointers.index("", 3)).isEqualTo("/3");
  }

  @Test
  void collectorKeepsNoMoreThanItsCap() {
    ViolationCollector out = new ViolationCollector(2);
    out.add("/a", "type", "must be a string");
    out.add("/b", "type", "must be a string");
    out.add("/c", "type", "must be a string");
    assertThat(out.violations()).extracting(v -> v.pointer()).containsExactly("/a", "/b");
    assertThat(out.isFull()).isTrue();
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void decidesMultipleOfExactlyAndQuicklyForNumbersOfExtremeMagnitude() {
    BigDecimal basisPoint = new BigDecimal("0.0001");
    assertThat(JsonValues.isMultipleOf(decimal("1e999999999"), basisPoint)).isTrue();
    assertThat(JsonValues.isMultipleOf(decimal("1e-999999999"), basisPoint)).isFalse();
    assertThat(JsonValues.isMultipleOf(decimal("1e999999999"), BigDecimal.valueOf(7))).isFalse();
    assertThat(JsonValues.isMultipleOf(decimal("7e999999999"), BigDecimal.valueOf(7))).isTrue();
    assertThat(JsonValues.isMultipleOf(decimal("12.5"), new BigDecimal("0.5"))).isTrue();
    assertThat(JsonValues.isMultipleOf(decimal("0.3"), new BigDecimal("0.1"))).isTrue();
    assertThat(JsonValues.isMultipleOf(decimal("123.45678"), basisPoint)).isFalse();
    assertThat(JsonValues.isMultipleOf(decimal("-1.2300"), new BigDecimal("0.01"))).isTrue();
    assertThat(JsonValues.isMultipleOf(decimal("0E-999999999"), basisPoint)).isTrue();
    assertThat(JsonValues.isMultipleOf(decimal("20"), new BigDecimal("2E+1"))).isTrue();
    assertThat(JsonValues.isMultipleOf(decimal("10"), new BigDecimal("2E+1"))).isFalse();
  }

  private static JsonNode decimal(String text) {
    return com.fasterxml.jackson.databind.node.DecimalNode.valueOf(new BigDecimal(text));
  }
}

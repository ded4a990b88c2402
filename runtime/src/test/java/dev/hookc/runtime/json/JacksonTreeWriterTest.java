package dev.hookc.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JacksonTreeWriterTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static void assertSameBytesAsTheMapper(JsonNode node) {
    assertThat(new String(JacksonTreeWriter.write(node), StandardCharsets.UTF_8))
        .isEqualTo(new String(Json.write(node), StandardCharsets.UTF_8));
  }

  @Test
  void writesEveryKindOfNodeAsTheMapperDoes() {
    ObjectNode all = NODES.objectNode();
    all.put(
        "text", "quote \" backslash \\ tab \t nul \u0000 line sep \u2028 snow \u2603 \uD83D\uDE00");
    all.put("int", -7);
    all.put("short", (short) 12);
    all.put("long", Long.MIN_VALUE);
    all.put("bigInteger", new BigInteger("123456789012345678901234567890"));
    all.put("decimal", new BigDecimal("1.10"));
    all.put("exponent", new BigDecimal("1E+3"));
    all.put("double", 0.1);
    all.put("nan", Double.NaN);
    all.put("float", 2.5f);
    all.put("true", true);
    all.putNull("null");
    all.put("binary", new byte[] {0, 1, 2, (byte) 0xFF});
    all.putPOJO("pojo", Map.of("k", List.of(1, 2)));
    all.set("missing", MissingNode.getInstance());
    all.putObject("emptyObject");
    all.putArray("emptyArray");
    all.putArray("list").add(1).add("two").addNull().addObject().put("three", 3);
    assertSameBytesAsTheMapper(all);
    assertThat(Json.text(all)).isEqualTo(new String(Json.write(all), StandardCharsets.UTF_8));
  }

  @Test
  void textIsToStringWithCharactersBeyondTheBasicPlaneEscaped() {
    ObjectNode node = NODES.objectNode().put("text", "snow \u2603 grin \uD83D\uDE00 \n");
    node.putArray("list").add(1).add(new BigDecimal("2.50"));
    assertThat(Json.text(node))
        .isEqualTo(node.toString().replace("\uD83D\uDE00", "\\uD83D\\uDE00"));
  }

  @Test
  void textOfNothingIsNullAsStringConcatenationWrites() {
    assertThat(Json.text(null)).isEqualTo("null");
    assertThat(Json.text(NODES.nullNode())).isEqualTo("null");
  }

  @Test
  void writesScalarsAndDeepTreesAsTheMapperDoes() {
    assertSameBytesAsTheMapper(NODES.textNode("just text"));
    assertSameBytesAsTheMapper(NODES.numberNode(42));
    assertSameBytesAsTheMapper(NODES.nullNode());
    ArrayNode deep = NODES.arrayNode();
    ArrayNode inner = deep;
    for (int i = 0; i < 400; i++) {
      inner = inner.addArray();
      inner.addObject().put("depth", i);
    }
    assertSameBytesAsTheMapper(deep);
  }

  @Test
  void writesParsedRequestBodiesAsTheMapperDoes() throws Exception {
    JsonNode parsed =
        Json.mapper()
            .readTree(
                "{\"status\":\"success\",\"data\":{\"id\":\"12345\",\"amount\":100,"
                    + "\"rate\":0.125,\"big\":1e400,\"tags\":[\"a\",\"b\"]}}");
    assertSameBytesAsTheMapper(parsed);
  }

  @Test
  void writesThousandsOfRandomTreesAsTheMapperDoes() {
    RandomJson random = new RandomJson(42L);
    for (int i = 0; i < 5_000; i++) {
      JsonNode tree = random.tree(1 + i % 6);
      assertThat(JacksonTreeWriter.write(tree)).as("%s", tree).isEqualTo(Json.write(tree));
    }
  }

  @Test
  void writesRandomlyParsedDocumentsAsTheMapperDoes() {
    RandomJson random = new RandomJson(43L);
    for (int i = 0; i < 2_000; i++) {
      byte[] text = random.document(1 + i % 6).getBytes(StandardCharsets.UTF_8);
      JsonNode tree;
      try {
        tree = JacksonTreeReader.read(text, 0, text.length);
      } catch (HttpProblem repeatedKey) {
        continue;
      }
      assertThat(JacksonTreeWriter.write(tree)).as("%s", tree).isEqualTo(Json.write(tree));
    }
  }
}

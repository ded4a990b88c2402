package dev.hookc.runtime.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The streaming reader against Jackson's tree reader as {@code Json.readBody} once used it: the
 * same trees, node class by node class, and the same documents refused. The one intended
 * difference: text that is not well-formed UTF-8, which Jackson partly accepts, is always refused.
 */
class JacksonTreeReaderTest {

  private static final ObjectReader JACKSON =
      Json.mapper().reader().without(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  /** Jackson's tree, as the reader replaced built it; null where it refused the document. */
  private static JsonNode jackson(byte[] body) {
    try (JsonParser parser = Json.mapper().createParser(body)) {
      JsonNode node = JACKSON.readTree(parser);
      if (node == null || node.isMissingNode() || parser.nextToken() != null) {
        return null;
      }
      return node;
    } catch (IOException | NumberFormatException e) {
      // NumberFormatException: an exponent beyond an int, which escaped as a 500 before.
      return null;
    }
  }

  /** The reader's tree; null where it refused the document, with a malformed-JSON problem. */
  private static JsonNode ours(byte[] body) {
    try {
      return JacksonTreeReader.read(body, 0, body.length);
    } catch (HttpProblem problem) {
      assertThat(problem.status()).isEqualTo(400);
      assertThat(problem.type()).isEqualTo(Problems.TYPE_PREFIX + "malformed-json");
      return null;
    }
  }

  private static boolean strictUtf8(byte[] body) {
    try {
      UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /**
   * How UTF-16 and UTF-32 show: Jackson reads them, the new reader refuses them (JSON between
   * systems is UTF-8), and a zero byte is never valid there in UTF-8 JSON.
   */
  private static boolean zeroAmongFirstFour(byte[] body) {
    for (int i = 0; i < Math.min(4, body.length); i++) {
      if (body[i] == 0) {
        return true;
      }
    }
    return false;
  }

  /** Both readers agree on {@code body}; returns whether it was accepted. */
  static boolean assertAgree(byte[] body) {
    JsonNode ours = ours(body);
    if (!strictUtf8(body) || zeroAmongFirstFour(body)) {
      assertThat(ours).as("not UTF-8, must be refused: %s", show(body)).isNull();
      return false;
    }
    JsonNode theirs = jackson(body);
    if (theirs == null) {
      assertThat(ours).as("Jackson refuses %s", show(body)).isNull();
      return false;
    }
    assertThat(ours).as("Jackson accepts %s", show(body)).isNotNull();
    assertSameTree(ours, theirs, show(body));
    return true;
  }

  static void assertSameTree(JsonNode ours, JsonNode theirs, String where) {
    assertThat(ours).as(where).isEqualTo(theirs);
    assertThat(ours.getClass()).as(where).isEqualTo(theirs.getClass());
    if (ours.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> a = ours.properties().iterator();
      Iterator<Map.Entry<String, JsonNode>> b = theirs.properties().iterator();
      while (a.hasNext()) {
        Map.Entry<String, JsonNode> x = a.next();
        Map.Entry<String, JsonNode> y = b.next();
        assertThat(x.getKey()).as(where).isEqualTo(y.getKey()); // document order
        assertSameTree(x.getValue(), y.getValue(), where);
      }
    } else if (ours.isArray()) {
      for (int i = 0; i < ours.size(); i++) {
        assertSameTree(ours.get(i), theirs.get(i), where);
      }
    } else if (ours.isBigDecimal()) {
      assertThat(ours.decimalValue().scale()).as(where).isEqualTo(theirs.decimalValue().scale());
    }
  }

  private static String show(byte[] body) {
    String text = new String(body, UTF_8);
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  @Test
  void readsEdgeCasesAsJacksonDoes() {
    List<String> valid =
        List.of(
            "0",
            "-0",
            "1",
            "-1",
            "9",
            "2147483647",
            "2147483648",
            "-2147483648",
            "-2147483649",
            "1000000000",
            "9999999999",
            "999999999999999999",
            "-999999999999999999",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "-9223372036854775809",
            "1" + "0".repeat(40),
            "-" + "9".repeat(1000),
            "1.50",
            "1e2",
            "1E2",
            "1e+2",
            "1e-2",
            "-0.0",
            "0E-10",
            "0.0",
            "0e0",
            "100.0",
            "1.0",
            "0.1",
            "123.456e-789",
            "1e2147483647",
            "10e2147483647",
            "100e2147483647",
            "1e-2147483647",
            "9".repeat(999) + ".9",
            "9.9" + "0".repeat(998),
            "1.7976931348623157e309",
            "4.9e-325",
            "\"\"",
            "\"a\"",
            "\"\\u0041\\u00e9\"",
            "\"\\ud83d\\ude00\"",
            "\"\\ud800\"",
            "\"\\udc00\\ud800\"",
            "\"\\uDFFF x\"",
            "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"",
            "\"\u007f\"",
            "\"é€😀\"",
            "\"\u2028\u2029\"",
            "true",
            "false",
            "null",
            "[]",
            "{}",
            " [ ] ",
            "\t\n\r {\"a\" : [1 , 2]}\r\n",
            "{\"a\":1,\"b\":{\"a\":2},\"c\":[{\"a\":3}]}",
            "{\"\":0}",
            "{\"é\":\"é\"}",
            "{\"b\":1,\"a\":2,\"c\":3}",
            "\uFEFF{}",
            "[".repeat(500) + "]".repeat(500),
            "{\"a\":".repeat(499) + "[]" + "}".repeat(499),
            "{\"\\u0061\":1,\"b\":2}");
    for (String text : valid) {
      assertThat(assertAgree(bytes(text))).as(text).isTrue();
    }
  }

  @Test
  void refusesWhatJacksonRefuses() {
    List<String> invalid =
        List.of(
            "",
            " ",
            "\uFEFF",
            "01",
            "-01",
            "00",
            "+1",
            ".5",
            "1.",
            "1.e1",
            "1e",
            "1e+",
            "-",
            "--1",
            "-a",
            "0x10",
            "1_000",
            "NaN",
            "-NaN",
            "Infinity",
            "-Infinity",
            "[Infinity]",
            "/**/1",
            "1 //c",
            "# c\n1",
            "'a'",
            "[1,]",
            "[,1]",
            "[1,,2]",
            "{\"a\":1,}",
            "{,}",
            "{a:1}",
            "{\"a\" 1}",
            "{\"a\":1 \"b\":2}",
            "{\"a\"}",
            "{1:2}",
            "[1 2]",
            "tru",
            "truex",
            "True",
            "nul",
            "NULL",
            "1x",
            "[1x]",
            "{\"a\":1,\"a\":2}",
            "{\"a\":{\"b\":1},\"a\":2}",
            "\"\t\"",
            "\"\n\"",
            "\"\u0000\"",
            "\"\u001f\"",
            "[",
            "{",
            "{\"a\"",
            "{\"a\":",
            "\"abc",
            "[1,",
            "]",
            "}",
            "1]",
            "{} {}",
            "{}x",
            "1 2",
            "\"a\" \"b\"",
            "[] ]",
            "\"\\x\"",
            "\"\\u00\"",
            "\"\\u00g0\"",
            "\"\\U0041\"",
            "\"\\",
            "\"\\u",
            "\u0000",
            "[\u0000]",
            "\u00a0[]",
            "[1]\u00a0",
            "\u2028[]",
            "\"a\"\u0000",
            "[".repeat(501) + "]".repeat(501),
            "{\"a\":".repeat(501) + "1" + "}".repeat(501),
            "[" + "[".repeat(20_000),
            "9".repeat(1001),
            "-" + "9".repeat(1001),
            "9".repeat(999) + ".99",
            "9".repeat(999) + "e99",
            "1e9999999999",
            "1e-2147483648",
            "{\"" + "a".repeat(50_001) + "\":1}",
            "{\"" + "é".repeat(25_001) + "\":1}");
    for (String text : invalid) {
      assertThat(jackson(bytes(text))).as("Jackson refuses %s", show(bytes(text))).isNull();
      assertThat(ours(bytes(text))).as(show(bytes(text))).isNull();
    }
  }

  @Test
  void locatesATooLongNameOrStringAtItsOpeningQuote() {
    byte[] name = bytes("{\"" + "a".repeat(50_001) + "\":1}");
    byte[] text = bytes("\"" + "x".repeat(20_000_001) + "\"");

    assertThatThrownBy(() -> JacksonTreeReader.read(name, 0, name.length))
        .isInstanceOfSatisfying(
            HttpProblem.class,
            p ->
                assertThat(p.detail())
                    .isEqualTo(
                        "malformed JSON at line 1, column 2: a property name in the document is"
                            + " too long"));
    assertThatThrownBy(() -> JacksonTreeReader.read(text, 0, text.length))
        .isInstanceOfSatisfying(
            HttpProblem.class,
            p ->
                assertThat(p.detail())
                    .isEqualTo(
                        "malformed JSON at line 1, column 1: a string in the document is too long"));
  }

  @Test
  void acceptsTheLongestNamesAndNumbersJacksonAccepts() {
    assertThat(assertAgree(bytes("{\"" + "a".repeat(50_000) + "\":1}"))).isTrue();
    assertThat(assertAgree(bytes("{\"" + "é".repeat(25_000) + "\":1}"))).isTrue();
    assertThat(assertAgree(bytes("9".repeat(1000)))).isTrue();
    assertThat(assertAgree(bytes("9".repeat(500) + "." + "9".repeat(499) + "e9"))).isTrue();
  }

  @Test
  void refusesTextThatIsNotStrictUtf8EvenWhereJacksonAcceptsIt() {
    int[][] sequences = {
      {0xC0, 0x80},
      {0xC1, 0xBF},
      {0xE0, 0x80, 0x80},
      {0xED, 0xA0, 0x80},
      {0xED, 0xBF, 0xBF},
      {0xF0, 0x80, 0x80, 0x80},
      {0xF4, 0x90, 0x80, 0x80},
      {0xF5, 0x80, 0x80, 0x80},
      {0xF8},
      {0xFF},
      {0x80},
      {0xC3},
      {0xC3, 0x28},
      {0xE2, 0x82},
      {0xF0, 0x9F, 0x98}
    };
    for (int[] sequence : sequences) {
      for (String wrapper : List.of("\"%s\"", "{\"%s\":1}", "[\"a%sb\"]")) {
        byte[] body = withBytes(wrapper, sequence);
        assertThat(ours(body)).as(show(body)).isNull();
      }
    }
  }

  @Test
  void refusesUtf16AndUtf32SayingTheBodyIsNotUtf8() {
    for (String charset : List.of("UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE")) {
      byte[] body = "{\"a\":\"x\"}".getBytes(java.nio.charset.Charset.forName(charset));

      assertThatThrownBy(() -> JacksonTreeReader.read(body, 0, body.length))
          .as(charset)
          .isInstanceOfSatisfying(
              HttpProblem.class,
              p ->
                  assertThat(p.detail())
                      .startsWith("malformed JSON at line 1, column 1: the body is not UTF-8"));
    }
  }

  @Test
  void readsTheGivenSliceOnly() {
    byte[] body = bytes("xx[1,2]yy");

    assertThat(JacksonTreeReader.read(body, 2, 5).toString()).isEqualTo("[1,2]");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "`{\\n  \"a\": 1,\\n  \"b\": }` | 3 | 8 | unexpected '}'; expected a value",
        "`{\"a\":1} {\"b\":2}` | 1 | 9 | unexpected content after the end of the JSON document",
        "`{\"a\":1,\\r\\n\"a\":2}` | 2 | 1 | duplicate key 'a'",
        "`\\r[\\rx]` | 3 | 1 | unexpected 'x'; expected a value",
        "`\"é\" x` | 1 | 6 | unexpected content after the end of the JSON document",
        "`[1,]` | 1 | 4 | unexpected ']'; expected a value",
        "`01` | 1 | 1 | leading zeros are not allowed in numbers",
        "`1.` | 1 | 3 | unexpected end of the document; expected a digit after the decimal point",
        "`[1e]` | 1 | 4 | unexpected ']'; expected a digit in the exponent",
        "`{a:1}` | 1 | 2 | unexpected 'a'; expected a property name in double quotes",
        "`[1 2]` | 1 | 4 | unexpected '2'; expected ',' or ']'",
        "`{\"a\" 1}` | 1 | 6 | unexpected '1'; expected ':' after the property name",
        "`/*c*/1` | 1 | 1 | unexpected '/' (comments are not allowed in JSON); expected a value",
        "`\"a\\tb\"` | 1 | 3 | unescaped control character U+0009 in a string; escape it with a"
            + " backslash",
        "`\"\\x\"` | 1 | 3 | invalid escape '\\x' in a string",
        "`\"\\u12x4\"` | 1 | 6 | expected four hex digits after \\u in a string",
        "`\"abc` | 1 | 5 | unexpected end of the document in a string",
        "`[` | 1 | 2 | unexpected end of the document; expected a value",
        "`1e9999999999` | 1 | 1 | a number in the document is out of range",
        "`\uFEFFx` | 1 | 4 | unexpected 'x'; expected a value",
        "`{\"a\":-.5}` | 1 | 7 | unexpected '.'; expected a digit after '-'",
        "`[true` | 1 | 6 | unexpected end of the document; expected ',' or ']'",
        "`[tru]` | 1 | 2 | unexpected 't'; expected a value",
        "`[truex]` | 1 | 6 | unexpected 'x'; expected ',' or ']'",
        "`{\"` | 1 | 3 | unexpected end of the document in a string",
        "`[\"a\",-` | 1 | 7 | unexpected end of the document; expected a digit after '-'",
        "`\"\\u00` | 1 | 6 | unexpected end of the document in a \\u escape",
        "`\"p\\u00E9\\r\"` | 1 | 9 | unescaped control character U+000D in a string; escape it"
            + " with a backslash",
        "`1.6e02157003432112 4` | 1 | 1 | a number in the document is out of range",
        "`5\\r56` | 2 | 1 | unexpected content after the end of the JSON document",
        "`{\"a\":1]` | 1 | 7 | unexpected ']'; expected ',' or '}'",
        "`[}` | 1 | 2 | unexpected '}'; expected a value",
        "`{\"a\" x}` | 1 | 6 | unexpected 'x'; expected ':' after the property name",
      })
  void locatesEachMistakeByLineAndByteColumn(String text, int line, int column, String reason) {
    byte[] body = bytes(text.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t"));

    assertThatThrownBy(() -> JacksonTreeReader.read(body, 0, body.length))
        .isInstanceOfSatisfying(
            HttpProblem.class,
            p ->
                assertThat(p.detail())
                    .isEqualTo(
                        "malformed JSON at line " + line + ", column " + column + ": " + reason));
  }

  /**
   * Jackson stops on a byte that is not UTF-8 as on a wrong character, so whether such a byte is in
   * a string (the body is not UTF-8) or between tokens (an unexpected byte) is decided by the
   * reader; {@code \\xNN} stands for one byte.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "`[null\\x82nu` | 1 | 6 | unexpected byte 0x82; expected ',' or ']'",
        "`null\\xAF` | 1 | 5 | unexpected content after the end of the JSON document",
        "`-\\xC3082` | 1 | 2 | unexpected byte 0xC3; expected a digit after '-'",
        "`{\"a\":9\\xF4 8}` | 1 | 7 | unexpected byte 0xF4; expected ',' or '}'",
        "`fals\\xC3r` | 1 | 1 | unexpected 'f'; expected a value",
        "`\"\\\\xCB20\"` | 1 | 3 | invalid escape in a string",
        "`\"\\xA4-\"` | 1 | 2 | the body is not valid UTF-8 (byte 0xA4)",
        "`\"\\xC3\\xA9\\xC0\\x80\"` | 1 | 4 | the body is not valid UTF-8 (byte 0xC0)",
        "`\\xC3\\xA9\\x19\\xA8` | 1 | 1 | unexpected byte 0xC3; expected a value",
        "`6\\t\"\\xF5` | 1 | 3 | unexpected content after the end of the JSON document",
        "`{\"b\":1,\"a\\xED\\xA0\\x80\":2}` | 1 | 10 | the body is not valid UTF-8 (byte 0xA0"
            + " after 0xED)",
      })
  void locatesMistakesBesideBytesThatAreNotUtf8(String text, int line, int column, String reason) {
    byte[] body = hexBytes(text.replace("\\t", "\t"));

    assertThatThrownBy(() -> JacksonTreeReader.read(body, 0, body.length))
        .isInstanceOfSatisfying(
            HttpProblem.class,
            p ->
                assertThat(p.detail())
                    .isEqualTo(
                        "malformed JSON at line " + line + ", column " + column + ": " + reason));
  }

  /** {@code text} as UTF-8, with each {@code \\xNN} as the byte NN. */
  private static byte[] hexBytes(String text) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("\\x", i)) {
        out.write(Integer.parseInt(text.substring(i + 2, i + 4), 16));
        i += 4;
      } else {
        int codePoint = text.codePointAt(i);
        out.writeBytes(new String(Character.toChars(codePoint)).getBytes(UTF_8));
        i += Character.charCount(codePoint);
      }
    }
    return out.toByteArray();
  }

  @Test
  void keepsJacksonsDefaultLimitsButForTheNesting() {
    StreamReadConstraints defaults = StreamReadConstraints.defaults();
    StreamReadConstraints limits = JacksonTreeReader.constraints();

    assertThat(limits.getMaxNestingDepth()).isEqualTo(Json.MAX_DEPTH).isEqualTo(500);
    assertThat(limits.getMaxNumberLength()).isEqualTo(defaults.getMaxNumberLength());
    assertThat(limits.getMaxStringLength()).isEqualTo(defaults.getMaxStringLength());
    assertThat(limits.getMaxNameLength()).isEqualTo(defaults.getMaxNameLength());
    assertThat(limits.getMaxDocumentLength()).isEqualTo(defaults.getMaxDocumentLength());
  }

  @Test
  void locatesInvalidUtf8AtItsFirstByte() {
    byte[] body = withBytes("{\"a\":\"xy%s\"}", new int[] {0xC3, 0x28});

    assertThatThrownBy(() -> JacksonTreeReader.read(body, 0, body.length))
        .isInstanceOfSatisfying(
            HttpProblem.class,
            p ->
                assertThat(p.detail())
                    .isEqualTo(
                        "malformed JSON at line 1, column 9: the body is not valid UTF-8 (byte 0x28"
                            + " after 0xC3)"));
  }

  @Test
  void locatesDeepNestingAtTheFirstLevelTooDeep() {
    byte[] body = bytes("[".repeat(10_000));

    assertThatThrownBy(() -> JacksonTreeReader.read(body, 0, body.length))
        .isInstanceOfSatisfying(
            HttpProblem.class,
            p ->
                assertThat(p.detail())
                    .isEqualTo(
                        "malformed JSON at line 1, column 501: the document nests deeper than 500"
                            + " levels"));
  }

  @Test
  void readsTheDeepestNestingAllowedOnAHandlerThreadsSmallStack() throws Exception {
    // The examples run handlers with -Xss512k; a reader recursing per level overflowed this stack.
    byte[] body = bytes("[{\"a\":".repeat(250) + "1" + "}]".repeat(250));
    JsonNode[] result = new JsonNode[1];
    Thread thread = new Thread(null, () -> result[0] = ours(body), "small-stack", 256 * 1024);
    thread.start();
    thread.join();

    assertThat(result[0]).isNotNull();
    assertThat(result[0].at("/0/a/0/a/0/a").isArray()).isTrue();
  }

  @Test
  void agreesWithJacksonOnThousandsOfRandomDocuments() {
    RandomJson random = new RandomJson(20261128L);
    int accepted = 0;
    for (int i = 0; i < 6_000; i++) {
      if (assertAgree(bytes(random.document(1 + i % 8)))) {
        accepted++;
      }
    }
    // Only now and then does a random object repeat a key; nearly all documents must be read.
    assertThat(accepted).isGreaterThan(5_000);
  }

  @Test
  void agreesWithJacksonOnRandomlyBrokenDocuments() {
    RandomJson random = new RandomJson(7L);
    List<Boolean> outcomes = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      byte[] valid = bytes(random.document(1 + i % 5));
      outcomes.add(assertAgree(random.mutate(valid)));
    }
    // Some edits leave a valid document (a digit for a digit), most do not: both kinds are tested.
    assertThat(outcomes).contains(true, false);
    assertThat(outcomes.stream().filter(accepted -> !accepted).count()).isGreaterThan(10_000);
  }

  private static byte[] withBytes(String format, int[] sequence) {
    int at = format.indexOf("%s");
    byte[] head = bytes(format.substring(0, at));
    byte[] tail = bytes(format.substring(at + 2));
    byte[] body = new byte[head.length + sequence.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    for (int i = 0; i < sequence.length; i++) {
      body[head.length + i] = (byte) sequence[i];
    }
    System.arraycopy(tail, 0, body, head.length + sequence.length, tail.length);
    return body;
  }
}

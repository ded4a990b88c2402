package dev.hookc.compiler.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link JsonTrees} gives the text and trees Jackson's {@code ObjectMapper} gives. */
class JsonTreesTest {
  /** What the generator used before: readTree with exact decimals, toString, the pretty writer. */
  private static final ObjectMapper JACKSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .nodeFactory(new JsonNodeFactory(true))
          .build();

  static Stream<Path> jsonFiles() throws IOException {
    // The JSON-Schema suite's files and the golden OpenAPI documents and route manifests: deep
    // nesting, every number form, escapes, non-ASCII text.
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources"))) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("jsonFiles")
  void readsEveryFileIntoTheTreeJacksonReads(Path file) throws IOException {
    String json = Files.readString(file, StandardCharsets.UTF_8);

    JsonNode ours = JsonTrees.read(json);
    JsonNode theirs = JACKSON.readTree(json);

    assertThat(ours).isEqualTo(theirs);
    assertThat(JsonTrees.compact(ours)).isEqualTo(theirs.toString());
    assertThat(JsonTrees.pretty(ours, new DefaultPrettyPrinter()))
        .isEqualTo(JACKSON.writerWithDefaultPrettyPrinter().writeValueAsString(theirs));
  }

  @Test
  void writesEachKindOfNumberAsJacksonDoes() throws IOException {
    JsonNodeFactory nodes = new JsonNodeFactory(true);
    ObjectNode numbers = nodes.objectNode();
    numbers.put("int", -7);
    numbers.put("long", 1L << 40);
    numbers.put("big", new BigInteger("123456789012345678901234567890"));
    numbers.put("decimal", new BigDecimal("1.50"));
    numbers.put("exponent", new BigDecimal("1E+3"));
    numbers.put("double", 0.0001);
    numbers.put("float", 2.5f);
    numbers.put("text", "quote \" backslash \\ tab \t nul \u0000 é 🎉");
    numbers.putNull("nothing");
    numbers.putArray("empty");
    numbers.putObject("alsoEmpty");

    assertThat(JsonTrees.compact(numbers)).isEqualTo(numbers.toString());
    DefaultPrettyPrinter twoSpaces =
        new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    assertThat(JsonTrees.pretty(numbers, twoSpaces))
        .isEqualTo(JACKSON.writer(twoSpaces).writeValueAsString(numbers));
  }

  @Test
  void readsNumbersExactlyAndKeepsTheLastOfARepeatedName() throws IOException {
    for (String json :
        List.of(
            "{\"a\":1,\"a\":2}",
            "[2147483648, 9223372036854775808, -0.0, 1.10, 1e400, 5E-324]",
            "{\"deep\":[[[{\"x\":[]}]]],\"s\":\"\\u00e9\\n\"}",
            "  \"just a string\"  ",
            "null")) {
      assertThat(JsonTrees.read(json)).as(json).isEqualTo(JACKSON.readTree(json));
    }
  }

  @Test
  void refusesTextThatIsNotOneJsonValue() {
    for (String json : List.of("", "{\"a\":1} {\"b\":2}", "{\"a\":", "[1,]")) {
      assertThatThrownBy(() -> JsonTrees.read(json))
          .as(json)
          .isInstanceOf(UncheckedIOException.class);
    }
  }
}

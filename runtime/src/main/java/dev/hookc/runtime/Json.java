package dev.hookc.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hookc.runtime.json.BodyRepresentation;
import dev.hookc.runtime.json.JacksonTreeReader;
import dev.hookc.runtime.json.JacksonTreeWriter;
import dev.hookc.runtime.json.JsonProblems;
import dev.hookc.runtime.json.Problems;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * JSON for hookc: one shared, strictly configured mapper, reading request bodies with problems that
 * say exactly what is wrong, and binding trees to types.
 *
 * <p>The mapper keeps numbers exact ({@link java.math.BigDecimal} for decimals, {@link
 * java.math.BigInteger} for integers bound to untyped values), rejects duplicate keys, and refuses
 * documents that nest deeper than {@value #MAX_DEPTH} levels. Request trees hold integers as {@code
 * int} or {@code long} nodes where they fit and as {@link java.math.BigInteger} beyond: as exact,
 * and the validators compare them without allocating. Binding ignores unknown properties: whether
 * extra properties are allowed is for the schema validators to decide.
 *
 * <p>Request bodies are read by {@link JacksonTreeReader} into the trees the mapper would build,
 * and responses written by {@link JacksonTreeWriter} as the mapper would write them: loops over
 * Jackson's streaming parser and generator, because for the small documents of webhooks the
 * mapper's set-up per call cost more than the parsing and writing.
 */
public final class Json {

  /** The deepest nesting of arrays and objects that a request body may have. */
  public static final int MAX_DEPTH = 500;

  static final List<String> ACCEPTED_TYPES = List.of("application/json", "application/*+json");

  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                  .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private Json() {}

  /** The shared mapper; configure nothing on it, since every route and response uses it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * The request body as a JSON tree.
   *
   * @throws HttpProblem 415 if the media type is present and neither {@code application/json} nor a
   *     {@code +json} type; 400 if the body is empty, is not one well-formed UTF-8 JSON document,
   *     repeats a key, or nests deeper than {@value #MAX_DEPTH} levels (the detail gives the line
   *     and column)
   */
  public static JsonNode readBody(Request request) {
    String mediaType = request.mediaType();
    if (mediaType != null
        && !mediaType.equals("application/json")
        && !mediaType.endsWith("+json")) {
      throw new HttpProblem(
              415,
              "Unsupported Media Type",
              "content type "
                  + mediaType
                  + " is not supported; send one of "
                  + String.join(", ", ACCEPTED_TYPES))
          .withType(Problems.TYPE_PREFIX + "unsupported-media-type");
    }
    BodyRepresentation.requireUtf8(request);
    byte[] body = request.bodyBytes();
    return JacksonTreeReader.read(body, 0, body.length);
  }

  /**
   * The JSON document in {@code bytes}, read as strictly as a request body (UTF-8, no repeated key,
   * bounded numbers and nesting), for JSON that arrives inside a request rather than as its body.
   *
   * @throws HttpProblem 400 if {@code bytes} hold no document, more than one, or a malformed one
   */
  public static JsonNode read(byte[] bytes) {
    return JacksonTreeReader.read(bytes, 0, bytes.length);
  }

  /**
   * {@code node} bound to {@code type}.
   *
   * @throws HttpProblem 400 with one violation pointing at the value that does not fit
   */
  public static <T> T bind(JsonNode node, Class<T> type) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw JsonProblems.unbindable(e);
    }
  }

  /**
   * {@code node} as compact JSON text, the text {@code node.toString()} gives ({@code "null"} for
   * {@code null}), for log lines. Jackson's {@code toString()} sets up a serializer for every call,
   * which costs more than the rest of a small callback's handling when a service logs what arrives.
   */
  public static String text(JsonNode node) {
    return node == null
        ? "null"
        : new String(JacksonTreeWriter.write(node), StandardCharsets.UTF_8);
  }

  /**
   * {@code value} serialised as UTF-8 JSON.
   *
   * @throws IllegalArgumentException if the value cannot be serialised
   */
  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot write as JSON: " + (value == null ? null : value.getClass().getName()), e);
    }
  }
}

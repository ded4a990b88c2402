package dev.hookc.compiler.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.Request;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated binder builds exactly the payload object {@code Json.bind} builds, for bodies the
 * fast path takes and for those it leaves to Jackson (coercions, values that do not fit), whose
 * errors must stay Jackson's. The project ({@code src/test/resources/projects/binding}) has every
 * property shape a payload class can have.
 */
class BodyBinderTest {
  private static final String PACKAGE = "dev.hookc.test.binding";
  private static final Path PROJECT = Path.of("src/test/resources/projects/binding");
  private static Class<?> body;
  private static Method bind;

  @BeforeAll
  static void build() throws Exception {
    ClassLoader classes = ProjectBuild.build(PROJECT, PACKAGE);
    body = classes.loadClass(PACKAGE + ".model.PostOrdersBody");
    bind =
        classes
            .loadClass(PACKAGE + ".binding.PostOrdersBodyBinder")
            .getMethod("bind", JsonNode.class);
  }

  @Test
  void bindsEveryPropertyShapeAsJacksonDoes() throws Exception {
    assertSameAsJackson(
        """
        {"id":"o1","quantity":3,"price":12.50,"gift":true,
         "customer":{"name":"Ada","vip":false,"since":2019,"tags":["a",1.5,null,{"k":[2]}]},
         "lines":[{"sku":"a","tags":["x","y"]},{"sku":"b","tags":[]},null,{"sku":null}],
         "grid":[[1,2],[3],[],null],
         "payment":{"card":{"last4":"4242","n":12345678901234567890}},
         "notes":{"free":[1,2.0,"three"]},
         "first-name":null,
         "unknown":"ignored, as additionalProperties is false"}
        """);
    assertSameAsJackson("{}");
    assertSameAsJackson("{\"payment\":\"cash\",\"notes\":null,\"customer\":null,\"lines\":null}");
    assertSameAsJackson("{\"price\":7,\"quantity\":-9223372036854775808}");
    assertSameAsJackson("{\"price\":123456789012345678901234567890.000000000000000000001}");
  }

  @Test
  void leavesCoercionsToJackson() throws Exception {
    // A schema would reject these; the binder must still agree with Jackson when called on them.
    assertSameAsJackson("{\"id\":42,\"gift\":\"true\",\"price\":\"1.5\"}");
    assertSameAsJackson("{\"customer\":{\"additionalProperties\":{\"a\":1},\"name\":\"x\"}}");
    assertSameAsJackson("{\"lines\":[{\"tags\":[true]}]}");
  }

  @Test
  void reportsValuesThatDoNotFitAsJacksonDoes() throws Exception {
    for (String json :
        List.of(
            "{\"quantity\":92233720368547758070}",
            "{\"quantity\":1.5}",
            "{\"customer\":[]}",
            "{\"lines\":{\"sku\":\"a\"}}",
            "{\"grid\":[[\"x\"]]}",
            "[]")) {
      JsonNode tree = read(json);
      HttpProblem expected = catchThrowableOfType(HttpProblem.class, () -> Json.bind(tree, body));
      Throwable actual =
          catchThrowableOfType(InvocationTargetException.class, () -> bind.invoke(null, tree))
              .getCause();
      assertThat(expected).as(json).isNotNull();
      assertThat(actual).as(json).isInstanceOf(HttpProblem.class);
      assertThat(((HttpProblem) actual).errors()).as(json).isEqualTo(expected.errors());
      assertThat(((HttpProblem) actual).detail()).as(json).isEqualTo(expected.detail());
    }
  }

  private static void assertSameAsJackson(String json) throws Exception {
    Object expected = Json.bind(read(json), body);
    Object actual = bind.invoke(null, read(json));
    assertThat(actual).isInstanceOf(body);
    // The serialised form compares every field, nested lists and undeclared properties.
    assertThat(new String(Json.write(actual), StandardCharsets.UTF_8))
        .as(json)
        .isEqualTo(new String(Json.write(expected), StandardCharsets.UTF_8));
    assertThat(actual.toString().replaceAll("@[0-9a-f]+", ""))
        .isEqualTo(expected.toString().replaceAll("@[0-9a-f]+", ""));
  }

  private static JsonNode read(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return Json.readBody(
        Request.of(
            "POST",
            "/orders",
            Map.of(),
            Map.of(),
            Map.of("content-type", List.of("application/json")),
            bytes));
  }
}

package dev.hookc.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.validation.ViolationCollector;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Parameters and bodies read the way a generated controller reads them, over real HTTP. */
class RequestContractTest {
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    Handler parameters =
        request -> {
          Parameters p =
              new Parameters(request, "GET /p/{n}")
                  .path("n", Conversion.NUMBER, null)
                  .query("ids", Conversion.arrayOf(Conversion.INTEGER), true, null)
                  .query("on", Conversion.BOOLEAN, false, null)
                  .header("X-Flags", Conversion.arrayOf(Conversion.STRING), false, null)
                  .header("X-Min", Conversion.INTEGER, false, RequestContractTest::atLeastTen)
                  .cookie("session", Conversion.STRING, false, null)
                  .check();
          return Response.json(
              200,
              Map.of(
                  "params", p.params(),
                  "query", p.query(),
                  "flags", p.headers().path("x-flags"),
                  "cookies", p.cookies()));
        };
    Handler bodies =
        request ->
            Response.json(
                200,
                RequestBodies.read(
                    request,
                    List.of(RequestBodies.FORM, RequestBodies.JSON),
                    false,
                    Map.of(
                        "n", Conversion.INTEGER, "tags", Conversion.arrayOf(Conversion.STRING))));
    server =
        TestServer.start(Route.of("GET", "/p/{n}", parameters), Route.of("POST", "/b", bodies));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode tree(String json) throws java.io.IOException {
    return Json.mapper().readTree(json);
  }

  private static void atLeastTen(JsonNode value, String pointer, ViolationCollector out) {
    if (value.asLong() < 10) {
      out.add(pointer, "minimum", "must be >= 10");
    }
  }

  @Test
  void convertsEveryKindOfParameter() throws Exception {
    HttpResponse<String> response =
        TestServer.send(
            HttpRequest.newBuilder(server.uri("/p/-1.5e3?ids=1&ids=-2&on=false&extra=x&extra=y"))
                .header("x-flags", "a, b")
                .header("X-Flags", "c")
                .header("Cookie", "theme=dark; session=\"s1\""));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(TestServer.json(response))
        .isEqualTo(
            tree(
                "{\"params\":{\"n\":-1.5e3},"
                    + "\"query\":{\"ids\":[1,-2],\"on\":false,\"extra\":[\"x\",\"y\"]},"
                    + "\"flags\":[\"a\",\"b\",\"c\"],\"cookies\":{\"session\":\"s1\"}}"));
  }

  @Test
  void reportsMissingUnconvertibleAndInvalidParametersTogether() throws Exception {
    HttpResponse<String> response =
        TestServer.send(
            HttpRequest.newBuilder(server.uri("/p/NaN?on=1&ids=9223372036854775808"))
                .header("X-Min", "3"));

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode problem = TestServer.json(response);
    assertThat(problem.get("errors"))
        .extracting(e -> e.get("pointer").asText() + " " + e.get("keyword").asText())
        .containsExactly(
            "/params/n type", "/query/ids type", "/query/on type", "/headers/x-min minimum");
    assertThat(problem.get("detail").asText())
        .isEqualTo("The request's parameters do not match GET /p/{n}: n, ids, on, x-min.");
  }

  @Test
  void readsAFormBodyWithRepeatedFieldsAndEscapes() throws Exception {
    HttpResponse<String> response =
        server.post(
            "/b",
            "application/x-www-form-urlencoded; charset=utf-8",
            "n=7&tags=a+b&tags=%C3%A9&note=x%26y".getBytes(UTF_8));

    assertThat(TestServer.json(response))
        .isEqualTo(tree("{\"n\":7,\"tags\":[\"a b\",\"é\"],\"note\":\"x&y\"}"));
  }

  @Test
  void keepsAFormFieldThatDoesNotConvertAsTextForTheValidator() throws Exception {
    HttpResponse<String> response =
        server.post("/b", "application/x-www-form-urlencoded", "n=seven".getBytes(UTF_8));

    assertThat(TestServer.json(response)).isEqualTo(tree("{\"n\":\"seven\"}"));
  }

  @Test
  void readsABodyWithoutContentTypeAsTheFirstDeclaredType() throws Exception {
    HttpResponse<String> response = server.post("/b", null, "n=1".getBytes(UTF_8));

    assertThat(TestServer.json(response)).isEqualTo(tree("{\"n\":1}"));
  }

  @Test
  void refusesOtherContentTypesListingTheDeclaredOnes() throws Exception {
    HttpResponse<String> response = server.post("/b", "text/csv", "n,1".getBytes(UTF_8));

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.headers().firstValue("Accept"))
        .hasValue("application/x-www-form-urlencoded, application/json");
    assertThat(TestServer.json(response).get("detail").asText())
        .contains("text/csv")
        .contains("application/x-www-form-urlencoded, application/json");
  }
}

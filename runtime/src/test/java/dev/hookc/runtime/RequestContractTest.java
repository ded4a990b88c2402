package dev.hookc.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.internal.BodyFormat;
import dev.hookc.runtime.internal.Conversion;
import dev.hookc.runtime.internal.Parameters;
import dev.hookc.runtime.internal.RequestBodies;
import dev.hookc.runtime.internal.validation.ViolationCollector;
import dev.hookc.runtime.internal.workflow.RequestInputs;
import dev.hookc.runtime.internal.workflow.RequestParts;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Parameters and bodies read the way a generated controller reads them, over real HTTP. */
class RequestContractTest {
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    RequestHandler parameters =
        request -> {
          Parameters p =
              new Parameters(request, "GET /p/{n}")
                  .path("n", Conversion.NUMBER)
                  .requiredQuery("ids", Conversion.arrayOf(Conversion.INTEGER))
                  .optionalQuery("on", Conversion.BOOLEAN)
                  .optionalHeader("X-Flags", Conversion.arrayOf(Conversion.STRING))
                  .optionalHeader("X-Min", Conversion.INTEGER, RequestContractTest::atLeastTen)
                  .optionalCookie("session", Conversion.STRING)
                  .check();
          return Response.json(
              200,
              Map.of(
                  "params", p.params(),
                  "query", p.query(),
                  "flags", p.headers().path("x-flags"),
                  "cookies", p.cookies()));
        };
    RequestHandler bodies =
        request ->
            Response.json(
                200,
                RequestBodies.read(
                    request,
                    BodyFormat.of(RequestBodies.FORM, RequestBodies.JSON)
                        .optional()
                        .formFields(
                            Map.of(
                                "n",
                                Conversion.INTEGER,
                                "tags",
                                Conversion.arrayOf(Conversion.STRING)))));
    RequestHandler unions =
        request -> {
          Parameters p =
              new Parameters(request, "GET /u")
                  .requiredQuery(
                      "id",
                      Conversion.firstOf(Conversion.STRING, Conversion.INTEGER),
                      RequestContractTest::atLeastTwoCharacters)
                  .optionalQuery("since", Conversion.firstOf(Conversion.NULL, Conversion.NUMBER))
                  .optionalQuery(
                      "v",
                      Conversion.arrayOf(Conversion.firstOf(Conversion.BOOLEAN, Conversion.NUMBER)))
                  .check();
          return Response.json(200, p.query());
        };
    RequestHandler unionForm =
        request ->
            Response.json(
                200,
                RequestBodies.read(
                    request,
                    BodyFormat.form()
                        .formFields(
                            Map.of(
                                "n",
                                Conversion.firstOf(Conversion.INTEGER, Conversion.BOOLEAN),
                                "note",
                                Conversion.firstOf(Conversion.STRING, Conversion.NULL)))));
    RequestHandler parts =
        request -> {
          Parameters p =
              new Parameters(request, "POST /parts/{n}")
                  .path("n", Conversion.INTEGER)
                  .optionalHeader("X-Min", Conversion.INTEGER, RequestContractTest::atLeastTen)
                  .optionalCookie("session", Conversion.STRING)
                  .check();
          RequestBodies.requireUtf8(request);
          RequestParts read = RequestParts.of(request, p);
          Map<String, Object> answer = new LinkedHashMap<>();
          answer.put("params", read.params());
          answer.put("query", read.query());
          answer.put("headers", read.headers());
          answer.put("user", read.user());
          answer.put("cookies", read.cookies());
          answer.put("raw_body", read.rawBody());
          answer.put(
              "keptOnceRead",
              keptOnceRead(read::params)
                  && keptOnceRead(read::query)
                  && keptOnceRead(read::headers)
                  && keptOnceRead(read::cookies)
                  && keptOnceRead(read::rawBody));
          answer.put("headersAsSent", RequestInputs.headers(request));
          return Response.json(200, answer);
        };
    server =
        TestServer.start(
            Route.of("POST", "/parts/{n}", parts),
            Route.of("GET", "/p/{n}", parameters),
            Route.of("POST", "/b", bodies),
            Route.of("GET", "/u", unions),
            Route.of("POST", "/uf", unionForm),
            Route.of(
                "POST",
                "/raw",
                request -> Response.json(200, Map.of("raw", RequestInputs.rawBody(request)))));
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
  void givesAWorkflowEveryPartOfTheRequestWhenReadAndTheSameOneWhenReadAgain() throws Exception {
    String raw = "{ \"n\" : 1.50 }";
    HttpResponse<String> response =
        TestServer.send(
            HttpRequest.newBuilder(server.uri("/parts/7?a=1&b=x&b=y"))
                .header("X-Tag", "one")
                .header("X-Tag", "two")
                .header("X-Min", "12")
                .header("Cookie", "theme=dark; session=s1")
                .POST(HttpRequest.BodyPublishers.ofString(raw)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode answer = TestServer.json(response);
    assertThat(answer.get("params")).isEqualTo(tree("{\"n\":7}"));
    assertThat(answer.get("query")).isEqualTo(tree("{\"a\":\"1\",\"b\":[\"x\",\"y\"]}"));
    assertThat(answer.get("cookies")).isEqualTo(tree("{\"session\":\"s1\"}"));
    assertThat(answer.get("user").isNull()).isTrue();
    assertThat(answer.get("raw_body").asText()).isEqualTo(raw);
    assertThat(answer.get("keptOnceRead").asBoolean()).isTrue();
    // Every header as sent, in the same order, with the declared one converted (compared as text,
    // since the converted number is a long node and the expected one an int node).
    JsonNode expected = answer.get("headersAsSent").deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) expected).put("x-min", 12);
    assertThat(answer.get("headers").toString()).isEqualTo(expected.toString());
    assertThat(answer.get("headers").get("x-tag")).isEqualTo(tree("[\"one\",\"two\"]"));
  }

  @Test
  void refusesABodyThatIsNotUtf8BeforeAnyPartIsRead() throws Exception {
    HttpResponse<String> response =
        server.post("/parts/7", "text/plain", new byte[] {'o', 'k', (byte) 0xC0, (byte) 0xAF});

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(TestServer.json(response).get("detail").asText())
        .isEqualTo("the request body is not valid UTF-8");
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

  private static void atLeastTwoCharacters(JsonNode value, String pointer, ViolationCollector out) {
    if (value.isTextual() && value.textValue().length() < 2) {
      out.add(pointer, "minLength", "must have at least 2 characters");
    }
  }

  @Test
  void convertsAParameterOfSeveralTypesToTheFirstItFitsInAFixedOrder() throws Exception {
    assertThat(TestServer.json(TestServer.send(HttpRequest.newBuilder(server.uri("/u?id=5")))))
        .isEqualTo(tree("{\"id\":5}"));
    assertThat(
            TestServer.json(
                TestServer.send(
                    HttpRequest.newBuilder(server.uri("/u?id=abc&since=&v=true&v=1.5&v=2")))))
        .isEqualTo(tree("{\"id\":\"abc\",\"since\":null,\"v\":[true,1.5,2]}"));
    // Too large for a 64-bit integer, so it stays the text it was sent as.
    assertThat(
            TestServer.json(
                TestServer.send(HttpRequest.newBuilder(server.uri("/u?id=99999999999999999999")))))
        .isEqualTo(tree("{\"id\":\"99999999999999999999\"}"));
  }

  @Test
  void reportsAParameterThatFitsNoneOfItsTypesOrBreaksItsSchemaByName() throws Exception {
    HttpResponse<String> response =
        TestServer.send(HttpRequest.newBuilder(server.uri("/u?id=x&since=soon&v=maybe")));

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode problem = TestServer.json(response);
    assertThat(problem.get("errors"))
        .extracting(e -> e.get("pointer").asText() + " " + e.get("message").asText())
        .containsExactly(
            "/query/id must have at least 2 characters",
            "/query/since query parameter 'since' must be empty or a number",
            "/query/v query parameter 'v' must be a list whose items are each a number or a"
                + " boolean");
    assertThat(problem.get("detail").asText())
        .isEqualTo("The request's parameters do not match GET /u: id, since, v.");
  }

  @Test
  void convertsFormFieldsOfSeveralTypes() throws Exception {
    HttpResponse<String> response =
        server.post("/uf", "application/x-www-form-urlencoded", "n=true&note=".getBytes(UTF_8));

    assertThat(TestServer.json(response)).isEqualTo(tree("{\"n\":true,\"note\":null}"));
    response = server.post("/uf", "application/x-www-form-urlencoded", "n=-3".getBytes(UTF_8));
    assertThat(TestServer.json(response)).isEqualTo(tree("{\"n\":-3}"));
  }

  @Test
  void givesTheRawBodyAsTheExactTextOfItsBytes() throws Exception {
    byte[] sent = "\uFEFF{ \"a\" :\t\"\u00e9\u0301 \ud83d\ude00\" }\r\n\u2028".getBytes(UTF_8);

    JsonNode answer = TestServer.json(server.post("/raw", "text/plain", sent));

    assertThat(answer.get("raw").textValue().getBytes(UTF_8)).isEqualTo(sent);
    assertThat(TestServer.json(server.post("/raw", null, new byte[0])).get("raw").textValue())
        .isEmpty();
  }

  @Test
  void refusesARawBodyThatIsNotUtf8InsteadOfAlteringIt() throws Exception {
    HttpResponse<String> response =
        server.post("/raw", "text/plain", new byte[] {'o', 'k', (byte) 0xC3, (byte) 0x28});

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(response).get("detail").asText()).contains("not valid UTF-8");
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

  /** Whether two reads give the very same object: the first read is kept, not redone. */
  private static boolean keptOnceRead(Supplier<Object> read) {
    Object first = read.get();
    return first == read.get();
  }
}

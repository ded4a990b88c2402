package dev.hookc.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

  /** A body type, as generated code would bind to. */
  public record Payment(String id, int amount, Currency currency, List<Item> items) {}

  public record Item(String sku, int quantity) {}

  public enum Currency {
    EUR,
    USD
  }

  private static TestServer http;

  @BeforeAll
  static void start() throws Exception {
    http =
        TestServer.start(
            Route.of("POST", "/echo", r -> Response.json(200, Json.readBody(r))),
            Route.of(
                "POST",
                "/numbers",
                r -> {
                  JsonNode node = Json.readBody(r);
                  return Response.json(
                      200,
                      List.of(
                          node.get("big").numberValue().getClass().getSimpleName(),
                          node.get("big").numberValue().toString(),
                          node.get("precise").numberValue().getClass().getSimpleName(),
                          node.get("precise").numberValue().toString()));
                }),
            Route.of(
                "POST",
                "/payments",
                r -> Response.json(200, Json.bind(Json.readBody(r), Payment.class))));
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  @AfterEach
  void serverStillServes() throws Exception {
    assertThat(http.postJson("/echo", "{\"ok\":true}").body()).isEqualTo("{\"ok\":true}");
  }

  private static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    return TestServer.json(response);
  }

  @Test
  void readsJsonWithAnyJsonMediaType() throws Exception {
    HttpResponse<String> response =
        http.post("/echo", "application/cloudevents+json; charset=utf-8", "[1,2]".getBytes(UTF_8));

    assertThat(response.body()).isEqualTo("[1,2]");
  }

  @Test
  void readsJsonWithoutContentType() throws Exception {
    assertThat(http.post("/echo", null, "\"x\"".getBytes(UTF_8)).body()).isEqualTo("\"x\"");
  }

  @Test
  void reportsLineAndColumnOfMalformedJson() throws Exception {
    JsonNode body = problem(http.postJson("/echo", "{\n  \"a\": 1,\n  \"b\": }"), 400);

    assertThat(body.get("type").asText()).isEqualTo("https://hookc.dev/problems/malformed-json");
    assertThat(body.get("detail").asText()).startsWith("malformed JSON at line 3, column 8: ");
  }

  @Test
  void rejectsAnEmptyBody() throws Exception {
    JsonNode body = problem(http.postJson("/echo", ""), 400);

    assertThat(body.get("detail").asText()).contains("empty");
  }

  @Test
  void rejectsAWhitespaceOnlyBody() throws Exception {
    assertThat(problem(http.postJson("/echo", " \n "), 400).get("detail").asText())
        .contains("empty");
  }

  @Test
  void rejectsOtherMediaTypesWith415ListingAcceptedOnes() throws Exception {
    JsonNode body = problem(http.post("/echo", "text/plain", "{}".getBytes(UTF_8)), 415);

    assertThat(body.get("detail").asText())
        .contains("text/plain")
        .contains("application/json")
        .contains("application/*+json");
  }

  @Test
  void rejectsTrailingTokens() throws Exception {
    JsonNode body = problem(http.postJson("/echo", "{\"a\":1} {\"b\":2}"), 400);

    assertThat(body.get("detail").asText())
        .isEqualTo(
            "malformed JSON at line 1, column 9: unexpected content after the end of the JSON"
                + " document");
  }

  @Test
  void rejectsTrailingGarbage() throws Exception {
    JsonNode body = problem(http.postJson("/echo", "{} xyz"), 400);

    assertThat(body.get("detail").asText()).startsWith("malformed JSON at line 1, column ");
  }

  @Test
  void rejectsDuplicateKeys() throws Exception {
    JsonNode body = problem(http.postJson("/echo", "{\"a\":1,\n\"a\":2}"), 400);

    assertThat(body.get("detail").asText()).contains("line 2").contains("'a'");
  }

  @Test
  void rejectsInvalidUtf8() throws Exception {
    byte[] invalid = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

    JsonNode body = problem(http.post("/echo", "application/json", invalid), 400);

    assertThat(body.get("detail").asText())
        .startsWith("malformed JSON at line 1")
        .contains("UTF-8");
  }

  @Test
  void rejectsAnExponentNoDecimalCanHoldWith400() throws Exception {
    JsonNode body = problem(http.postJson("/echo", "{\"amount\":\n 1e9999999999}"), 400);

    assertThat(body.get("detail").asText())
        .isEqualTo("malformed JSON at line 2, column 2: a number in the document is out of range");
  }

  @Test
  void rejectsJsonSentAsUtf16SayingItIsNotUtf8() throws Exception {
    byte[] utf16 = "{\"a\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);

    JsonNode body = problem(http.post("/echo", "application/json", utf16), 400);

    assertThat(body.get("detail").asText())
        .startsWith("malformed JSON at line 1, column 1: the body is not UTF-8");
  }

  @Test
  void rejectsAnOverlongUtf8SequenceInAString() throws Exception {
    byte[] overlong = {'[', '"', (byte) 0xC0, (byte) 0xAF, '"', ']'};

    JsonNode body = problem(http.post("/echo", "application/json", overlong), 400);

    assertThat(body.get("detail").asText())
        .isEqualTo("malformed JSON at line 1, column 3: the body is not valid UTF-8 (byte 0xC0)");
  }

  @Test
  void rejectsDeepNestingWithoutFallingOver() throws Exception {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);

    JsonNode body = problem(http.postJson("/echo", deep), 400);

    assertThat(body.get("detail").asText())
        .isEqualTo(
            "malformed JSON at line 1, column 501: the document nests deeper than 500 levels");
  }

  @Test
  void acceptsNestingUpToTheBound() throws Exception {
    String deep = "[".repeat(500) + "]".repeat(500);

    assertThat(http.postJson("/echo", deep).statusCode()).isEqualTo(200);
  }

  @Test
  void keepsHugeNumbersExact() throws Exception {
    String big = "123456789012345678901234567890123456789";
    String precise = "0.1000000000000000000000000000000000001";

    JsonNode body =
        TestServer.json(
            http.postJson("/numbers", "{\"big\":" + big + ",\"precise\":" + precise + "}"));

    assertThat(body.get(0).asText()).isEqualTo(BigInteger.class.getSimpleName());
    assertThat(body.get(1).asText()).isEqualTo(big);
    assertThat(body.get(2).asText()).isEqualTo(BigDecimal.class.getSimpleName());
    assertThat(body.get(3).asText()).isEqualTo(precise);
  }

  @Test
  void bindsToRecords() throws Exception {
    String json =
        "{\"id\":\"p1\",\"amount\":5,\"currency\":\"EUR\",\"items\":[{\"sku\":\"a\",\"quantity\":2}],"
            + "\"extra\":true}";

    HttpResponse<String> response = http.postJson("/payments", json);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(TestServer.json(response).at("/items/0/quantity").asInt()).isEqualTo(2);
  }

  @Test
  void pointsAtTheValueThatDoesNotBind() throws Exception {
    String json =
        "{\"id\":\"p1\",\"amount\":5,\"currency\":\"EUR\",\"items\":[{\"sku\":\"a\",\"quantity\":\"lots\"}]}";

    JsonNode body = problem(http.postJson("/payments", json), 400);

    assertThat(body.get("type").asText()).isEqualTo("https://hookc.dev/problems/invalid-body");
    assertThat(body.at("/errors/0/pointer").asText()).isEqualTo("/items/0/quantity");
    assertThat(body.at("/errors/0/keyword").asText()).isEqualTo("type");
    assertThat(body.at("/errors/0/message").asText()).isEqualTo("expected an integer");
    assertThat(body.toString()).doesNotContain("JsonBodyTest").doesNotContain("java.");
  }

  @Test
  void listsEnumValuesWhenOneDoesNotBind() throws Exception {
    String json = "{\"id\":\"p1\",\"amount\":5,\"currency\":\"GBP\",\"items\":[]}";

    JsonNode body = problem(http.postJson("/payments", json), 400);

    assertThat(body.at("/errors/0/pointer").asText()).isEqualTo("/currency");
    assertThat(body.at("/errors/0/keyword").asText()).isEqualTo("enum");
    assertThat(body.at("/errors/0/message").asText()).isEqualTo("expected one of [EUR, USD]");
  }

  @Test
  void refusesFractionsForIntegers() throws Exception {
    String json = "{\"id\":\"p1\",\"amount\":5.5,\"currency\":\"EUR\",\"items\":[]}";

    JsonNode body = problem(http.postJson("/payments", json), 400);

    assertThat(body.at("/errors/0/pointer").asText()).isEqualTo("/amount");
  }
}

package dev.hookc.examples.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookc.runtime.Application;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract the example's YAML declares, as clients see it over HTTP. */
class ContractExampleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static Application server;

  @BeforeAll
  static void start() throws Exception {
    server = HookcApplication.builder().host("127.0.0.1").port(0).build().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void convertsParametersToTheirDeclaredTypes() throws Exception {
    HttpResponse<String> response =
        get(
            "/api/items/42?limit=5&tag=ab&tag=cd&verbose=true",
            "X-API-KEY",
            "secret",
            "Cookie",
            "theme=dark; session=s1");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode answer = JSON.readTree(response.body());
    // "next" is id + 1 computed on a typed integer: text would have concatenated to "421".
    assertThat(answer.get("next").asText()).isEqualTo("43");
    ((com.fasterxml.jackson.databind.node.ObjectNode) answer).remove("agent");
    assertThat(answer)
        .isEqualTo(
            JSON.readTree(
                "{\"id\":42,\"next\":43,\"limit\":5,\"tag\":[\"ab\",\"cd\"],\"verbose\":true,\"key\":\"secret\",\"session\":\"s1\"}"));
  }

  @Test
  void convertsAParameterOfSeveralTypesByItsText() throws Exception {
    assertThat(JSON.readTree(get("/api/lookup?id=5").body()))
        .isEqualTo(JSON.readTree("{\"id\":5,\"since\":null}"));
    assertThat(JSON.readTree(get("/api/lookup?id=abc&since=").body()))
        .isEqualTo(JSON.readTree("{\"id\":\"abc\",\"since\":null}"));
    assertThat(JSON.readTree(get("/api/lookup?id=abc&since=7").body()))
        .isEqualTo(JSON.readTree("{\"id\":\"abc\",\"since\":7}"));
  }

  @Test
  void namesAParameterThatFitsNoneOfItsTypesOrBreaksTheSchemaOfTheOneItFits() throws Exception {
    JsonNode problem = problem(get("/api/lookup?id=a&since=soon"), 400);

    assertThat(problem.get("errors"))
        .extracting(e -> e.get("pointer").asText() + " " + e.get("keyword").asText())
        .containsExactly("/query/id minLength", "/query/since type");
    assertThat(problem.get("detail").asText()).contains("id, since");
  }

  @Test
  void givesTheWorkflowTheBodyExactlyAsReceived() throws Exception {
    String sent = "{\"amount\" : 1.50,\n\t\"note\":\"na\u00efve \\u00e9 \ud83d\udcb8\"  }\r\n";

    HttpResponse<String> response = post("/api/echo", "application/json", sent);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.get("raw").textValue().getBytes(StandardCharsets.UTF_8))
        .isEqualTo(sent.getBytes(StandardCharsets.UTF_8));
    assertThat(answer.get("parsed").get("note").asText())
        .isEqualTo("na\u00efve \u00e9 \ud83d\udcb8");
  }

  @Test
  void keepsUndeclaredHeadersAvailableAsSent() throws Exception {
    HttpResponse<String> response = get("/api/items/1", "x-api-key", "secret");

    assertThat(JSON.readTree(response.body()).get("agent").asText()).startsWith("Java-http-client");
  }

  @Test
  void namesEveryBadParameterInOneProblem() throws Exception {
    HttpResponse<String> response = get("/api/items/0?limit=five&tag=x&verbose=yes");

    JsonNode problem = problem(response, 400);
    assertThat(problem.get("errors"))
        .extracting(e -> e.get("pointer").asText() + " " + e.get("keyword").asText())
        .containsExactlyInAnyOrder(
            "/params/id minimum",
            "/query/limit type",
            "/query/tag/0 minLength",
            "/query/verbose type",
            "/headers/x-api-key required");
    assertThat(problem.get("detail").asText()).contains("limit").contains("x-api-key");
  }

  @Test
  void readsAFormCallbackByTheSchemasTypes() throws Exception {
    HttpResponse<String> response =
        post(
            "/api/payments",
            "application/x-www-form-urlencoded",
            "amount=12.50&currency=EUR&paid=true&attempt=2&items=a&items=b");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()))
        .isEqualTo(
            JSON.readTree(
                "{\"amount\":12.50,\"currency\":\"EUR\",\"paid\":true,\"attempt\":2,\"items\":[\"a\",\"b\"]}"));
  }

  @Test
  void reportsFormFieldsThatDoNotConvertAtTheirPointers() throws Exception {
    JsonNode problem =
        problem(
            post("/api/payments", "application/x-www-form-urlencoded", "amount=lots&paid=maybe"),
            400);

    assertThat(problem.get("errors"))
        .extracting(e -> e.get("pointer").asText() + " " + e.get("keyword").asText())
        .containsExactlyInAnyOrder("/amount type", "/paid type", " required");
  }

  @Test
  void listsTheDeclaredContentTypesWhenAnotherIsSent() throws Exception {
    HttpResponse<String> response = post("/api/payments", "text/plain", "amount=1");

    JsonNode problem = problem(response, 415);
    assertThat(problem.get("detail").asText())
        .contains("application/json, application/x-www-form-urlencoded");
  }

  @Test
  void refusesABodyOverTheEventsOwnLimit() throws Exception {
    String big = "{\"amount\":1,\"currency\":\"EUR\",\"items\":[\"" + "x".repeat(2000) + "\"]}";

    problem(post("/api/payments", "application/json", big), 413);
  }

  @Test
  void acceptsAMissingOptionalBodyButValidatesOneThatIsSent() throws Exception {
    HttpResponse<String> none = post("/api/notes", "application/json", "");
    assertThat(none.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(none.body()).get("note").isNull()).isTrue();

    problem(post("/api/notes", "application/json", "{\"text\":5}"), 400);
  }

  @Test
  void refusesAnEmptyBodyWhereOneIsRequired() throws Exception {
    JsonNode problem = problem(post("/api/payments", "application/json", ""), 400);

    assertThat(problem.get("detail").asText()).contains("required");
  }

  @Test
  void refusesABodyWhoseTextIsNotUtf8BeforeTheWorkflowRuns() throws Exception {
    // Readable as JSON, whose reader detects UTF-16, but its raw text would not be the bytes.
    byte[] utf16 = "{\"note\":\"x\"}".getBytes(StandardCharsets.UTF_16);

    JsonNode problem = problem(send("/api/echo", "application/json", utf16), 400);

    assertThat(problem.get("detail").asText()).contains("UTF-8");
  }

  @Test
  void answers500WithoutDetailsWhenAResponseBreaksItsSchema() throws Exception {
    JsonNode problem = problem(get("/api/broken"), 500);

    assertThat(problem.get("detail").asText()).doesNotContain("ok").doesNotContain("nope");
    assertThat(problem.has("errors")).isFalse();
  }

  @Test
  void servesRoutesBelowTheBaseUrlOnly() throws Exception {
    problem(get("/items/1", "x-api-key", "secret"), 404);
  }

  static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    return problem;
  }

  static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return CLIENT.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String path, String contentType, String body) throws Exception {
    return send(path, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  static HttpResponse<String> send(String path, String contentType, byte[] body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.baseUri() + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }
}

package dev.hookc.compiler.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookc.compiler.emit.GeneratedSource;
import dev.hookc.runtime.Application;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validation-error hooks end to end: the project {@code src/test/resources/projects/hooks} is
 * compiled with its Java function and served on a free port, and real requests that break their
 * contract are answered by its hooks. Its controllers and hook workflows are also compared with
 * golden files: regenerate them with {@code -Dhookc.golden.update=true} and review the diff.
 */
class ValidationHooksTest {
  private static final String PACKAGE = "dev.hookc.test.hooks";
  private static final Path PROJECT = Path.of("src/test/resources/projects/hooks");
  private static final Path GOLDEN = Path.of("src/test/resources/golden/hooks");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static Application server;

  @BeforeAll
  static void start() throws Exception {
    server = ProjectBuild.start(ProjectBuild.build(PROJECT, PACKAGE), PACKAGE);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void generatesControllersAndHooksAsInTheGoldenFiles() throws Exception {
    Map<String, String> generated = new TreeMap<>();
    for (GeneratedSource source : ProjectBuild.compileYaml(PROJECT, PACKAGE).sources()) {
      String path = source.path();
      if (path.contains("/events/")
          || path.contains("/workflows/hooks/")
          || path.contains("/workflows/AnswerBadParameters")) {
        generated.put(path.substring(path.lastIndexOf('/') + 1), source.content());
      }
    }
    if (Boolean.getBoolean("hookc.golden.update")) {
      Files.createDirectories(GOLDEN);
      for (Map.Entry<String, String> file : generated.entrySet()) {
        Files.writeString(GOLDEN.resolve(file.getKey()), file.getValue());
      }
    }
    Map<String, String> expected = new TreeMap<>();
    try (Stream<Path> files = Files.list(GOLDEN)) {
      for (Path file : files.toList()) {
        expected.put(file.getFileName().toString(), Files.readString(file));
      }
    }
    assertThat(generated).isEqualTo(expected);
  }

  @Test
  void inlineTasksAnswerABodyThatBreaksItsSchemaInGodspeedsShape() throws Exception {
    HttpResponse<String> response = post("/godspeed", "application/json", "{\"status\":5}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(json(response))
        .isEqualTo(
            json(
                "{\"message\":\"The API cannot be executed due to a failure in request body schema"
                    + " validation.\",\"error\":[{\"pointer\":\"/status\",\"keyword\":\"type\","
                    + "\"message\":\"must be a string\",\"in\":\"body\"}],"
                    + "\"eventBody\":{\"status\":5}}"));
  }

  @Test
  void malformedJsonReachesTheHookWithANullBodyAndTheParseErrorAsDetail() throws Exception {
    HttpResponse<String> response = post("/godspeed", "application/json", "{\"status\":");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error")).isEmpty();
    assertThat(json(response).get("eventBody").isNull()).isTrue();
  }

  @Test
  void aBodyThatParsesButIsNotUtf8ReachesTheHook() throws Exception {
    // Jackson reads JSON sent as UTF-16 (here with its byte-order mark, which is never UTF-8), but
    // the raw body a workflow sees must be UTF-8.
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(server.baseUri() + "/godspeed"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        "{\"status\":\"ok\"}".getBytes(java.nio.charset.StandardCharsets.UTF_16)))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).startsWith("The API cannot be executed");
  }

  @Test
  void anEmptyRequiredBodyReachesTheHook() throws Exception {
    HttpResponse<String> response = post("/godspeed", "application/json", "");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).startsWith("The API cannot be executed");
  }

  @Test
  void aValidRequestRunsTheWorkflowAndNotTheHook() throws Exception {
    HttpResponse<String> response = post("/godspeed", "application/json", "{\"status\":\"ok\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response)).isEqualTo(json("{\"accepted\":true}"));
  }

  @Test
  void anUndeclaredContentTypeIsStillA415Problem() throws Exception {
    HttpResponse<String> response = post("/godspeed", "text/plain", "status=ok");

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void aNamedWorkflowAnswersBadParametersWithThemAsSent() throws Exception {
    HttpResponse<String> response = get("/named/0");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response))
        .isEqualTo(
            json(
                "{\"message\":\"no item 0\",\"status\":400,\"in\":\"path\","
                    + "\"pointer\":\"/params/id\"}"));
    assertThat(json(get("/named/abc")).get("message").asText()).isEqualTo("no item abc");
  }

  @Test
  void theDefaultHookOfHttpYamlAnswersEventsWithoutTheirOwn() throws Exception {
    HttpResponse<String> response = post("/defaulted", "application/json", "{}");

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(json(response).get("source").asText()).isEqualTo("http.yaml");
    assertThat(json(response).get("count").asInt()).isEqualTo(1);
    assertThat(json(response).get("detail").asText()).contains("POST /defaulted");
  }

  @Test
  void falseOnAnEventTurnsTheDefaultHookOff() throws Exception {
    HttpResponse<String> response = post("/switched-off", "application/json", "{}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json(response).get("errors").get(0).get("keyword").asText()).isEqualTo("required");
  }

  @Test
  void aHookThatFailsLeavesTheClientTheDefaultProblem() throws Exception {
    HttpResponse<String> response = post("/broken-hook", "application/json", "{}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).doesNotContain("the hook is broken");
    assertThat(json(response).get("errors").get(0).get("keyword").asText()).isEqualTo("required");
  }

  @Test
  void theResponseHookAnswersARejectedResponseWithItAttached() throws Exception {
    HttpResponse<String> response = post("/response", "application/json", "{\"id\":5}");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(json(response))
        .isEqualTo(
            json(
                "{\"message\":\"The API response does not match its schema.\",\"error\":"
                    + "[{\"pointer\":\"/id\",\"keyword\":\"type\",\"message\":\"must be a string\","
                    + "\"in\":\"response\"}],\"response\":{\"id\":5},\"code\":200}"));
  }

  @Test
  void aResponseThatKeepsItsSchemaIsSentAsItIs() throws Exception {
    HttpResponse<String> response = post("/response", "application/json", "{\"id\":\"a\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response)).isEqualTo(json("{\"id\":\"a\"}"));
  }

  @Test
  void anAuthenticationFailureIsA401ProblemAndNeverReachesTheHook() throws Exception {
    HttpResponse<String> unsigned = post("/signed", "application/json", "{}");

    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(unsigned.headers().firstValue("Content-Type")).hasValue("application/problem+json");

    HttpResponse<String> signed =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(server.baseUri() + "/signed"))
                .header("Content-Type", "application/json")
                .header("X-Signature", hmac("{}"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(signed.statusCode()).isEqualTo(422);
    assertThat(json(signed).get("source").asText()).isEqualTo("http.yaml");
  }

  private static String hmac(String body) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(
            "hook-test-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
    return java.util.HexFormat.of()
        .formatHex(mac.doFinal(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static HttpResponse<String> post(String path, String type, String body) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(server.baseUri() + path))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(server.baseUri() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }
}

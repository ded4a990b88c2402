package dev.hookc.compiler.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookc.compiler.emit.GeneratedSource;
import dev.hookc.runtime.Application;
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
 * What a Java function returns, read by the type its {@code apply} declares, end to end: one
 * project ({@code src/test/resources/projects/results}) is compiled with its functions and served
 * on a free port, and each test sends a real request. Its generated workflows are compared with
 * golden files: regenerate them with {@code -Dhookc.golden.update=true} and review the diff.
 */
class JavaFunctionResultsTest {
  private static final String PACKAGE = "dev.hookc.test.results";
  private static final Path PROJECT = Path.of("src/test/resources/projects/results");
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
  void aMapWithACodeKeyDeclaredAsAMapArrivesIntactAsData() throws Exception {
    HttpResponse<String> response = post("/rates", "{}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()))
        .isEqualTo(JSON.readTree("{\"code\":\"EUR\",\"amount\":5}"));
  }

  @Test
  void aResultDeclaredAsObjectKeepsGodspeedsStatusRules() throws Exception {
    HttpResponse<String> response = post("/untyped", "{}");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"style\":\"godspeed\"}"));
  }

  @Test
  void aStatusErrorThatReturnsEndsTheWorkflowWithItsCodeBodyAndHeader() throws Exception {
    HttpResponse<String> response = post("/lookup", "{\"id\":\"o-2\"}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("X-Order")).hasValue("o-2");
    assertThat(JSON.readTree(response.body()))
        .isEqualTo(JSON.readTree("{\"message\":\"no order o-2\"}"));
  }

  @Test
  void aStatusOkIsTheTasksResultAndTheWorkflowGoesOn() throws Exception {
    HttpResponse<String> response = post("/lookup", "{\"id\":\"o-1\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()))
        .isEqualTo(JSON.readTree("{\"order\":{\"id\":\"o-1\",\"total\":12},\"after\":\"lookup\"}"));
  }

  @Test
  void aRecordResultIsReadByItsComponentsWithTheirTypes() throws Exception {
    HttpResponse<String> response = post("/payments", "{\"id\":\"t-1\",\"amount\":2.5}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("id").asText()).isEqualTo("t-1");
    assertThat(body.get("doubled").decimalValue()).isEqualByComparingTo("5");
    assertThat(body.get("currency").asText()).isEqualTo("eur");
    assertThat(body.get("created").asBoolean()).isTrue();
  }

  @Test
  void anHttpProblemThrownByAFunctionIsTheResponseAndNothingAfterItRuns() throws Exception {
    HttpResponse<String> response = post("/refunds", "{}");

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.headers().firstValue("Retry-After")).hasValue("60");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(409);
    assertThat(problem.get("title").asText()).isEqualTo("Conflict");
    assertThat(problem.get("detail").asText()).isEqualTo("the payment is already refunded");
    assertThat(response.body()).doesNotContain("ran");
  }

  @Test
  void aFunctionIsMadeWithWhatHookcInjectsIntoItsConstructor() throws Exception {
    HttpResponse<String> response = post("/stamp", "{}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()))
        .isEqualTo(
            JSON.readTree(
                "{\"label\":\"first\",\"greeting\":\"hello\",\"zone\":\"Z\","
                    + "\"logger\":\"hookc.functions.stampRequest\",\"http\":true}"));
  }

  @Test
  void generatesWorkflowsAsInTheGoldenFiles() throws Exception {
    Path golden = Path.of("src/test/resources/golden/results");
    Map<String, String> generated = new TreeMap<>();
    for (GeneratedSource source : ProjectBuild.compileYaml(PROJECT, PACKAGE).sources()) {
      if (source.path().contains("/workflows/") && source.path().endsWith("Workflow.java")) {
        generated.put(
            source.path().substring(source.path().lastIndexOf('/') + 1), source.content());
      }
    }
    if (Boolean.getBoolean("hookc.golden.update")) {
      Files.createDirectories(golden);
      for (Map.Entry<String, String> file : generated.entrySet()) {
        Files.writeString(golden.resolve(file.getKey()), file.getValue());
      }
    }
    Map<String, String> expected = new TreeMap<>();
    try (Stream<Path> files = Files.list(golden)) {
      for (Path file : files.toList()) {
        expected.put(file.getFileName().toString(), Files.readString(file));
      }
    }
    assertThat(generated).isEqualTo(expected);
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(server.baseUri().resolve(path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

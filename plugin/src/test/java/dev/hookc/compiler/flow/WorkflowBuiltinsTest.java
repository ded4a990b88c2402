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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-ins and task behaviours end to end: one project ({@code
 * src/test/resources/projects/flow}) is compiled once, with its Java functions, and served on a
 * free port; each test sends a real request and checks the status and body. Its generated workflows
 * are also compared with golden files: regenerate them with {@code -Dhookc.golden.update=true} and
 * review the diff.
 */
class WorkflowBuiltinsTest {
  private static final String PACKAGE = "dev.hookc.test.flow";
  private static final Path PROJECT = Path.of("src/test/resources/projects/flow");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static Application server;

  @BeforeAll
  static void start() throws Exception {
    ClassLoader classes = ProjectBuild.build(PROJECT, PACKAGE);
    server = ProjectBuild.start(classes, PACKAGE);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void generatesWorkflowsAsInTheGoldenFiles() throws Exception {
    Path golden = Path.of("src/test/resources/golden/flow");
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

  @Test
  void logsAndAnswersWithTheTransformedValue() throws Exception {
    HttpResponse<String> response = post("/log", "{\"name\":\"Ada\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response)).isEqualTo(json("{\"greeting\":\"Hello Ada\"}"));
  }

  @Test
  void runsSequentialChildrenInOrderAndKeepsTheirResultsReadable() throws Exception {
    HttpResponse<String> response = post("/sequential", "{\"n\":4}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response)).isEqualTo(json("{\"last\":50,\"first\":5}"));
  }

  @Test
  void runsParallelBranchesAtTheSameTime() throws Exception {
    // Each branch waits for the other at a barrier: run one after the other, they would fail.
    HttpResponse<String> response = post("/parallel", "{}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response))
        .isEqualTo(json("{\"left\":\"met left\",\"right\":\"met right\",\"results\":2}"));
  }

  @Test
  void takesTheFirstBranchOfAnIfChainWhoseConditionHolds() throws Exception {
    assertThat(json(post("/grade", "{\"amount\":150}"))).isEqualTo(json("{\"tier\":\"gold\"}"));
    assertThat(json(post("/grade", "{\"amount\":50}"))).isEqualTo(json("{\"tier\":\"silver\"}"));
    assertThat(json(post("/grade", "{\"amount\":5}"))).isEqualTo(json("{\"tier\":\"bronze\"}"));
  }

  @Test
  void switchRunsTheMatchingCaseOrTheDefaults() throws Exception {
    assertThat(json(post("/switch", "{\"kind\":\"refund\"}")))
        .isEqualTo(json("{\"action\":\"refund\"}"));
    assertThat(json(post("/switch", "{\"kind\":\"charge\",\"amount\":3}")))
        .isEqualTo(json("{\"action\":\"charge\",\"amount\":3}"));

    HttpResponse<String> unknown = post("/switch", "{\"kind\":\"gift\"}");
    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(json(unknown)).isEqualTo(json("{\"error\":\"unknown kind gift\"}"));
  }

  @Test
  void eachSequentialAnswersWithEveryItemsStatusInOrder() throws Exception {
    HttpResponse<String> response = post("/each", "{\"items\":[\"a\",\"b\"]}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).findValuesAsText("data")).containsExactly("A", "B");
    assertThat(json(response).get(0).get("success").asBoolean()).isTrue();
  }

  @Test
  void eachParallelGivesEveryItemItsOwnResults() throws Exception {
    // Each item's second task reads the first task's result of the same item, not another's.
    HttpResponse<String> response = post("/each-parallel", "{\"numbers\":[1,2,3,4,5,6,7,8]}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).findValuesAsText("data"))
        .containsExactly(
            "2 from 1",
            "4 from 2",
            "6 from 3",
            "8 from 4",
            "10 from 5",
            "12 from 6",
            "14 from 7",
            "16 from 8");
  }

  @Test
  void retriesAFailingTaskUntilItSucceeds() throws Exception {
    HttpResponse<String> response = post("/retry", "{\"key\":\"twice\",\"failures\":2}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response)).isEqualTo(json("{\"attempts\":3}"));
  }

  @Test
  void givesUpAfterMaxAttempts() throws Exception {
    HttpResponse<String> response = post("/retry", "{\"key\":\"always\",\"failures\":3}");

    assertThat(response.statusCode()).isEqualTo(500);
  }

  @Test
  void onErrorResponseEndsTheWorkflowWithItsStatus() throws Exception {
    HttpResponse<String> response = post("/on-error", "{}");

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(json(response)).isEqualTo(json("{\"error\":\"upstream unavailable\"}"));
  }

  @Test
  void aFailedTaskWithoutOnErrorDoesNotStopTheWorkflow() throws Exception {
    HttpResponse<String> response = post("/failure-continues", "{}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response)).isEqualTo(json("{\"previous_failed\":true,\"previous_code\":500}"));
  }

  @Test
  void anExceptionInTheLastTaskIsA500ProblemRevealingNothing() throws Exception {
    HttpResponse<String> response = post("/crash", "{}");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(json(response).get("title").asText()).isEqualTo("Internal Server Error");
    assertThat(response.body()).doesNotContain("secret").doesNotContain("IllegalState");
  }

  @Test
  void workflowOnErrorIsInheritedAndMayContinue() throws Exception {
    HttpResponse<String> response = post("/workflow-on-error", "{}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response)).isEqualTo(json("{\"recovered\":true}"));
  }

  @Test
  void readsConfigAndPassesArgsToANestedWorkflowAsItsInputs() throws Exception {
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(server.baseUri().resolve("/config")).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response))
        .isEqualTo(json("{\"greeting\":\"Hello from config\",\"doubled\":42}"));
  }

  @Test
  void givesTheRawBodyAndDeclaredCookiesToWorkflowsAndJavaFunctions() throws Exception {
    // Spacing, escapes and characters outside ASCII that parsing and re-serializing would change.
    String raw = "{ \"note\" :\t\"caf\u00e9 \u2713 \ud83d\ude00\" ,\r\n  \"n\": 1.50 }\n";
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(server.baseUri().resolve("/signed"))
                .header("Content-Type", "application/json")
                .header("Cookie", "theme=dark; session=s-42")
                .POST(HttpRequest.BodyPublishers.ofString(raw, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode answer = json(response);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("flow-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = HexFormat.of().formatHex(mac.doFinal(raw.getBytes(StandardCharsets.UTF_8)));
    assertThat(answer.get("signature").asText()).isEqualTo(expected);
    assertThat(answer.get("length").asLong()).isEqualTo(raw.length());
    assertThat(answer.get("session").asText()).isEqualTo("s-42");
    assertThat(answer.get("echoed").get("raw").asText().getBytes(StandardCharsets.UTF_8))
        .isEqualTo(raw.getBytes(StandardCharsets.UTF_8));
    assertThat(answer.get("echoed").get("session").asText()).isEqualTo("s-42");
  }

  @Test
  void everyPartOfTheInputsReadsTheSameFromParallelBranchesAWholeAndANestedWorkflow()
      throws Exception {
    String raw = "{ \"n\" :  1.50 }";
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(server.baseUri().resolve("/parts/7?y=why&limit=5"))
                .header("Content-Type", "application/json")
                .header("X-Tag", "one")
                .header("X-Tag", "two")
                .header("Cookie", "c=crumb; other=ignored")
                .POST(HttpRequest.BodyPublishers.ofString(raw))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode answer = json(response);
    // Declared parameters arrive converted, undeclared ones as sent, a repeated header as a list.
    JsonNode expected =
        json(
            "{\"tag\":[\"one\",\"two\"],\"y\":\"why\",\"limit\":5,\"id\":7,\"c\":\"crumb\","
                + "\"user\":null,\"raw\":\"{ \\\"n\\\" :  1.50 }\"}");
    assertThat(answer.get("left")).isEqualTo(expected);
    assertThat(answer.get("right")).isEqualTo(expected);
    JsonNode all = answer.get("all");
    assertThat(all.get("body")).isEqualTo(json(raw));
    assertThat(all.get("params")).isEqualTo(json("{\"id\":7}"));
    assertThat(all.get("query")).isEqualTo(json("{\"y\":\"why\",\"limit\":5}"));
    assertThat(all.get("cookies")).isEqualTo(json("{\"c\":\"crumb\"}"));
    assertThat(all.get("user").isNull()).isTrue();
    assertThat(all.get("raw_body").asText()).isEqualTo(raw);
    assertThat(all.get("headers").get("x-tag")).isEqualTo(expected.get("tag"));
    assertThat(all.get("headers").get("content-type").asText()).isEqualTo("application/json");
    assertThat(all.get("headers").get("cookie").asText()).isEqualTo("c=crumb; other=ignored");
    JsonNode nested = answer.get("nested");
    assertThat(nested.get("all")).isEqualTo(all);
    assertThat(nested.get("tag")).isEqualTo(expected.get("tag"));
    assertThat(nested.get("id")).isEqualTo(expected.get("id"));
    assertThat(nested.get("c")).isEqualTo(expected.get("c"));
    assertThat(nested.get("raw")).isEqualTo(expected.get("raw"));
  }

  @Test
  void refusesABodyThatIsNotUtf8With400BeforeAWorkflowThatReadsTheRawBodyLaterRuns()
      throws Exception {
    // The JSON reader detects UTF-16 and would read this; its text would not be the bytes.
    byte[] utf16 = "{\"n\":1}".getBytes(StandardCharsets.UTF_16);

    for (String path : List.of("/parts/7", "/log")) {
      HttpResponse<String> response =
          CLIENT.send(
              HttpRequest.newBuilder(server.baseUri().resolve(path))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(utf16))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).as(path).isEqualTo(400);
      assertThat(response.headers().firstValue("content-type"))
          .hasValue("application/problem+json");
      assertThat(json(response).get("detail").asText()).contains("UTF-8");
    }
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    URI uri = server.baseUri().resolve(path);
    return CLIENT.send(
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }
}

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
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Workflows calling workflows over real HTTP ({@code src/test/resources/projects/subworkflows}):
 * Godspeed's form, where a calling task's {@code args} are the callee's {@code inputs} ({@code
 * args: {n: 5}} read as {@code inputs.n}), nested calls, a workflow that two workflows call, and
 * hookc's form {@code args: {body: ...}}, also for a workflow that handles an event too. The inputs
 * records of called workflows are compared with golden files: regenerate them with {@code
 * -Dhookc.golden.update=true} and review the diff.
 */
class SubWorkflowInputsTest {
  private static final String PACKAGE = "dev.hookc.test.subworkflows";
  private static final Path PROJECT = Path.of("src/test/resources/projects/subworkflows");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Godspeed's form, hookc's form, and a workflow that an event runs as well as a task. */
  private static final Set<String> GOLDEN =
      Set.of("DoubleInputs.java", "TripleBodyInputs.java", "GreetInputs.java");

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
  void generatesTheInputsOfCalledWorkflowsAsInTheGoldenFiles() throws Exception {
    Path golden = Path.of("src/test/resources/golden/subworkflows");
    Map<String, String> generated = new TreeMap<>();
    for (GeneratedSource source : ProjectBuild.compileYaml(PROJECT, PACKAGE).sources()) {
      String name = source.path().substring(source.path().lastIndexOf('/') + 1);
      if (GOLDEN.contains(name)) {
        generated.put(name, source.content());
      }
    }
    if (Boolean.getBoolean("hookc.golden.update")) {
      Files.createDirectories(golden);
      for (Map.Entry<String, String> file : generated.entrySet()) {
        Files.writeString(golden.resolve(file.getKey()), file.getValue());
      }
    }
    Map<String, String> expected = new TreeMap<>();
    for (String name : GOLDEN) {
      expected.put(name, Files.readString(golden.resolve(name)));
    }
    assertThat(generated).isEqualTo(expected);
  }

  @Test
  void aCalledWorkflowReadsTheCallingTasksArgsAsItsInputs() throws Exception {
    HttpResponse<String> response = post("/double", "{\"n\":5}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response.body()))
        .isEqualTo(json("{\"doubled\":10,\"label\":\"none\",\"received\":{\"n\":5}}"));
  }

  @Test
  void nestedCallsPassEachCalleeExactlyItsArgs() throws Exception {
    HttpResponse<String> response = post("/quadruple", "{\"n\":3}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response.body()))
        .isEqualTo(
            json(
                "{\"quadrupled\":12,\"labels\":[\"first\",\"second\"],"
                    + "\"nested_inputs\":{\"n\":3}}"));
  }

  @Test
  void hookcsBodyFormStillReachesTheCalleeAsInputsBody() throws Exception {
    HttpResponse<String> response = post("/legacy", "{\"n\":2}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response.body()))
        .isEqualTo(json("{\"tripled\":6,\"received\":{\"body\":{\"n\":2}}}"));
  }

  @Test
  void aWorkflowThatHandlesAnEventAndIsCalledServesBoth() throws Exception {
    HttpResponse<String> direct = post("/greet", "{\"name\":\"Ada\"}");
    HttpResponse<String> relayed = post("/relay", "{\"who\":\"Bob\"}");

    assertThat(direct.statusCode()).isEqualTo(200);
    assertThat(json(direct.body())).isEqualTo(json("{\"greeting\":\"hello Ada\"}"));
    assertThat(relayed.statusCode()).isEqualTo(200);
    assertThat(json(relayed.body())).isEqualTo(json("{\"greeting\":\"hello Bob\"}"));
  }

  @Test
  void aCallersInputsAreStillValidatedBeforeTheCalleeRuns() throws Exception {
    HttpResponse<String> response = post("/double", "{\"n\":\"five\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(server.baseUri().resolve(path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }
}

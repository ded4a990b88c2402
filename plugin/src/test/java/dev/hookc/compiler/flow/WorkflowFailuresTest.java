package dev.hookc.compiler.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookc.runtime.Application;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a failing task does to its workflow, end to end over HTTP ({@code
 * src/test/resources/projects/failures}): a status with {@code success: false} lets the workflow go
 * on, as in Godspeed; an exception ends the workflow, every control-flow task and calling workflow
 * around it, with a 500 problem, unless an {@code on_error} handles it. A task {@code mark} after
 * the failure records whether it ran.
 */
class WorkflowFailuresTest {
  private static final String PACKAGE = "dev.hookc.test.failures";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static ClassLoader classes;
  private static Application server;

  @BeforeAll
  static void start() throws Exception {
    classes = ProjectBuild.build(Path.of("src/test/resources/projects/failures"), PACKAGE);
    server = ProjectBuild.start(classes, PACKAGE);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void anExceptionEndsTheWorkflowWithA500ProblemAndLaterTasksDoNotRun() throws Exception {
    HttpResponse<String> response = post("/crash-stops");

    assertInternalError(response);
    assertThat(runs("crash_stops")).isZero();
  }

  @Test
  void aFailedStatusWithoutOnErrorLetsTheWorkflowGoOn() throws Exception {
    HttpResponse<String> response = post("/declined-continues");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response))
        .isEqualTo(
            json(
                "{\"previous_failed\":true,\"previous_code\":500,"
                    + "\"previous_data\":{\"reason\":\"declined\"}}"));
    assertThat(runs("declined_continues")).isEqualTo(1);
  }

  @Test
  void onErrorWithContinueGoesOnAfterAnException() throws Exception {
    HttpResponse<String> response = post("/crash-continue");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response)).isEqualTo(json("{\"recovered\":true,\"previous_code\":500}"));
  }

  @Test
  void onErrorResponseAnswersForAnExceptionAndEndsTheWorkflow() throws Exception {
    HttpResponse<String> response = post("/crash-response");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(json(response)).isEqualTo(json("{\"error\":\"try again later\"}"));
    assertThat(runs("crash_response")).isZero();
  }

  @Test
  void onErrorTasksRunInsteadOfAnExceptionAndEndTheWorkflow() throws Exception {
    HttpResponse<String> response = post("/crash-tasks");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(json(response)).isEqualTo(json("{\"queued\":true}"));
    assertThat(runs("crash_tasks")).isZero();
  }

  @Test
  void theWorkflowsOnErrorHandlesATasksException() throws Exception {
    HttpResponse<String> response = post("/workflow-on-error");

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(json(response)).isEqualTo(json("{\"error\":\"upstream unavailable\"}"));
    assertThat(runs("workflow_on_error")).isZero();
  }

  @Test
  void retriesAnExceptionBeforeItEndsTheWorkflow() throws Exception {
    int before = boomCalls();

    HttpResponse<String> response = post("/crash-retried");

    assertInternalError(response);
    assertThat(boomCalls() - before).isEqualTo(3);
    assertThat(runs("crash_retried")).isZero();
  }

  @Test
  void anExceptionInAParallelBranchEndsTheWorkflow() throws Exception {
    assertInternalError(post("/crash-in-parallel"));
    assertThat(runs("crash_in_parallel")).isZero();
  }

  @Test
  void anExceptionInALoopItemEndsTheWorkflow() throws Exception {
    assertInternalError(post("/crash-in-each"));
    assertInternalError(post("/crash-in-each-parallel"));
    assertThat(runs("crash_in_each")).isZero();
    assertThat(runs("crash_in_each_parallel")).isZero();
  }

  @Test
  void anExceptionInAnIfOrSwitchBranchEndsTheWorkflow() throws Exception {
    assertInternalError(post("/crash-in-if"));
    assertInternalError(post("/crash-in-switch"));
    assertThat(runs("crash_in_if")).isZero();
    assertThat(runs("crash_in_switch")).isZero();
  }

  @Test
  void anExceptionInANestedWorkflowEndsItsCallerToo() throws Exception {
    assertInternalError(post("/crash-in-child"));
    assertThat(runs("crash_in_child")).isZero();
  }

  @Test
  void theCallingTasksOnErrorHandlesANestedWorkflowsException() throws Exception {
    HttpResponse<String> response = post("/crash-in-child-handled");

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(json(response)).isEqualTo(json("{\"error\":\"child failed\"}"));
    assertThat(runs("crash_in_child_handled")).isZero();
  }

  @Test
  void theOnErrorOfAParallelTaskHandlesAnExceptionInItsBranch() throws Exception {
    HttpResponse<String> response = post("/crash-in-parallel-handled");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response)).isEqualTo(json("{\"partial\":true}"));
  }

  private static void assertInternalError(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.get("title").asText()).isEqualTo("Internal Server Error");
    assertThat(problem.get("status").asInt()).isEqualTo(500);
    assertThat(response.body())
        .doesNotContain("secret")
        .doesNotContain("IllegalState")
        .doesNotContain("call_boom")
        .doesNotContain(".yaml");
  }

  private static int runs(String key) throws Exception {
    Class<?> mark = classes.loadClass(PACKAGE + ".functions.Mark");
    return (int) mark.getMethod("runs", String.class).invoke(null, key);
  }

  private static int boomCalls() throws Exception {
    Class<?> boom = classes.loadClass(PACKAGE + ".functions.Boom");
    return (int) boom.getMethod("calls").invoke(null);
  }

  private static HttpResponse<String> post(String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(server.baseUri().resolve(path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
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

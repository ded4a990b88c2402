package dev.hookc.compiler.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookc.runtime.Application;
import java.io.IOException;
import java.io.InputStream;
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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GitHub's bundled webhooks document types real recorded deliveries ({@code
 * src/test/resources/github-deliveries}, from {@code @octokit/webhooks-examples}): the project
 * {@code projects/github-pack} is built and served, and each delivery is sent over HTTP signed with
 * {@code X-Hub-Signature-256} as GitHub signs it.
 */
class GithubPackTest {
  private static final String PACKAGE = "dev.hookc.test.github";
  private static final Path PROJECT = Path.of("src/test/resources/projects/github-pack");
  private static final Path DELIVERIES = Path.of("src/test/resources/github-deliveries");
  private static final String SECRET = "It's a Secret to Everybody";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static Application server;

  @BeforeAll
  static void start() throws Exception {
    ClassLoader classes = ProjectBuild.build(PROJECT, PACKAGE);
    Class<?> application = classes.loadClass(PACKAGE + ".HookcApplication");
    Application.Builder builder =
        (Application.Builder) application.getMethod("builder").invoke(null);
    server =
        builder
            .host("127.0.0.1")
            .port(0)
            .environment("GITHUB_WEBHOOK_SECRET", SECRET)
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void readsThePullRequestHeadShaOfARecordedOpenedDelivery() throws Exception {
    String body = delivery("pull_request.opened.json");
    HttpResponse<String> response = send("/webhooks/pull-request-opened", "pull_request", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode sent = JSON.readTree(body);
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.get("sha").asText())
        .isEqualTo(sent.at("/pull_request/head/sha").asText())
        .isEqualTo("ec26c3e57ca3a959ca5aad62de7213c562f8c821");
    assertThat(answer.get("number").asLong()).isEqualTo(sent.get("number").asLong());
    assertThat(answer.get("draft").asBoolean())
        .isEqualTo(sent.at("/pull_request/draft").asBoolean());
  }

  @Test
  void readsWhatPushPullRequestAndIssuesPayloadsShareFromEachRecordedDelivery() throws Exception {
    List<String[]> deliveries =
        List.of(
            new String[] {"push", "push.json"},
            new String[] {"pull_request", "pull_request.opened.json"},
            new String[] {"pull_request", "pull_request.synchronize.json"},
            new String[] {"issues", "issues.opened.json"});
    for (String[] delivery : deliveries) {
      String body = delivery(delivery[1]);
      HttpResponse<String> response = send("/webhooks/github", delivery[0], body);
      assertThat(response.statusCode()).as(delivery[1] + ": " + response.body()).isEqualTo(200);
      JsonNode sent = JSON.readTree(body);
      JsonNode answer = JSON.readTree(response.body());
      assertThat(answer.get("repository").asText())
          .as(delivery[1])
          .isEqualTo(sent.at("/repository/full_name").asText());
      assertThat(answer.get("sender").asText())
          .as(delivery[1])
          .isEqualTo(sent.at("/sender/login").asText());
    }
  }

  @Test
  void aSwitchOnTheEventTypeReadsThePullRequestOfARecordedPullRequestDelivery() throws Exception {
    String body = delivery("pull_request.synchronize.json");
    HttpResponse<String> response = send("/webhooks/github", "pull_request", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.get("type").asText()).isEqualTo("pull_request");
    assertThat(answer.get("sha").asText()).isEqualTo("ec26c3e57ca3a959ca5aad62de7213c562f8c821");
    assertThat(answer.get("action").asText()).isEqualTo("synchronize");
    // Passed to a called workflow from inside the case.
    assertThat(answer.get("described").asText())
        .isEqualTo("Update the README with new information. at ec26c3e");
  }

  @Test
  void aSwitchOnTheEventTypeReadsThePushOfARecordedPushDelivery() throws Exception {
    String body = delivery("push.json");
    HttpResponse<String> response = send("/webhooks/github", "push", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode sent = JSON.readTree(body);
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.get("type").asText()).isEqualTo("push");
    assertThat(answer.get("ref").asText()).isEqualTo("refs/tags/simple-tag");
    assertThat(answer.get("after").asText()).isEqualTo(sent.get("after").asText());
    assertThat(answer.get("commits").asInt()).isEqualTo(sent.get("commits").size());
    assertThat(answer.has("sha")).isFalse();
  }

  @Test
  void aSwitchOnTheEventTypeRunsItsDefaultsForAnIssuesDelivery() throws Exception {
    HttpResponse<String> response =
        send("/webhooks/github", "issues", delivery("issues.opened.json"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).has("type")).isFalse();
  }

  @Test
  void refusesAnEventTypeTheRouteDoesNotAcceptBeforeRunningTheWorkflow() throws Exception {
    HttpResponse<String> response =
        send("/webhooks/github", "issue_comment", delivery("issue_comment.created.json"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("type").asText())
        .isEqualTo("https://hookc.dev/problems/unaccepted-event-type");
    assertThat(problem.get("detail").asText())
        .contains("'issue_comment'")
        .contains("push, pull_request, issues");
  }

  @Test
  void refusesADeliveryWithoutAnEventType() throws Exception {
    HttpResponse<String> response = send("/webhooks/github", null, delivery("push.json"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).get("detail").asText())
        .startsWith("missing header X-GitHub-Event");
  }

  @Test
  void answersAPingTheRouteDoesNotAcceptWithoutRunningTheWorkflow() throws Exception {
    HttpResponse<String> response = send("/webhooks/github", "ping", delivery("ping.json"));
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void runsTheWorkflowForADeclaredPingAndWorkflowRun() throws Exception {
    HttpResponse<String> ping = send("/webhooks/workflow-runs", "ping", delivery("ping.json"));
    assertThat(ping.statusCode()).as(ping.body()).isEqualTo(200);
    assertThat(JSON.readTree(ping.body()).get("event").asText()).isEqualTo("ping");
    assertThat(JSON.readTree(ping.body()).get("repository").asText())
        .isEqualTo("Octocoders/Hello-World");
    HttpResponse<String> run =
        send("/webhooks/workflow-runs", "workflow_run", delivery("workflow_run.completed.json"));
    assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
    assertThat(JSON.readTree(run.body()).get("repository").asText())
        .isEqualTo("Codertocat/Hello-World");
  }

  @Test
  void checksTheSignatureBeforeTheEventType() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.baseUri() + "/webhooks/github"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("X-GitHub-Event", "issue_comment")
            .header("X-GitHub-Delivery", "d-unsigned")
            .header("X-Hub-Signature-256", "sha256=" + "0".repeat(64))
            .POST(HttpRequest.BodyPublishers.ofString(delivery("push.json")))
            .build();
    assertThat(CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(401);
  }

  @Test
  void aBodyOfAnotherTypeThanThePackReadsIsRefused() throws Exception {
    String body =
        delivery("pull_request.opened.json")
            .replaceFirst("\"number\": 2,", "\"number\": {\"n\": 2},");
    assertThat(body).contains("{\"n\": 2}");
    HttpResponse<String> response = send("/webhooks/pull-request-opened", "pull_request", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
  }

  @Test
  void validatesAndTypesABodyFromTheProjectsOwnOpenApiDocument() throws Exception {
    HttpResponse<String> ok =
        post("/orders", "{\"id\": \"o-1\", \"total\": {\"amount\": 1250, \"currency\": \"EUR\"}}");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(JSON.readTree(ok.body()).get("cents").asLong()).isEqualTo(1250);
    HttpResponse<String> missing = post("/orders", "{\"id\": \"o-2\"}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("total");
  }

  @Test
  void thePluginJarCarriesThePacksLicenceAndVersion() throws IOException {
    String base = "/dev/hookc/compiler/provider/github/";
    try (InputStream licence = GithubPackTest.class.getResourceAsStream(base + "LICENSE");
        InputStream version = GithubPackTest.class.getResourceAsStream(base + "VERSION")) {
      assertThat(new String(licence.readAllBytes(), StandardCharsets.UTF_8))
          .startsWith("MIT License");
      assertThat(new String(version.readAllBytes(), StandardCharsets.UTF_8))
          .startsWith("@octokit/openapi-webhooks 12.1.0");
    }
  }

  private static String delivery(String file) throws IOException {
    return Files.readString(DELIVERIES.resolve(file));
  }

  private static HttpResponse<String> send(String path, String event, String body)
      throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature = HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUri() + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("X-GitHub-Delivery", "d-" + System.nanoTime())
            .header("X-Hub-Signature-256", "sha256=" + signature);
    if (event != null) {
      request.header("X-GitHub-Event", event);
    }
    return CLIENT.send(
        request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(server.baseUri() + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

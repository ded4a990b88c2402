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
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A shared definition used by two events' bodies and a response ({@code
 * src/test/resources/projects/shared-definitions}) is generated once, and every validator calls it:
 * compiled, served on a free port, and sent real requests.
 */
class SharedDefinitionProjectTest {
  private static final String PACKAGE = "dev.hookc.test.shared";
  private static final Path PROJECT = Path.of("src/test/resources/projects/shared-definitions");
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
  void generatesTheDefinitionOnceAndEveryValidatorCallsIt() {
    Map<String, String> validators = new TreeMap<>();
    for (GeneratedSource source : ProjectBuild.compileYaml(PROJECT, PACKAGE).sources()) {
      if (source.path().contains("/validation/")) {
        validators.put(
            source.path().substring(source.path().lastIndexOf('/') + 1), source.content());
      }
    }
    // Unused is referred to by nothing, so it has no class.
    assertThat(validators.keySet())
        .containsExactly(
            "MoneyDefinition.java",
            "PostOrdersBodyValidator.java",
            "PostOrdersResponse200Validator.java",
            "PostRefundsBodyValidator.java");
    assertThat(validators.get("MoneyDefinition.java")).contains("static boolean isMoneyValid(");
    validators.remove("MoneyDefinition.java");
    validators.forEach(
        (name, source) ->
            assertThat(source)
                .as(name)
                .contains("MoneyDefinition.isMoneyValid(node)")
                .contains("MoneyDefinition.checkMoney(node, path, out)")
                .doesNotContain("boolean isMoneyValid(")
                .doesNotContain("TextPattern"));
  }

  @Test
  void answersBodiesThatBreakTheDefinitionWithEveryViolation() throws Exception {
    HttpResponse<String> order =
        post("/orders", "{\"price\": {\"amount\": -1, \"currency\": \"eur\"}}");
    assertThat(order.statusCode()).isEqualTo(400);
    assertThat(order.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(errors(order))
        .isEqualTo(
            "[/price/amount minimum: must be >= 0,"
                + " /price/currency pattern: must match pattern \"^[A-Z]{3}$\"]");

    HttpResponse<String> refund = post("/refunds", "{\"refund\": {\"amount\": 500}}");
    assertThat(refund.statusCode()).isEqualTo(400);
    assertThat(errors(refund))
        .isEqualTo(
            "[/refund/amount maximum: must be <= 100,"
                + " /refund required: must have required property 'currency']");
  }

  @Test
  void acceptsBodiesThatMatchTheDefinition() throws Exception {
    HttpResponse<String> order =
        post("/orders", "{\"price\": {\"amount\": 5, \"currency\": \"EUR\"}}");
    assertThat(order.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(order.body()).get("taken").get("currency").asText()).isEqualTo("EUR");
    assertThat(
            post("/refunds", "{\"refund\": {\"amount\": 5, \"currency\": \"EUR\"}}").statusCode())
        .isEqualTo(200);
  }

  @Test
  void refusesAResponseThatBreaksTheDefinition() throws Exception {
    HttpResponse<String> order =
        post("/orders", "{\"price\": {\"amount\": 5, \"currency\": \"XXX\"}}");
    assertThat(order.statusCode()).isEqualTo(500);
  }

  private static String errors(HttpResponse<String> response) throws Exception {
    StringBuilder text = new StringBuilder("[");
    for (JsonNode error : JSON.readTree(response.body()).get("errors")) {
      if (text.length() > 1) {
        text.append(", ");
      }
      text.append(error.get("pointer").asText())
          .append(' ')
          .append(error.get("keyword").asText())
          .append(": ")
          .append(error.get("message").asText());
    }
    return text.append(']').toString();
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(server.baseUri() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

package dev.hookc.examples.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookc.runtime.Application;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CallbackExampleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
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
  void answersAValidCallbackAsTheGuideSays() throws Exception {
    HttpResponse<String> response = post("{\"status\":\"ok\",\"data\":{\"id\":1}}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(JSON.readTree(response.body()))
        .isEqualTo(JSON.readTree("{\"message\":\"Callback received and processed successfully\"}"));
  }

  @Test
  void namesTheMissingStatusByItsPointer() throws Exception {
    HttpResponse<String> response = post("{\"data\":{}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
    assertThat(error.get("keyword").asText()).isEqualTo("required");
    assertThat(error.get("message").asText()).contains("'status'");
  }

  @Test
  void rejectsMalformedJsonWithItsPosition() throws Exception {
    HttpResponse<String> response = post("{\"status\":");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("line 1, column");
  }

  @Test
  void doesNotCoerceANumberIntoTheStringStatus() throws Exception {
    HttpResponse<String> response = post("{\"status\":5}");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
    assertThat(error.get("pointer").asText()).isEqualTo("/status");
    assertThat(error.get("keyword").asText()).isEqualTo("type");
  }

  @Test
  void rejectsAStatusTheServiceDoesNotKnow() throws Exception {
    HttpResponse<String> response = post("{\"status\":\"exploded\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).get("message").asText()).contains("exploded");
  }

  private static HttpResponse<String> post(String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.baseUri() + "/callback"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }
}

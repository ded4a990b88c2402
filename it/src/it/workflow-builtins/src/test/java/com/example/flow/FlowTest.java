package com.example.flow;

import dev.hookc.runtime.Application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FlowTest {
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
  void ifElifElseChoosesTheTier() throws Exception {
    assertThat(post("/grade", "{\"amount\":500}").get("tier").asText()).isEqualTo("gold");
    assertThat(post("/grade", "{\"amount\":1}").get("tier").asText()).isEqualTo("bronze");
  }

  @Test
  void parallelBranchesMeet() throws Exception {
    assertThat(post("/parallel", "{}").get("results").asInt()).isEqualTo(2);
  }

  @Test
  void switchFallsBackToDefaults() throws Exception {
    assertThat(send("/switch", "{\"kind\":\"other\"}").statusCode()).isEqualTo(422);
  }

  @Test
  void loopsRunTheirTasksPerItem() throws Exception {
    assertThat(post("/each", "{\"items\":[\"x\"]}").findValuesAsText("data")).containsExactly("X");
    assertThat(post("/each-parallel", "{\"numbers\":[1,2]}").findValuesAsText("data"))
        .containsExactly("2 from 1", "4 from 2");
  }

  @Test
  void retryAndOnErrorHandleFailures() throws Exception {
    assertThat(post("/retry", "{\"key\":\"k\",\"failures\":1}").get("attempts").asInt())
        .isEqualTo(2);
    assertThat(send("/on-error", "{}").statusCode()).isEqualTo(502);
    HttpResponse<String> crash = send("/crash", "{}");
    assertThat(crash.statusCode()).isEqualTo(500);
    assertThat(crash.body()).doesNotContain("secret");
  }

  @Test
  void configComesFromTheEnvironmentFileAndVariables() throws Exception {
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(server.baseUri().resolve("/config")).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(JSON.readTree(response.body()))
        .isEqualTo(JSON.readTree("{\"greeting\":\"Hello from production\",\"doubled\":100}"));
  }

  private static JsonNode post(String path, String body) throws Exception {
    HttpResponse<String> response = send(path, body);
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> send(String path, String body) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(server.baseUri().resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

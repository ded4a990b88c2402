package com.example.hooks;

import dev.hookc.runtime.Application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GodspeedShapeTest {
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
  void answersABodyThatBreaksItsSchemaAsGodspeedDoes() throws Exception {
    HttpResponse<String> response = post("{\"data\":{}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("message").asText())
        .isEqualTo(
            "The API cannot be executed due to a failure in request body schema validation.");
    assertThat(body.get("error").get(0).get("keyword").asText()).isEqualTo("required");
    assertThat(body.get("error").get(0).get("in").asText()).isEqualTo("body");
    assertThat(body.get("eventBody")).isEqualTo(JSON.readTree("{\"data\":{}}"));
  }

  @Test
  void answersAValidCallback() throws Exception {
    HttpResponse<String> response = post("{\"status\":\"ok\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("message").asText()).isEqualTo("received ok");
  }

  @Test
  void attachesAResponseThatBreaksItsSchema() throws Exception {
    HttpResponse<String> response = post("{\"status\":\"a status far too long to echo\"}");

    assertThat(response.statusCode()).isEqualTo(500);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("error").get(0).get("pointer").asText()).isEqualTo("/message");
    assertThat(body.get("response").get("message").asText())
        .isEqualTo("received a status far too long to echo");
  }

  private static HttpResponse<String> post(String body) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(server.baseUri() + "/callback"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

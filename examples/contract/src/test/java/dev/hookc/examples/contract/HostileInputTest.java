package dev.hookc.examples.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookc.runtime.Application;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Values at the edges of what the declared types hold reach the workflows' expressions: they answer
 * with exact results or a 4xx, never a 500, and quickly.
 */
class HostileInputTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
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
  void addsOneToTheLargestLongExactlyInsteadOfOverflowing() throws Exception {
    HttpResponse<String> response = get("/api/items/9223372036854775807");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    // Read as text: a double would round both numbers to 9223372036854775807 + 1 ≈ 9.22e18.
    assertThat(response.body())
        .contains("\"id\":9223372036854775807")
        .contains("\"next\":9223372036854775808");
  }

  @Test
  void refusesAnIdBeyondTheLargestLongWith400() throws Exception {
    for (String id : List.of("9223372036854775808", "-9223372036854775809", "1e999999999")) {
      HttpResponse<String> response = get("/api/items/" + id);

      assertThat(response.statusCode()).as(id + ": " + response.body()).isEqualTo(400);
      assertThat(response.headers().firstValue("content-type"))
          .hasValue("application/problem+json");
    }
  }

  @Test
  void answersLookupsAtTheEdgesOfALongWithoutA500() throws Exception {
    for (String id :
        List.of("9223372036854775807", "-9223372036854775808", "9223372036854775808", "1e400")) {
      HttpResponse<String> response = get("/api/lookup?id=" + id + "&since=9223372036854775807");

      assertThat(response.statusCode()).as(id + ": " + response.body()).isIn(200, 400);
    }
  }

  @Test
  void echoesPaymentsOfExtremeAmountsQuicklyWithoutA500() throws Exception {
    for (String amount : List.of("1e999999999", "1e-999999999", "1e20", "0.1e-999999999")) {
      long start = System.nanoTime();
      HttpResponse<String> response =
          post("/api/payments", "{\"amount\":" + amount + ",\"currency\":\"EUR\",\"attempt\":1}");

      assertThat(response.statusCode()).as(amount + ": " + response.body()).isEqualTo(200);
      assertThat(JSON.readTree(response.body()).get("amount").decimalValue())
          .isEqualByComparingTo(amount);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void refusesAnAttemptCountBeyondALongWith400() throws Exception {
    for (String attempt : List.of("9223372036854775808", "1e999999999", "1.5")) {
      HttpResponse<String> response =
          post("/api/payments", "{\"amount\":1,\"currency\":\"EUR\",\"attempt\":" + attempt + "}");

      assertThat(response.statusCode()).as(attempt + ": " + response.body()).isEqualTo(400);
    }
  }

  @Test
  void echoesDeeplyNestedBodiesOrRefusesThemWithA4xx() throws Exception {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);

    HttpResponse<String> response = post("/api/echo", "{\"deep\":" + deep + "}");

    assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
  }

  @Test
  void refusesAOneValueParameterSentTwiceWith400NamingIt() throws Exception {
    // A proxy or filter in front may check the last value while the workflow would get the first.
    for (String query :
        List.of("/api/items/1?limit=1&limit=1000", "/api/items/1?verbose=true&verbose=false")) {
      HttpResponse<String> response = get(query);

      assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(400);
      assertThat(response.body()).contains("must be one value");
    }
    HttpResponse<String> lookup = get("/api/lookup?id=5&id=abc");
    assertThat(lookup.statusCode()).as(lookup.body()).isEqualTo(400);
    HttpResponse<String> twoKeys =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/items/1"))
                .timeout(Duration.ofSeconds(10))
                .header("X-Api-Key", "secret")
                .header("X-Api-Key", "another")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(twoKeys.statusCode()).as(twoKeys.body()).isEqualTo(400);
    assertThat(twoKeys.body()).contains("x-api-key");
  }

  @Test
  void givesEveryValueOfARepeatedArrayParameter() throws Exception {
    HttpResponse<String> response = get("/api/items/1?tag=ab&tag=cd");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("\"tag\":[\"ab\",\"cd\"]");
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(server.baseUri() + path))
            .timeout(Duration.ofSeconds(10))
            .header("X-Api-Key", "secret")
            .GET()
            .build(),
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

package dev.hookc.examples.contract;

import static dev.hookc.examples.contract.ContractExampleTest.get;
import static dev.hookc.examples.contract.ContractExampleTest.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and careless requests against the generated application: every one is answered with a 4xx
 * problem, never a 500, and the server keeps serving good requests afterwards.
 */
class BadInputCorpusTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JSON_TYPE = "application/json";
  private static final String FORM = "application/x-www-form-urlencoded";

  @BeforeAll
  static void start() throws Exception {
    ContractExampleTest.start();
  }

  @AfterAll
  static void stop() {
    ContractExampleTest.stop();
  }

  static Stream<Arguments> bodies() {
    return Stream.of(
        body("truncated JSON", JSON_TYPE, "{\"amount\":1,", 400),
        notes("deeply nested JSON", "[".repeat(20_000), 400),
        notes(
            "nested just deeper than allowed", "{\"a\":".repeat(501) + "1" + "}".repeat(501), 400),
        notes("a number with too many digits", "{\"text\":" + "9".repeat(2000) + "}", 400),
        notes("a huge string", "{\"text\":\"" + "x".repeat(50_000) + "\"}", 400),
        notes(
            "a body over the server-wide limit", "{\"text\":\"" + "x".repeat(70_000) + "\"}", 413),
        body("a huge exponent and no currency", JSON_TYPE, "{\"amount\":1e999999999}", 400),
        body("invalid UTF-8", JSON_TYPE, bytes("{\"currency\":\"", 0xff, "\"}"), 400),
        body("a duplicate key", JSON_TYPE, "{\"amount\":1,\"amount\":2,\"currency\":\"EUR\"}", 400),
        body(
            "wrong types everywhere",
            JSON_TYPE,
            "{\"amount\":\"1\",\"currency\":5,\"paid\":\"true\",\"attempt\":1.5,\"items\":{}}",
            400),
        body("JSON null", JSON_TYPE, "null", 400),
        body("a JSON array", JSON_TYPE, "[]", 400),
        body("trailing garbage", JSON_TYPE, "{} {}", 400),
        body("text/plain", "text/plain", "amount=1", 415),
        body("XML", "application/xml", "<amount>1</amount>", 415),
        body("multipart", "multipart/form-data; boundary=x", "--x--", 415),
        body("a missing body", JSON_TYPE, "", 400),
        body("a missing form body", FORM, "", 400),
        body("an oversized body", JSON_TYPE, "{\"items\":[\"" + "x".repeat(4096) + "\"]}", 413),
        body("a malformed form escape", FORM, "amount=%zz&currency=EUR", 400),
        body("a form escape that is not UTF-8", FORM, "amount=1&currency=%ff", 400),
        body("raw form bytes that are not UTF-8", FORM, bytes("amount=1&currency=", 0xfe, ""), 400),
        body("a repeated scalar form field", FORM, "amount=1&amount=2&currency=EUR", 400),
        body("a form field of the wrong type", FORM, "amount=1&currency=EUR&attempt=1.5", 400),
        body("a form without required fields", FORM, "paid=true", 400));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void answersABadBodyWithAProblem(String name, String path, String type, byte[] body, int status)
      throws Exception {
    HttpResponse<String> response = send(path, type, body);

    ContractExampleTest.problem(response, status);
    assertStillServing();
  }

  static Stream<Arguments> parameters() {
    return Stream.of(
        Arguments.of("/api/items/abc", 400),
        Arguments.of("/api/items/1.5", 400),
        Arguments.of("/api/items/" + "9".repeat(500), 400),
        Arguments.of("/api/items/1?limit=", 400),
        Arguments.of("/api/items/1?limit=1e2", 400),
        Arguments.of("/api/items/1?limit=101", 400),
        Arguments.of("/api/items/1?limit=%ff", 400),
        Arguments.of("/api/items/1?verbose=TRUE", 400),
        Arguments.of("/api/items/1?tag=a", 400),
        Arguments.of("/api/items/%ff", 400));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parameters")
  void answersABadParameterWithAProblem(String path, int status) throws Exception {
    ContractExampleTest.problem(get(path, "x-api-key", "secret"), status);
    assertStillServing();
  }

  @Test
  void answersAMissingOrInvalidHeaderWithAProblem() throws Exception {
    ContractExampleTest.problem(get("/api/items/1"), 400);
    ContractExampleTest.problem(get("/api/items/1", "x-api-key", "ab"), 400);
    assertStillServing();
  }

  @Test
  void listsTheFirstHundredViolationsAndCountsThemAll() throws Exception {
    String tags = String.join(",", java.util.Collections.nCopies(300, "1"));
    HttpResponse<String> response =
        send(
            "/api/notes",
            JSON_TYPE,
            ("{\"tags\":[" + tags + "]}").getBytes(StandardCharsets.UTF_8));

    JsonNode problem = ContractExampleTest.problem(response, 400);
    assertThat(problem.get("errors")).hasSize(100);
    assertThat(problem.get("errorCount").asInt()).isEqualTo(300);
  }

  @Test
  void answersManyParallelClientsCorrectly() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(32);
    try {
      List<Future<?>> results = new ArrayList<>();
      for (int t = 0; t < 32; t++) {
        int client = t;
        results.add(
            clients.submit(
                () -> {
                  for (int i = 0; i < 20; i++) {
                    int id = client * 1000 + i + 1;
                    exchangeFor(id, i % 3);
                  }
                  return null;
                }));
      }
      for (Future<?> result : results) {
        result.get();
      }
    } finally {
      clients.shutdownNow();
    }
  }

  /** One request of a kind, checked against the answer meant for exactly this request. */
  private static void exchangeFor(int id, int kind) throws Exception {
    if (kind == 0) {
      HttpResponse<String> response =
          get("/api/items/" + id + "?limit=" + (id % 100 + 1), "x-api-key", "key" + id);
      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode answer = JSON.readTree(response.body());
      assertThat(answer.get("id").asInt()).isEqualTo(id);
      assertThat(answer.get("limit").asInt()).isEqualTo(id % 100 + 1);
      assertThat(answer.get("key").asText()).isEqualTo("key" + id);
    } else if (kind == 1) {
      HttpResponse<String> response =
          send(
              "/api/payments",
              FORM,
              ("amount=" + id + "&currency=USD").getBytes(StandardCharsets.UTF_8));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(response.body()).get("amount").asInt()).isEqualTo(id);
    } else {
      HttpResponse<String> response = get("/api/items/" + id + "?limit=x" + id, "x-api-key", "key");
      JsonNode problem = ContractExampleTest.problem(response, 400);
      assertThat(problem.get("errors").get(0).get("pointer").asText()).isEqualTo("/query/limit");
    }
  }

  private static void assertStillServing() throws Exception {
    assertThat(get("/api/items/7", "x-api-key", "secret").statusCode()).isEqualTo(200);
  }

  /** A body for the payments route, whose own limit is 1 KiB. */
  private static Arguments body(String name, String type, String body, int status) {
    return body(name, type, body.getBytes(StandardCharsets.UTF_8), status);
  }

  private static Arguments body(String name, String type, byte[] body, int status) {
    return Arguments.of(name, "/api/payments", type, body, status);
  }

  /** A JSON body for the notes route, under the server-wide 64 KiB limit. */
  private static Arguments notes(String name, String body, int status) {
    return Arguments.of(
        name, "/api/notes", JSON_TYPE, body.getBytes(StandardCharsets.UTF_8), status);
  }

  private static byte[] bytes(String before, int b, String after) {
    byte[] head = before.getBytes(StandardCharsets.UTF_8);
    byte[] tail = after.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + 1 + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    all[head.length] = (byte) b;
    System.arraycopy(tail, 0, all, head.length + 1, tail.length);
    return all;
  }
}

package dev.hookc.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProblemResponseTest {

  private static final String SECRET = "db password is hunter2";
  private static final List<LogRecord> LOGGED = new ArrayList<>();
  private static final Logger SERVER_LOG = Logger.getLogger(HookcServer.class.getName());
  private static final Handler CAPTURE =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          synchronized (LOGGED) {
            LOGGED.add(record);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private static TestServer http;

  @BeforeAll
  static void start() throws IOException {
    SERVER_LOG.addHandler(CAPTURE);
    http =
        TestServer.start(
            Route.of(
                "POST",
                "/invalid",
                r -> {
                  throw HttpProblem.badRequest(
                      "the body breaks its schema",
                      List.of(
                          new Violation("/amount", "minimum", "must be at least 1"),
                          new Violation("", "required", "'id' is missing")));
                }),
            Route.of(
                "POST",
                "/many",
                r -> {
                  List<Violation> errors = new ArrayList<>();
                  for (int i = 0; i < 150; i++) {
                    errors.add(new Violation("/items/" + i, "type", "expected a string"));
                  }
                  throw HttpProblem.badRequest("too many things wrong", errors);
                }),
            Route.of(
                "GET",
                "/teapot",
                r -> {
                  throw new HttpProblem(418, "I'm a teapot", "short and stout")
                      .withHeader("Retry-After", "5");
                }),
            Route.of(
                "GET",
                "/boom",
                r -> {
                  throw new IllegalStateException(SECRET);
                }),
            Route.of("GET", "/null", r -> null));
  }

  @AfterAll
  static void stop() {
    http.close();
    SERVER_LOG.removeHandler(CAPTURE);
  }

  @Test
  void turnsHttpProblemIntoProblemJsonWithViolations() throws Exception {
    HttpResponse<String> response = http.postJson("/invalid", "{}");
    JsonNode body = TestServer.json(response);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(body.get("type").asText()).isEqualTo("https://hookc.dev/problems/bad-request");
    assertThat(body.get("title").asText()).isEqualTo("Bad Request");
    assertThat(body.get("status").asInt()).isEqualTo(400);
    assertThat(body.get("detail").asText()).isEqualTo("the body breaks its schema");
    assertThat(body.get("errors")).hasSize(2);
    assertThat(body.at("/errors/0/pointer").asText()).isEqualTo("/amount");
    assertThat(body.at("/errors/0/keyword").asText()).isEqualTo("minimum");
    assertThat(body.at("/errors/0/message").asText()).isEqualTo("must be at least 1");
    assertThat(body.has("errorCount")).isFalse();
  }

  @Test
  void capsViolationsAtOneHundredAndGivesTheTotal() throws Exception {
    JsonNode body = TestServer.json(http.postJson("/many", "{}"));

    assertThat(body.get("errors")).hasSize(100);
    assertThat(body.get("errorCount").asInt()).isEqualTo(150);
  }

  @Test
  void keepsCustomStatusTitleAndHeaders() throws Exception {
    HttpResponse<String> response = http.get("/teapot");
    JsonNode body = TestServer.json(response);

    assertThat(response.statusCode()).isEqualTo(418);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(body.get("type").asText()).isEqualTo("about:blank");
    assertThat(body.get("title").asText()).isEqualTo("I'm a teapot");
    assertThat(body.has("errors")).isFalse();
  }

  @Test
  void hidesEverythingAboutAnUnexpectedExceptionButLogsItWithTheRequestId() throws Exception {
    HttpResponse<String> response = http.get("/boom");
    JsonNode body = TestServer.json(response);

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body())
        .doesNotContain("hunter2")
        .doesNotContain("IllegalStateException")
        .doesNotContain("dev.hookc")
        .doesNotContain("Exception");
    String requestId = body.get("requestId").asText();
    assertThat(requestId).matches("[0-9a-f]{12}");
    synchronized (LOGGED) {
      assertThat(LOGGED)
          .anySatisfy(
              record -> {
                assertThat(record.getMessage()).contains(requestId);
                assertThat(record.getThrown()).hasMessage(SECRET);
              });
    }
  }

  @Test
  void treatsANullResponseAsAServerFault() throws Exception {
    assertThat(http.get("/null").statusCode()).isEqualTo(500);
  }

  @Test
  void refusesProblemsWithoutAnErrorStatus() {
    assertThatThrownBy(() -> new HttpProblem(200, "OK", "fine"))
        .hasMessage("not an error status: 200");
  }

  @Test
  void refusesHeaderValuesWithLineBreaks() {
    assertThatThrownBy(() -> Response.empty(200).withHeader("X-A", "1\r\nSet-Cookie: x=1"))
        .hasMessage("header value contains a line break: X-A");
  }
}

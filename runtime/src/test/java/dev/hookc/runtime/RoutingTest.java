package dev.hookc.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RoutingTest {

  private static TestServer http;

  @BeforeAll
  static void start() throws Exception {
    http =
        TestServer.start(
            Route.of("GET", "/users/{id}", r -> text("user " + r.pathParam("id"))),
            Route.of("GET", "/users/me", r -> text("me")),
            Route.of("DELETE", "/users/{id}", r -> Response.empty(204)),
            Route.of("GET", "/orgs/:org/repos/:repo", r -> Response.json(200, r.pathParams())),
            Route.of("POST", "/callback", r -> text("posted")),
            Route.of("GET", "/", r -> text("root")));
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  private static Response text(String text) {
    return Response.of(200, "text/plain; charset=utf-8", text.getBytes(UTF_8));
  }

  @Test
  void bindsBraceParameters() throws Exception {
    HttpResponse<String> response = http.get("/users/42");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("user 42");
  }

  @Test
  void bindsColonParameters() throws Exception {
    HttpResponse<String> response = http.get("/orgs/hookc/repos/runtime");

    assertThat(TestServer.json(response).get("org").asText()).isEqualTo("hookc");
    assertThat(TestServer.json(response).get("repo").asText()).isEqualTo("runtime");
  }

  @Test
  void decodesParametersButKeepsEncodedSlashesInsideOneSegment() throws Exception {
    HttpResponse<String> response = http.get("/users/a%2Fb%20c%C3%A9+d");

    assertThat(response.body()).isEqualTo("user a/b c\u00e9+d");
  }

  @Test
  void rejectsMalformedPercentEncodingWith400() throws Exception {
    HttpResponse<String> response = http.get("/users/%E9");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void preferLiteralSegmentsOverParameters() throws Exception {
    assertThat(http.get("/users/me").body()).isEqualTo("me");
    assertThat(http.get("/users/you").body()).isEqualTo("user you");
  }

  @Test
  void toleratesOneTrailingSlash() throws Exception {
    assertThat(http.get("/users/7/").body()).isEqualTo("user 7");
    assertThat(http.get("/").body()).isEqualTo("root");
  }

  @Test
  void answersUnknownPathsWith404Problem() throws Exception {
    HttpResponse<String> response = http.get("/nowhere");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(TestServer.json(response).get("status").asInt()).isEqualTo(404);
  }

  @Test
  void answersWrongMethodWith405AndAllow() throws Exception {
    HttpResponse<String> response = http.send("PUT", "/users/42");

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("DELETE, GET, HEAD, OPTIONS");
    assertThat(TestServer.json(response).get("type").asText())
        .isEqualTo("https://hookc.dev/problems/method-not-allowed");
  }

  @Test
  void answersHeadLikeGetWithoutBody() throws Exception {
    HttpResponse<String> get = http.get("/users/42");
    HttpResponse<String> head = http.send("HEAD", "/users/42");

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("Content-Length"))
        .hasValue(String.valueOf(get.body().getBytes(UTF_8).length));
    assertThat(head.headers().firstValue("Content-Type"))
        .isEqualTo(get.headers().firstValue("Content-Type"));
  }

  @Test
  void answersOptionsOnKnownPathWith204AndAllow() throws Exception {
    HttpResponse<String> response = http.send("OPTIONS", "/callback");

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("Allow")).hasValue("OPTIONS, POST");
  }

  @Test
  void answersOptionsOnUnknownPathWith404() throws Exception {
    assertThat(http.send("OPTIONS", "/nowhere").statusCode()).isEqualTo(404);
  }

  @Test
  void sendsNoContentLengthFor204() throws Exception {
    HttpResponse<String> response = http.send("DELETE", "/users/42");

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("Content-Length")).isEmpty();
  }

  @Test
  void answersHealthWithUp() throws Exception {
    HttpResponse<String> response = http.get("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(TestServer.json(response))
        .isEqualTo(Json.mapper().valueToTree(Map.of("status", "UP")));
  }

  @Test
  void disablesHealthWhenPathIsNull() throws Exception {
    try (TestServer noHealth = TestServer.start(HookcServer.builder().healthPath(null))) {
      assertThat(noHealth.get("/health").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void refusesDuplicateRoutesAtStart() {
    HookcServer.Builder builder =
        HookcServer.builder()
            .host("127.0.0.1")
            .port(0)
            .route(Route.of("GET", "/a/{x}", r -> Response.empty(204)))
            .route(Route.of("get", "/a/:y/", r -> Response.empty(204)));

    assertThatThrownBy(builder::start)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicate route: GET /a/:y/");
  }

  @Test
  void refusesMalformedTemplates() {
    assertThatThrownBy(() -> Route.of("GET", "users", r -> null))
        .hasMessage("path must start with '/': users");
    assertThatThrownBy(() -> Route.of("GET", "/a//b", r -> null))
        .hasMessage("empty segment in path: /a//b");
    assertThatThrownBy(() -> Route.of("GET", "/a/{x}/{x}", r -> null))
        .hasMessage("duplicate parameter 'x' in path: /a/{x}/{x}");
    assertThatThrownBy(() -> Route.of("GET", "/a/x{y}", r -> null))
        .hasMessage("not a valid path segment: x{y}");
  }
}

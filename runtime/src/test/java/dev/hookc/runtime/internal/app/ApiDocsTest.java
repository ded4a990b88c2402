package dev.hookc.runtime.internal.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hookc.runtime.Application;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The API documentation over real HTTP: the document from the class path, Swagger UI from the
 * webjar (a test dependency here), caching, and problems for everything else.
 */
class ApiDocsTest {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Application app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  private void start(String ui, Map<String, String> environment) {
    Application.Builder builder =
        Assembly.of(
                env -> JsonNodeFactory.instance.objectNode(),
                startup ->
                    List.of(
                        Route.of(
                            "POST", "/orders", request -> Response.json(200, Map.of("ok", true)))))
            .apiDocs(ApiDocsTest.class, "/api-docs", ui)
            .builder();
    environment.forEach(builder::environment);
    app = builder.host("127.0.0.1").port(0).build().start();
  }

  private HttpResponse<byte[]> send(String method, String path, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(app.baseUri() + path))
            .timeout(Duration.ofSeconds(10))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void servesTheDocumentFromTheClassPathAsJsonAndYaml() throws Exception {
    start("/api-docs/ui", Map.of());

    HttpResponse<byte[]> json = send("GET", "/api-docs");
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(json.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(json.body()).isEqualTo(resource("openapi.json"));
    HttpResponse<byte[]> yaml = send("GET", "/api-docs.yaml");
    assertThat(yaml.statusCode()).isEqualTo(200);
    assertThat(yaml.headers().firstValue("Content-Type")).hasValue("application/yaml");
    assertThat(yaml.body()).isEqualTo(resource("openapi.yaml"));
  }

  @Test
  void answersARevalidationWithNotModified() throws Exception {
    start("/api-docs/ui", Map.of());
    String etag = send("GET", "/api-docs").headers().firstValue("ETag").orElseThrow();

    HttpResponse<byte[]> again = send("GET", "/api-docs", "If-None-Match", etag);

    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(send("GET", "/api-docs", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
  }

  @Test
  void servesSwaggerUiFromTheWebjarPointingAtTheLocalDocument() throws Exception {
    start("/api-docs/ui", Map.of());

    HttpResponse<byte[]> page = send("GET", "/api-docs/ui");
    String html = new String(page.body(), StandardCharsets.UTF_8);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(html)
        .contains("/api-docs/ui/swagger-ui-bundle.js", "/api-docs/ui/swagger-initializer.js")
        .doesNotContain("http://", "https://");
    String initializer =
        new String(
            send("GET", "/api-docs/ui/swagger-initializer.js").body(), StandardCharsets.UTF_8);
    assertThat(initializer).contains("url: \"/api-docs\"", "validatorUrl: null");
    HttpResponse<byte[]> bundle = send("GET", "/api-docs/ui/swagger-ui-bundle.js");
    assertThat(bundle.statusCode()).isEqualTo(200);
    assertThat(bundle.headers().firstValue("Content-Type"))
        .hasValue("text/javascript; charset=utf-8");
    assertThat(bundle.body().length).isGreaterThan(100_000);
    assertThat(send("GET", "/api-docs/ui/swagger-ui.css").statusCode()).isEqualTo(200);
    assertThat(send("HEAD", "/api-docs/ui/swagger-ui.css").body()).isEmpty();
  }

  @Test
  void answersOtherMethodsAndPathsWithProblems() throws Exception {
    start("/api-docs/ui", Map.of());

    HttpResponse<byte[]> post = send("POST", "/api-docs");
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(post.headers().firstValue("Allow")).isPresent();
    for (String path :
        List.of(
            "/api-docs/ui/index.html",
            "/api-docs/ui/%2e%2e/%2e%2e/etc/passwd",
            "/api-docs/ui/swagger-ui.js.map",
            "/api-docs/ui/META-INF/MANIFEST.MF")) {
      HttpResponse<byte[]> response = send("GET", path);
      assertThat(response.statusCode()).as(path).isIn(400, 404);
      assertThat(response.headers().firstValue("Content-Type"))
          .as(path)
          .hasValue("application/problem+json");
    }
  }

  @Test
  void servesNoUiWhenTurnedOffAndNothingWhenTheEnvironmentSaysSo() throws Exception {
    start(null, Map.of());
    assertThat(send("GET", "/api-docs").statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api-docs/ui").statusCode()).isEqualTo(404);
    app.close();

    start("/api-docs/ui", Map.of("HOOKC_API_DOCS", "false"));
    assertThat(send("GET", "/api-docs").statusCode()).isEqualTo(404);
    assertThat(send("GET", "/api-docs/ui").statusCode()).isEqualTo(404);
    assertThat(send("POST", "/orders").statusCode()).isEqualTo(200);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = ApiDocsTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }
}

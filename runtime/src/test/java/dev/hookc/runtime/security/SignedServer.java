package dev.hookc.runtime.security;

import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real server on a loopback port whose one route, behind an authenticator, echoes the body it
 * received and the user the authenticator established.
 */
final class SignedServer implements AutoCloseable {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final HookcServer server;

  SignedServer(Authenticator authenticator) throws Exception {
    this.server =
        HookcServer.builder()
            .host("127.0.0.1")
            .port(0)
            .shutdownGrace(Duration.ofMillis(100))
            .route(
                Route.of(
                    "POST",
                    "/hook",
                    authenticator.protect(
                        request -> {
                          Map<String, Object> echo = new LinkedHashMap<>();
                          echo.put("body", new String(request.body(), StandardCharsets.UTF_8));
                          echo.put("user", request.user());
                          return Response.json(200, echo);
                        })))
            .start();
  }

  /** Posts {@code body} with the given header name/value pairs. */
  HttpResponse<String> post(byte[] body, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUri() + "/hook"))
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String detail(HttpResponse<String> response) throws Exception {
    return json(response).path("detail").asText();
  }

  static com.fasterxml.jackson.databind.JsonNode json(HttpResponse<String> response)
      throws Exception {
    return Json.mapper().readTree(response.body());
  }

  @Override
  public void close() {
    server.stop(Duration.ofMillis(100));
  }
}

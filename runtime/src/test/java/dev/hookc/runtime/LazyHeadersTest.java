package dev.hookc.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.runtime.internal.Parameters;
import dev.hookc.runtime.internal.workflow.RequestInputs;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The headers of a received request are read from the server's own headers until something asks for
 * all of them; what a handler sees must not depend on which it asks for first.
 */
class LazyHeadersTest {

  private static final List<String> NAMES =
      List.of("x-tag", "X-TAG", "Content-Type", "content-length", "x-empty", "x-absent", "a\nb");

  private static TestServer http;

  @BeforeAll
  static void start() throws Exception {
    http =
        TestServer.start(
            Route.of(
                "POST",
                "/compare",
                request -> {
                  // Asked before the lower-cased map exists, then again from that map.
                  Map<String, Object> lazy = seen(request);
                  Map<String, List<String>> all = request.headers();
                  Request eager =
                      Request.of(
                          request.method(),
                          request.path(),
                          request.pathParams(),
                          request.queryParams(),
                          all,
                          request.body());
                  Map<String, Object> answer = new LinkedHashMap<>();
                  answer.put("lazy", lazy);
                  answer.put("afterMap", seen(request));
                  answer.put("eager", seen(eager));
                  answer.put("map", all);
                  return Response.json(200, answer);
                }));
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  private static Map<String, Object> seen(Request request) {
    Map<String, Object> seen = new LinkedHashMap<>();
    for (String name : NAMES) {
      seen.put(name, request.header(name));
      seen.put(name + " (all)", request.headerValues(name));
    }
    Map<String, List<String>> visited = new LinkedHashMap<>();
    request.forEachHeader(visited::put);
    seen.put("forEachHeader", visited);
    seen.put("mediaType", request.mediaType());
    // Parameters builds inputs.headers from forEachHeader; RequestInputs from the whole map.
    seen.put("parametersHeaders", new Parameters(request, "POST /compare").headers());
    seen.put("inputsHeaders", RequestInputs.headers(request));
    return seen;
  }

  @Test
  void headersReadBeforeTheMapExistsAreTheSameAsFromTheMap() throws Exception {
    JsonNode answer =
        TestServer.json(
            TestServer.send(
                HttpRequest.newBuilder(http.uri("/compare"))
                    .header("X-Tag", "one")
                    .header("x-tag", "two")
                    .header("X-Empty", "")
                    .header("Content-Type", "Application/JSON; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))));

    assertThat(answer.get("lazy")).isEqualTo(answer.get("eager"));
    assertThat(answer.get("afterMap")).isEqualTo(answer.get("eager"));
    JsonNode lazy = answer.get("lazy");
    assertThat(lazy.get("X-TAG (all)").toString()).isEqualTo("[\"one\",\"two\"]");
    assertThat(lazy.get("x-tag").asText()).isEqualTo("one");
    assertThat(lazy.get("x-empty").asText()).isEmpty();
    assertThat(lazy.get("x-absent").isNull()).isTrue();
    assertThat(lazy.get("a\nb").isNull()).isTrue();
    assertThat(lazy.get("mediaType").asText()).isEqualTo("application/json");
    assertThat(lazy.get("forEachHeader")).isEqualTo(answer.get("map"));
    assertThat(lazy.get("parametersHeaders")).isEqualTo(lazy.get("inputsHeaders"));
    assertThat(((ObjectNode) lazy.get("inputsHeaders")).get("x-tag").toString())
        .isEqualTo("[\"one\",\"two\"]");
  }

  @Test
  void namesThatDifferInCaseOnlyAreOneHeader() throws Exception {
    // java.net.http would merge these itself, so they go over a plain socket.
    String raw =
        "POST /compare HTTP/1.1\r\nHost: localhost\r\nX-TAG: a\r\nx-tag: b\r\nX-Tag: c\r\n"
            + "Content-Length: 0\r\nConnection: close\r\n\r\n";
    String response;
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), http.server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(raw.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(response).startsWith("HTTP/1.1 200");
    JsonNode answer = Json.mapper().readTree(response.substring(response.indexOf("\r\n\r\n") + 4));

    assertThat(answer.get("lazy")).isEqualTo(answer.get("eager"));
    assertThat(answer.get("lazy").get("x-tag (all)").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
    assertThat(answer.get("map").get("x-tag").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
  }
}

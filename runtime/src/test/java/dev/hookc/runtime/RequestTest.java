package dev.hookc.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RequestTest {

  private static TestServer http;

  @BeforeAll
  static void start() throws Exception {
    http =
        TestServer.start(
            Route.of(
                "POST",
                "/inspect/{id}",
                r -> {
                  Map<String, Object> seen = new LinkedHashMap<>();
                  seen.put("method", r.method());
                  seen.put("path", r.path());
                  seen.put("id", r.pathParam("id"));
                  seen.put("missing", r.pathParam("nope"));
                  seen.put("query", r.queryParams());
                  seen.put("first", r.queryParam("tag"));
                  seen.put("signature", r.header("X-SIGNATURE"));
                  seen.put("headerKeysLowerCase", r.headers().containsKey("x-signature"));
                  seen.put("session", r.cookie("session"));
                  seen.put("theme", r.cookie("theme"));
                  seen.put("noCookie", r.cookie("absent"));
                  seen.put("mediaType", r.mediaType());
                  seen.put("body", r.body());
                  return Response.json(200, seen);
                }));
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  @Test
  void exposesEveryPartOfTheRequest() throws Exception {
    byte[] body = {0, 1, 2, (byte) 0xFF, '\r', '\n'};
    HttpRequest.Builder request =
        HttpRequest.newBuilder(http.uri("/inspect/a%20b?tag=x&tag=y%26z&q=hello+world&flag"))
            .header("X-Signature", "sha256=abc")
            .header("Cookie", "session=s1; theme=\"dark\"")
            .header("Content-Type", "Application/JSON; charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));

    JsonNode seen = TestServer.json(TestServer.send(request));

    assertThat(seen.get("method").asText()).isEqualTo("POST");
    assertThat(seen.get("path").asText()).isEqualTo("/inspect/a%20b");
    assertThat(seen.get("id").asText()).isEqualTo("a b");
    assertThat(seen.get("missing").isNull()).isTrue();
    assertThat(seen.get("query").toString())
        .isEqualTo("{\"tag\":[\"x\",\"y&z\"],\"q\":[\"hello world\"],\"flag\":[\"\"]}");
    assertThat(seen.get("first").asText()).isEqualTo("x");
    assertThat(seen.get("signature").asText()).isEqualTo("sha256=abc");
    assertThat(seen.get("headerKeysLowerCase").asBoolean()).isTrue();
    assertThat(seen.get("session").asText()).isEqualTo("s1");
    assertThat(seen.get("theme").asText()).isEqualTo("dark");
    assertThat(seen.get("noCookie").isNull()).isTrue();
    assertThat(seen.get("mediaType").asText()).isEqualTo("application/json");
    assertThat(seen.get("body").binaryValue()).isEqualTo(body);
  }

  @Test
  void reportsNoMediaTypeWhenContentTypeIsAbsent() throws Exception {
    JsonNode seen =
        TestServer.json(
            TestServer.send(
                HttpRequest.newBuilder(http.uri("/inspect/1"))
                    .POST(HttpRequest.BodyPublishers.noBody())));

    assertThat(seen.get("mediaType").isNull()).isTrue();
    assertThat(seen.get("query").size()).isZero();
    assertThat(seen.get("body").asText()).isEmpty();
  }
}

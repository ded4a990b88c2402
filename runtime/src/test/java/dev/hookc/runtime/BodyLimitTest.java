package dev.hookc.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BodyLimitTest {

  private static final AtomicInteger HANDLED = new AtomicInteger();
  private static TestServer http;

  @BeforeAll
  static void start() throws Exception {
    RequestHandler length =
        r -> {
          HANDLED.incrementAndGet();
          return Response.json(200, r.body().length);
        };
    http =
        TestServer.start(
            HookcServer.builder()
                .maxBodyBytes(1024)
                .route(Route.of("POST", "/small", length))
                .route(Route.of("POST", "/large", length).withMaxBodyBytes(4096)));
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  @Test
  void acceptsABodyAtTheLimit() throws Exception {
    assertThat(http.post("/small", "text/plain", new byte[1024]).body()).isEqualTo("1024");
  }

  @Test
  void usesTheRouteLimitOverTheServerDefault() throws Exception {
    assertThat(http.post("/large", "text/plain", new byte[4096]).body()).isEqualTo("4096");
    assertThat(http.post("/large", "text/plain", new byte[4097]).statusCode()).isEqualTo(413);
  }

  @Test
  void rejectsADeclaredLengthOverTheLimitWithoutReadingTheBody() throws Exception {
    int before = HANDLED.get();
    // Declares 10 MB and sends none of it: an answer proves the server did not wait to read it.
    TestServer.RawResponse response =
        http.raw(
            "POST /small HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 10000000\r\n\r\n");

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.headers().get("content-type")).isEqualTo("application/problem+json");
    assertThat(response.body()).contains("\"status\":413").contains("1024 bytes");
    assertThat(HANDLED.get()).isEqualTo(before);
  }

  @Test
  void rejectsAChunkedBodyThatGrowsPastTheLimit() throws Exception {
    String chunk = "x".repeat(600);
    String request =
        "POST /small HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
            + Integer.toHexString(600)
            + "\r\n"
            + chunk
            + "\r\n"
            + Integer.toHexString(600)
            + "\r\n"
            + chunk
            + "\r\n0\r\n\r\n";

    TestServer.RawResponse response = http.raw(request);

    assertThat(response.status()).isEqualTo(413);
  }

  @Test
  void readsAChunkedBodyWithinTheLimitWhole() throws Exception {
    String request =
        "POST /small HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "3\r\nabc\r\n4\r\ndefg\r\n0\r\n\r\n";

    TestServer.RawResponse response = http.raw(request);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("7");
  }

  @Test
  void rejectsAnOverLongBodyFromHttpClientToo() throws Exception {
    assertThat(http.post("/small", "text/plain", "y".repeat(2000).getBytes(UTF_8)).statusCode())
        .isEqualTo(413);
  }

  @Test
  void rejectsAnUnparsableContentLength() throws Exception {
    TestServer.RawResponse response =
        http.raw("POST /small HTTP/1.1\r\nHost: localhost\r\nContent-Length: -5\r\n\r\n");

    assertThat(response.status()).isEqualTo(400);
  }
}

package dev.hookc.runtime;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Request heads and framings that a careless or hostile sender produces: each is answered with a
 * problem (or served as the RFC says), and a framing the server cannot trust closes the connection
 * so that nothing after it is taken for another request.
 */
@Timeout(30)
class HostileRequestHeadTest {

  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
  private static final AtomicInteger HANDLED = new AtomicInteger();
  private static TestServer http;

  @BeforeAll
  static void start() throws Exception {
    RequestHandler echo =
        r -> {
          HANDLED.incrementAndGet();
          return Response.of(200, "text/plain", r.body());
        };
    http =
        TestServer.start(
            HookcServer.builder()
                .route(Route.of("GET", "/orders", r -> Response.json(200, "orders")))
                .route(Route.of("POST", "/webhooks/orders", echo))
                .route(Route.of("POST", "/echo", echo))
                .route(Route.of("POST", "/small", echo).withMaxBodyBytes(16)));
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  @Test
  void doesNotTakeTheFirstSegmentOfADoubleSlashPathForAHost() throws Exception {
    assertThat(exchange("GET /orders HTTP/1.1\r\nHost: a\r\n\r\n").status()).isEqualTo(200);

    TestServer.RawResponse response = exchange("GET //webhooks/orders HTTP/1.1\r\nHost: a\r\n\r\n");

    assertProblem(response, 404);
  }

  @Test
  void servesThePathOfAnAbsoluteFormTarget() throws Exception {
    TestServer.RawResponse response =
        exchange("GET http://example.com:8080/orders HTTP/1.1\r\nHost: example.com\r\n\r\n");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("\"orders\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://[::1/orders",
        "http://[zz::1]/orders",
        "http://example.com:99999/orders",
        "http://example.com:8o/orders",
        "http://user@example.com/orders",
        "http://user:pw@example.com/orders",
        "http://exa\"mple.com/orders",
        "http://:80/orders",
        "http://example.com:80:80/orders",
      })
  void answersAnAbsoluteFormTargetWithAMalformedAuthorityWith400(String target) throws Exception {
    assertRejectedAndClosed("GET " + target + " HTTP/1.1\r\nHost: example.com\r\n\r\n", 400);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://[::1]/orders",
        "http://[::1]:8080/orders",
        "http://127.0.0.1:8080/orders",
        "http://example.com:/orders",
        "HTTPS://sub.example-1.com/orders",
      })
  void servesAnAbsoluteFormTargetWithAWellFormedAuthority(String target) throws Exception {
    TestServer.RawResponse response =
        exchange("GET " + target + " HTTP/1.1\r\nHost: example.com\r\n\r\n");

    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void answersATlsHandshakeOnThePlainPortAtOnceRatherThanAtTheHeadDeadline() throws Exception {
    // The start of a TLS ClientHello: a record header and no line end in sight.
    byte[] clientHello = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03};
    try (RawConnection connection = RawConnection.open(http.server.port())) {
      connection.send(clientHello);

      assertProblem(connection.read(Duration.ofSeconds(2)), 400);
    }
  }

  @Test
  void answersOptionsForTheWholeServer() throws Exception {
    TestServer.RawResponse response = exchange("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n");

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.headers().get("allow")).contains("GET").contains("POST");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET /orders\r\n\r\n",
        "GET  /orders HTTP/1.1\r\nHost: a\r\n\r\n",
        "GET /orders HTTP/1.1 \r\nHost: a\r\n\r\n",
        "GET /orders HTTP/1.1 x\r\nHost: a\r\n\r\n",
        " GET /orders HTTP/1.1\r\nHost: a\r\n\r\n",
        "GET orders HTTP/1.1\r\nHost: a\r\n\r\n",
        "G(T /orders HTTP/1.1\r\nHost: a\r\n\r\n",
        "GET * HTTP/1.1\r\nHost: a\r\n\r\n",
        "GET /orders#top HTTP/1.1\r\nHost: a\r\n\r\n",
        "GET /ord\u00e9rs HTTP/1.1\r\nHost: a\r\n\r\n",
        "GET ftp://a/orders HTTP/1.1\r\nHost: a\r\n\r\n",
        "GET /orders http/1.1\r\nHost: a\r\n\r\n",
        "GET /orders HTTP/1.1\nHost: a\n\n",
        "GET /orders HTTP/1.1\rHost: a\r\n\r\n",
        "\u0000\u0001\u0002\u0003\r\n\r\n",
      })
  void answersAMalformedRequestLineWith400AndCloses(String request) throws Exception {
    assertRejectedAndClosed(request, 400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTTP/2.0", "HTTP/0.9", "HTTP/3.1"})
  void answersAnUnsupportedVersionWith505(String version) throws Exception {
    assertRejectedAndClosed("GET /orders " + version + "\r\nHost: a\r\n\r\n", 505);
  }

  @Test
  void answersAnOverLongRequestLineWith414() throws Exception {
    assertRejectedAndClosed("GET /" + "a".repeat(9_000) + " HTTP/1.1\r\nHost: a\r\n\r\n", 414);
  }

  @Test
  void answersAOneMegabyteHeaderLineWith431() throws Exception {
    byte[] request =
        ("GET /orders HTTP/1.1\r\nHost: a\r\nX-Big: " + "b".repeat(1 << 20) + "\r\n\r\n")
            .getBytes(ISO_8859_1);
    try (RawConnection connection = RawConnection.open(http.server.port())) {
      connection.sendInBackground(request);
      TestServer.RawResponse response = connection.read();

      assertProblem(response, 431);
      assertThat(response.headers().get("connection")).isEqualTo("close");
    }
  }

  @Test
  void answersTenThousandHeadersWith431() throws Exception {
    StringBuilder request = new StringBuilder("GET /orders HTTP/1.1\r\nHost: a\r\n");
    for (int i = 0; i < 10_000; i++) {
      request.append("X-H").append(i).append(": v\r\n");
    }
    try (RawConnection connection = RawConnection.open(http.server.port())) {
      connection.sendInBackground(request.append("\r\n").toString().getBytes(ISO_8859_1));
      TestServer.RawResponse response = connection.read();

      assertProblem(response, 431);
      assertThat(response.headers().get("connection")).isEqualTo("close");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "NoColon",
        "X-A : b",
        ": b",
        "X(A: b",
        "X-A: b\u0001c",
        "X-A: b\u007f",
        "X-A: b\u0000",
        "X-A: b\rc",
        "X-A: b\r\n c",
        "X-A: b\r\n\tc",
      })
  void answersABadHeaderLineWith400AndCloses(String header) throws Exception {
    assertRejectedAndClosed("GET /orders HTTP/1.1\r\nHost: a\r\n" + header + "\r\n\r\n", 400);
  }

  @Test
  void requiresExactlyOneHostInHttp11() throws Exception {
    assertRejectedAndClosed("GET /orders HTTP/1.1\r\n\r\n", 400);
    assertRejectedAndClosed("GET /orders HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Content-Length: abc",
        "Content-Length: 1.5",
        "Content-Length: +3",
        "Content-Length: 0x3",
        "Content-Length: ",
        "Content-Length: 3, 3",
        "Content-Length: 3\r\nContent-Length: 3",
        "Content-Length: 3\r\nContent-Length: 4",
      })
  void answersAnInvalidOrRepeatedContentLengthWith400AndCloses(String header) throws Exception {
    int before = HANDLED.get();

    assertRejectedAndClosed("POST /echo HTTP/1.1\r\nHost: a\r\n" + header + "\r\n\r\nabcd", 400);
    assertThat(HANDLED.get()).isEqualTo(before);
  }

  @Test
  void refusesContentLengthTogetherWithTransferEncoding() throws Exception {
    // CL.TE smuggling: a front end that trusts Content-Length forwards all of it; one that trusts
    // chunked would take the rest for a second request.
    String smuggled = "GET /orders HTTP/1.1\r\nHost: a\r\n\r\n";
    int before = HANDLED.get();

    assertRejectedAndClosed(
        "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: "
            + (5 + smuggled.length())
            + "\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
            + smuggled,
        400);
    assertRejectedAndClosed(
        "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n"
            + "3\r\nabc\r\n0\r\n\r\n",
        400);
    assertThat(HANDLED.get()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Transfer-Encoding: gzip",
        "Transfer-Encoding: chunked, gzip",
        "Transfer-Encoding: chunked, chunked",
        "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked",
        "Transfer-Encoding: xchunked",
        "Transfer-Encoding: chunked;q=1",
        "Transfer-Encoding: ",
      })
  void answersATransferEncodingWhoseLastCodingIsNotOneChunkedWith400(String header)
      throws Exception {
    assertRejectedAndClosed(
        "POST /echo HTTP/1.1\r\nHost: a\r\n" + header + "\r\n\r\n3\r\nabc\r\n0\r\n\r\n", 400);
  }

  @Test
  void answersAnUnknownTransferCodingBeforeChunkedWith501() throws Exception {
    assertRejectedAndClosed(
        "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501);
  }

  @Test
  void refusesChunkedInHttp10() throws Exception {
    assertRejectedAndClosed(
        "POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", 400);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "3;name=value\r\nabc\r\n0\r\n\r\n",
        "3 ; name=\"quoted\"\r\nabc\r\n0\r\n\r\n",
        "003\r\nabc\r\n0\r\n\r\n",
        "1\r\na\r\n2\r\nbc\r\n0;last\r\nX-Trailer: t\r\nX-Other: u\r\n\r\n",
      })
  void readsChunkedBodiesWithExtensionsLeadingZerosAndTrailers(String chunks) throws Exception {
    TestServer.RawResponse response =
        exchange("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("abc");
  }

  @Test
  void readsUpperCaseHexChunkSizes() throws Exception {
    TestServer.RawResponse response =
        exchange(
            "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n"
                + "A\r\n0123456789\r\n0\r\n\r\n");

    assertThat(response.body()).isEqualTo("0123456789");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "g\r\nabc\r\n0\r\n\r\n",
        "\r\nabc\r\n0\r\n\r\n",
        " 3\r\nabc\r\n0\r\n\r\n",
        "-3\r\nabc\r\n0\r\n\r\n",
        "3\r\nabcX\r\n0\r\n\r\n",
        "3\nabc\n0\n\n",
        "3\r\nabc\r\n0\r\nbad trailer\r\n\r\n",
        "3;\u0001\r\nabc\r\n0\r\n\r\n",
      })
  void answersMalformedChunksWith400AndCloses(String chunks) throws Exception {
    assertRejectedAndClosed(
        "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks, 400);
  }

  @Test
  void answersAnOverLongChunkExtensionWith400() throws Exception {
    assertRejectedAndClosed(
        "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3;x="
            + "y".repeat(10_000)
            + "\r\nabc\r\n0\r\n\r\n",
        400);
  }

  @Test
  void answers413AsSoonAsAChunkSizePassesTheLimit() throws Exception {
    // Only the size line is sent: the answer cannot wait for the data.
    try (RawConnection connection = RawConnection.open(http.server.port())) {
      connection.send(
          "POST /small HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n11\r\n");
      TestServer.RawResponse response = connection.read(Duration.ofSeconds(5));

      assertProblem(response, 413);
      assertThat(response.headers().get("connection")).isEqualTo("close");
    }
    assertRejectedAndClosed(
        "POST /small HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "fffffffffffffffffffff\r\n",
        413);
  }

  @Test
  void answersADeclaredLengthBeyondEveryNumberWith413() throws Exception {
    assertRejectedAndClosed(
        "POST /small HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n", 413);
  }

  @Test
  void answersPipelinedRequestsInOrder() throws Exception {
    try (RawConnection connection = RawConnection.open(http.server.port())) {
      connection.send(
          "GET /orders HTTP/1.1\r\nHost: a\r\n\r\n"
              + "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nfirst"
              + "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
              + "6\r\nsecond\r\n0\r\n\r\n"
              + "GET /health HTTP/1.1\r\nHost: a\r\n\r\n");

      assertThat(connection.read().body()).isEqualTo("\"orders\"");
      assertThat(connection.read().body()).isEqualTo("first");
      assertThat(connection.read().body()).isEqualTo("second");
      assertThat(connection.read().body()).isEqualTo("{\"status\":\"UP\"}");
    }
  }

  @Test
  void answersAThousandPipelinedRequestsInOrder() throws Exception {
    StringBuilder requests = new StringBuilder();
    for (int i = 0; i < 1_000; i++) {
      String body = Integer.toString(i);
      requests
          .append("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: ")
          .append(body.length())
          .append("\r\n\r\n")
          .append(body);
    }
    try (RawConnection connection = RawConnection.open(http.server.port())) {
      connection.sendInBackground(requests.toString().getBytes(ISO_8859_1));

      for (int i = 0; i < 1_000; i++) {
        assertThat(connection.read().body()).isEqualTo(Integer.toString(i));
      }
    }
  }

  @Test
  void sends100ContinueOnlyWhenTheRouteTakesTheDeclaredBody() throws Exception {
    try (RawConnection connection = RawConnection.open(http.server.port())) {
      connection.send(
          "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
      assertThat(connection.read().status()).isEqualTo(100);

      connection.send("abc");
      TestServer.RawResponse response = connection.read();
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("abc");
    }
    try (RawConnection connection = RawConnection.open(http.server.port())) {
      connection.send(
          "POST /small HTTP/1.1\r\nHost: a\r\nContent-Length: 17\r\nExpect: 100-continue\r\n\r\n");
      assertProblem(connection.read(), 413);
    }
    try (RawConnection connection = RawConnection.open(http.server.port())) {
      connection.send(
          "POST /nowhere HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
      TestServer.RawResponse response = connection.read();
      assertProblem(response, 404);
      assertThat(response.headers().get("connection")).isEqualTo("close");
    }
  }

  @Test
  void answersAnUnknownExpectationWith417() throws Exception {
    assertRejectedAndClosed(
        "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nExpect: 200-ok\r\n\r\nabc", 417);
  }

  @Test
  void keepsAnHttp10ConnectionOpenOnlyWhenAsked() throws Exception {
    try (RawConnection connection = RawConnection.open(http.server.port())) {
      connection.send("GET /orders HTTP/1.0\r\n\r\n");
      assertThat(connection.read().status()).isEqualTo(200);
      assertThat(connection.closedByServer(CLOSE_WAIT)).isTrue();
    }
    try (RawConnection connection = RawConnection.open(http.server.port())) {
      connection.send("GET /orders HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
      TestServer.RawResponse first = connection.read();
      assertThat(first.headers().get("connection")).isEqualTo("keep-alive");
      connection.send("GET /orders HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
      assertThat(connection.read().status()).isEqualTo(200);
    }
  }

  @Test
  void closesAfterAnsweringConnectionClose() throws Exception {
    try (RawConnection connection = RawConnection.open(http.server.port())) {
      connection.send("GET /orders HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
      TestServer.RawResponse response = connection.read();

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.headers().get("connection")).isEqualTo("close");
      assertThat(connection.closedByServer(CLOSE_WAIT)).isTrue();
    }
  }

  @Test
  void answersHeadWithTheLengthOfTheGetAndNoBody() throws Exception {
    try (RawConnection connection = RawConnection.open(http.server.port())) {
      connection.send(
          "HEAD /orders HTTP/1.1\r\nHost: a\r\n\r\nGET /orders HTTP/1.1\r\nHost: a\r\n\r\n");
      TestServer.RawResponse head = connection.read();
      // Had the HEAD answer carried a body, it would be read here as the next status line.
      TestServer.RawResponse get = connection.read();

      assertThat(head.headers().get("content-length")).isEqualTo("8");
      assertThat(get.body()).isEqualTo("\"orders\"");
    }
  }

  private static TestServer.RawResponse exchange(String request) throws IOException {
    try (RawConnection connection = RawConnection.open(http.server.port())) {
      return connection.send(request).read();
    }
  }

  private static void assertRejectedAndClosed(String request, int status) throws IOException {
    try (RawConnection connection = RawConnection.open(http.server.port())) {
      connection.send(request.getBytes(ISO_8859_1));
      TestServer.RawResponse response = connection.read();

      assertProblem(response, status);
      assertThat(response.headers().get("connection")).isEqualTo("close");
      assertThat(connection.closedByServer(CLOSE_WAIT)).isTrue();
    }
  }

  private static void assertProblem(TestServer.RawResponse response, int status)
      throws IOException {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.headers().get("content-type")).isEqualTo("application/problem+json");
    JsonNode problem = Json.mapper().readTree(response.body().getBytes(UTF_8));
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("type").asText()).startsWith("https://hookc.dev/problems/");
    assertThat(response.body()).doesNotContain("Exception");
  }
}

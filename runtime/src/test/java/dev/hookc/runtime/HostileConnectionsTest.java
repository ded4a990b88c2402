package dev.hookc.runtime;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Senders that hold connections open, trickle bytes, refuse to read, or just open many connections:
 * none of them may keep a complete request from another client waiting.
 */
@Timeout(60)
class HostileConnectionsTest {

  private static final Duration PROMPT = Duration.ofSeconds(1);
  private static final InetAddress OTHER_ADDRESS = loopback(2);

  private static final Route PING = Route.of("GET", "/ping", r -> Response.json(200, "pong"));
  private static final Route ECHO =
      Route.of("POST", "/echo", r -> Response.of(200, "text/plain", r.body()));

  @Test
  void answersOtherClientsPromptlyWhile200ConnectionsTrickleTheirHeads() throws Exception {
    try (TestServer http = TestServer.start(HookcServer.builder().route(PING).route(ECHO));
        Trickle attackers =
            Trickle.start(
                http.server.port(), OTHER_ADDRESS, 200, "GET /ping HTTP/1.1\r\nHost: a\r\nX-A: ")) {
      attackers.awaitConnected();

      assertPromptAnswers(http);
      assertThat(attackers.open()).isEqualTo(200);
    }
  }

  @Test
  void answersOtherClientsPromptlyWhile200ConnectionsTrickleTheirBodies() throws Exception {
    try (TestServer http = TestServer.start(HookcServer.builder().route(PING).route(ECHO));
        Trickle attackers =
            Trickle.start(
                http.server.port(),
                OTHER_ADDRESS,
                200,
                "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 100000\r\n\r\n")) {
      attackers.awaitConnected();

      assertPromptAnswers(http);
      assertThat(attackers.open()).isEqualTo(200);
    }
  }

  @Test
  void answers408AndClosesWhenTheHeadTakesTooLong() throws Exception {
    try (TestServer http =
            TestServer.start(
                HookcServer.builder().route(PING).requestHeadTimeout(Duration.ofMillis(300)));
        RawConnection connection = RawConnection.open(http.server.port())) {
      long start = System.nanoTime();
      connection.send("GET /ping HTTP/1.1\r\nHost: a\r\n");

      TestServer.RawResponse response = connection.read(Duration.ofSeconds(5));

      assertProblem(response, 408);
      assertThat(response.headers().get("connection")).isEqualTo("close");
      assertThat(connection.closedByServer(Duration.ofSeconds(5))).isTrue();
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(3_000);
    }
  }

  @Test
  void answers408WhenTheBodyArrivesSlowerThanTheMinimumRate() throws Exception {
    try (TestServer http =
            TestServer.start(
                HookcServer.builder()
                    .route(ECHO)
                    .minRequestBodyRate(1_000, Duration.ofMillis(300)));
        RawConnection connection = RawConnection.open(http.server.port())) {
      connection.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 10000\r\n\r\n0123456789");

      TestServer.RawResponse response = connection.read(Duration.ofSeconds(5));

      assertProblem(response, 408);
      assertThat(connection.closedByServer(Duration.ofSeconds(5))).isTrue();
    }
  }

  @Test
  void closesSilentlyAConnectionThatSendsNothing() throws Exception {
    try (TestServer http =
            TestServer.start(
                HookcServer.builder()
                    .route(PING)
                    .requestHeadTimeout(Duration.ofMillis(300))
                    .idleTimeout(Duration.ofMillis(300)));
        RawConnection fresh = RawConnection.open(http.server.port());
        RawConnection used = RawConnection.open(http.server.port())) {
      used.send("GET /ping HTTP/1.1\r\nHost: a\r\n\r\n");
      assertThat(used.read().status()).isEqualTo(200);

      assertThat(fresh.closedByServer(Duration.ofSeconds(5))).isTrue();
      assertThat(used.closedByServer(Duration.ofSeconds(5))).isTrue();
    }
  }

  @Test
  void refusesConnectionsBeyondTheCapOfOneAddressAndServesOthers() throws Exception {
    List<RawConnection> attackers = new ArrayList<>();
    try (TestServer http =
        TestServer.start(
            HookcServer.builder().route(PING).route(ECHO).maxConnectionsPerAddress(20))) {
      for (int i = 0; i < 40; i++) {
        attackers.add(RawConnection.open(http.server.port(), OTHER_ADDRESS));
      }
      int refused = 0;
      for (RawConnection attacker : attackers) {
        try {
          TestServer.RawResponse response = attacker.read(Duration.ofMillis(200));
          assertProblem(response, 503);
          assertThat(response.headers().get("retry-after")).isEqualTo("1");
          refused++;
        } catch (SocketTimeoutException e) {
          // held open: under the cap
        }
      }

      assertThat(refused).isEqualTo(20);
      assertPromptAnswers(http);
    } finally {
      for (RawConnection attacker : attackers) {
        attacker.close();
      }
    }
  }

  @Test
  void refusesConnectionsBeyondTheServerWideCap() throws Exception {
    List<RawConnection> open = new ArrayList<>();
    try (TestServer http = TestServer.start(HookcServer.builder().route(PING).maxConnections(10))) {
      for (int i = 0; i < 10; i++) {
        open.add(RawConnection.open(http.server.port()));
      }
      try (RawConnection eleventh = RawConnection.open(http.server.port())) {
        TestServer.RawResponse response = eleventh.read(PROMPT);

        assertProblem(response, 503);
        assertThat(response.headers().get("retry-after")).isEqualTo("1");
        assertThat(eleventh.closedByServer(PROMPT)).isTrue();
      }
      RawConnection first = open.get(0);
      first.send("GET /ping HTTP/1.1\r\nHost: a\r\n\r\n");
      assertThat(first.read(PROMPT).status()).isEqualTo(200);
    } finally {
      for (RawConnection connection : open) {
        connection.close();
      }
    }
  }

  @Test
  void refusesABodyBeyondTheMemoryBudgetOfBodiesBeingReceived() throws Exception {
    String head = "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 100000\r\n\r\n";
    byte[] part = "p".repeat(70_000).getBytes(ISO_8859_1);
    try (TestServer http =
            TestServer.start(
                HookcServer.builder().route(PING).route(ECHO).maxBufferedBodyBytes(150_000));
        RawConnection first = RawConnection.open(http.server.port());
        RawConnection second = RawConnection.open(http.server.port())) {
      // Each body, once 70,000 bytes in, holds 100,000: the two cannot both fit.
      first.send(head).send(part);
      second.send(head).send(part);

      List<RawConnection> waiting = new ArrayList<>();
      int refused = 0;
      for (RawConnection connection : List.of(first, second)) {
        try {
          TestServer.RawResponse response = connection.read(Duration.ofSeconds(2));
          assertProblem(response, 503);
          assertThat(response.headers().get("retry-after")).isEqualTo("1");
          refused++;
        } catch (SocketTimeoutException e) {
          waiting.add(connection);
        }
      }

      assertThat(refused).isEqualTo(1);
      RawConnection survivor = waiting.get(0);
      survivor.send("q".repeat(30_000));
      TestServer.RawResponse done = survivor.read(Duration.ofSeconds(5));
      assertThat(done.status()).isEqualTo(200);
      assertThat(done.body()).hasSize(100_000);
      assertPromptAnswers(http);
    }
  }

  @Test
  void answers64KeepAliveConnectionsSendingBackToBackWithoutA503() throws Exception {
    int connections = 64;
    int requestsEach = 150;
    ExecutorService clients = Executors.newFixedThreadPool(connections);
    try (TestServer http =
        TestServer.start(HookcServer.builder().route(ECHO).maxConcurrentRequests(connections))) {
      List<Future<List<Integer>>> results = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        results.add(
            clients.submit(
                () -> {
                  List<Integer> unexpected = new ArrayList<>();
                  try (RawConnection connection = RawConnection.open(http.server.port())) {
                    for (int i = 0; i < requestsEach; i++) {
                      connection.send(
                          "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nok");
                      int status = connection.read().status();
                      if (status != 200) {
                        unexpected.add(status);
                      }
                    }
                  }
                  return unexpected;
                }));
      }
      List<Integer> unexpected = new ArrayList<>();
      for (Future<List<Integer>> result : results) {
        unexpected.addAll(result.get(40, TimeUnit.SECONDS));
      }

      assertThat(unexpected).isEmpty();
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void answersTheOverflowWith503AndRetryAfterAtOnce() throws Exception {
    CountDownLatch entered = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    Route slow =
        Route.of(
            "GET",
            "/slow",
            r -> {
              entered.countDown();
              release.await(20, TimeUnit.SECONDS);
              return Response.json(200, "done");
            });
    try (TestServer http =
        TestServer.start(HookcServer.builder().route(slow).route(PING).maxConcurrentRequests(2))) {
      List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
      try {
        inFlight.add(http.getAsync("/slow"));
        inFlight.add(http.getAsync("/slow"));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        List<RawConnection> overflow = new ArrayList<>();
        try {
          for (int i = 0; i < 50; i++) {
            overflow.add(
                RawConnection.open(http.server.port())
                    .send("GET /ping HTTP/1.1\r\nHost: a\r\n\r\n"));
          }
          long start = System.nanoTime();
          for (RawConnection connection : overflow) {
            TestServer.RawResponse response = connection.read(PROMPT);
            assertProblem(response, 503);
            assertThat(response.headers().get("retry-after")).isEqualTo("1");
          }
          assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_000);
        } finally {
          for (RawConnection connection : overflow) {
            connection.close();
          }
        }
        assertThat(timed(http, "/health").statusCode()).isEqualTo(200);
      } finally {
        release.countDown();
      }
      for (CompletableFuture<HttpResponse<String>> response : inFlight) {
        assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      }
    }
  }

  @Test
  void releasesTheSlotOfAHandlerWhoseClientDoesNotRead() throws Exception {
    byte[] big = new byte[16 << 20];
    CountDownLatch handled = new CountDownLatch(1);
    Route download =
        Route.of(
            "GET",
            "/big",
            r -> {
              handled.countDown();
              return Response.of(200, "application/octet-stream", big);
            });
    try (TestServer http =
            TestServer.start(
                HookcServer.builder()
                    .route(download)
                    .route(PING)
                    .maxConcurrentRequests(1)
                    .responseTimeout(Duration.ofMillis(500)));
        RawConnection stalled = RawConnection.open(http.server.port())) {
      stalled.send("GET /big HTTP/1.1\r\nHost: a\r\n\r\n");
      assertThat(handled.await(10, TimeUnit.SECONDS)).isTrue();

      // The handler is done and its answer waits for a reader that never comes: the one slot is
      // free again, if not at this very instant then within moments.
      int status = 0;
      for (long end = System.nanoTime() + 2_000_000_000L;
          status != 200 && System.nanoTime() < end; ) {
        status = timed(http, "/ping").statusCode();
      }
      assertThat(status).isEqualTo(200);
      Thread.sleep(1_000); // past the response deadline
      assertThat(stalled.bytesUntilClosed()).isLessThan(big.length);
    }
  }

  private static void assertPromptAnswers(TestServer http) throws Exception {
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> ping = timed(http, "/ping");
      assertThat(ping.statusCode()).isEqualTo(200);
      assertThat(timed(http, "/health").statusCode()).isEqualTo(200);
      long start = System.nanoTime();
      HttpResponse<String> echo =
          TestServer.CLIENT.send(
              HttpRequest.newBuilder(http.uri("/echo"))
                  .timeout(PROMPT)
                  .POST(HttpRequest.BodyPublishers.ofString("hello " + i))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_000);
      assertThat(echo.body()).isEqualTo("hello " + i);
    }
  }

  /** A GET that must be answered within a second. */
  private static HttpResponse<String> timed(TestServer http, String path) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response =
        TestServer.CLIENT.send(
            HttpRequest.newBuilder(http.uri(path)).timeout(PROMPT).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_000);
    return response;
  }

  private static void assertProblem(TestServer.RawResponse response, int status)
      throws IOException {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.headers().get("content-type")).isEqualTo("application/problem+json");
    JsonNode problem = Json.mapper().readTree(response.body().getBytes(UTF_8));
    assertThat(problem.get("status").asInt()).isEqualTo(status);
  }

  private static InetAddress loopback(int last) {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Connections that send {@code prefix} and then one more byte every 50 ms on one thread, as a
   * slow-loris attack does, without ever finishing the request.
   */
  private static final class Trickle implements AutoCloseable {

    private final List<RawConnection> connections = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch connected = new CountDownLatch(1);
    private final Thread thread;
    private volatile int open;

    private Trickle(int port, InetAddress from, int count, String prefix) {
      thread =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < count; i++) {
                    connections.add(RawConnection.open(port, from).send(prefix));
                  }
                  open = count;
                  connected.countDown();
                  while (running.get()) {
                    int alive = 0;
                    for (RawConnection connection : connections) {
                      try {
                        connection.send("x".getBytes(ISO_8859_1));
                        alive++;
                      } catch (IOException e) {
                        // closed by the server
                      }
                    }
                    open = alive;
                    Thread.sleep(50);
                  }
                } catch (IOException | InterruptedException e) {
                  connected.countDown();
                }
              },
              "trickle");
      thread.setDaemon(true);
    }

    static Trickle start(int port, InetAddress from, int count, String prefix) {
      Trickle trickle = new Trickle(port, from, count, prefix);
      trickle.thread.start();
      return trickle;
    }

    void awaitConnected() throws InterruptedException {
      assertThat(connected.await(20, TimeUnit.SECONDS)).isTrue();
      assertThat(open).isEqualTo(connections.size());
      Thread.sleep(200); // a few bytes in, every connection is mid-request
    }

    int open() {
      return open;
    }

    @Override
    public void close() throws IOException {
      running.set(false);
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        // Closes the connections all the same, and leaves the interrupt for JUnit to see.
        Thread.currentThread().interrupt();
      }
      for (RawConnection connection : connections) {
        connection.close();
      }
    }
  }
}

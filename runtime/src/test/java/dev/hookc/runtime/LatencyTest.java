package dev.hookc.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencyTest {

  @Test
  void answersSequentialKeepAliveRequestsWithoutNagleDelays() throws Exception {
    // With Nagle's algorithm on, every response with a body waits for the client's delayed ACK
    // (about 40 ms on Linux), so 100 requests would take 4 s or more; without that wait they take
    // well under a second.
    Route echo = Route.of("POST", "/echo", r -> Response.of(200, "text/plain", r.body()));
    try (TestServer http = TestServer.start(HookcServer.builder().route(echo))) {
      for (int i = 0; i < 20; i++) {
        http.post("/echo", "text/plain", "warm".getBytes(UTF_8));
      }
      long start = System.nanoTime();
      for (int i = 0; i < 100; i++) {
        assertThat(http.post("/echo", "text/plain", ("n" + i).getBytes(UTF_8)).body())
            .isEqualTo("n" + i);
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertThat(millis).isLessThan(3_000);
    }
  }
}

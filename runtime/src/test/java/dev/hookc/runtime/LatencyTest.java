package dev.hookc.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencyTest {

  @Test
  void answersSequentialKeepAliveRequestsWithoutNagleDelays() throws Exception {
    // With Nagle's algorithm on, every response with a body waits for the client's delayed ACK
    // (about 40 ms on Linux), so every request takes 40 ms or more. The median of 100 requests is
    // compared rather than their total, so that a busy machine stalling a few of them cannot fail
    // the test while a systematic delay on each one still does.
    Route echo = Route.of("POST", "/echo", r -> Response.of(200, "text/plain", r.body()));
    try (TestServer http = TestServer.start(HookcServer.builder().route(echo))) {
      for (int i = 0; i < 20; i++) {
        http.post("/echo", "text/plain", "warm".getBytes(UTF_8));
      }
      long[] micros = new long[100];
      for (int i = 0; i < micros.length; i++) {
        long start = System.nanoTime();
        assertThat(http.post("/echo", "text/plain", ("n" + i).getBytes(UTF_8)).body())
            .isEqualTo("n" + i);
        micros[i] = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
      }
      Arrays.sort(micros);

      assertThat(micros[micros.length / 2]).isLessThan(20_000);
    }
  }
}

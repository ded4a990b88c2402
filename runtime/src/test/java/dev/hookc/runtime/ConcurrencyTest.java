package dev.hookc.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

  @Test
  void answersEveryParallelClientCorrectly() throws Exception {
    int clients = 32;
    int requestsEach = 50;
    Route echo =
        Route.of(
            "POST",
            "/echo/{n}",
            r ->
                Response.of(
                    200,
                    "text/plain",
                    (r.pathParam("n") + ":" + new String(r.body(), UTF_8)).getBytes(UTF_8)));
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try (TestServer http = TestServer.start(HookcServer.builder().route(echo))) {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        results.add(
            pool.submit(
                () -> {
                  List<String> mismatches = new ArrayList<>();
                  for (int i = 0; i < requestsEach; i++) {
                    String n = client + "-" + i;
                    HttpResponse<String> response =
                        http.post("/echo/" + n, "text/plain", ("body" + n).getBytes(UTF_8));
                    String expected = n + ":body" + n;
                    if (response.statusCode() != 200 || !response.body().equals(expected)) {
                      mismatches.add(n + " -> " + response.statusCode() + " " + response.body());
                    }
                  }
                  return mismatches;
                }));
      }
      List<String> mismatches = new ArrayList<>();
      for (Future<List<String>> result : results) {
        mismatches.addAll(result.get(30, TimeUnit.SECONDS));
      }
      assertThat(mismatches).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void answers503WithRetryAfterBeyondTheConcurrencyLimit() throws Exception {
    CountDownLatch entered = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    Route slow =
        Route.of(
            "GET",
            "/slow",
            r -> {
              entered.countDown();
              release.await(10, TimeUnit.SECONDS);
              return Response.json(200, "done");
            });
    Route fast = Route.of("GET", "/fast", r -> Response.json(200, "fast"));
    try (TestServer http =
        TestServer.start(HookcServer.builder().maxConcurrentRequests(2).route(slow).route(fast))) {
      List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
      try {
        for (int i = 0; i < 2; i++) {
          inFlight.add(http.getAsync("/slow"));
        }
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        HttpResponse<String> rejected = http.get("/fast");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(rejected.statusCode()).isEqualTo(503);
        assertThat(rejected.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(rejected.headers().firstValue("Content-Type"))
            .hasValue("application/problem+json");
        assertThat(millis).isLessThan(2_000);
        assertThat(http.get("/health").statusCode()).isEqualTo(200);
      } finally {
        release.countDown();
      }
      for (CompletableFuture<HttpResponse<String>> response : inFlight) {
        assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      }
      assertThat(http.get("/fast").statusCode()).isEqualTo(200);
    }
  }
}

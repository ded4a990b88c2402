package dev.hookc.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class GracefulStopTest {

  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final Route slow =
      Route.of(
          "GET",
          "/slow",
          r -> {
            entered.countDown();
            release.await(10, TimeUnit.SECONDS);
            return Response.json(200, "finished");
          });

  @Test
  void letsAnInFlightRequestFinishAndRefusesNewOnes() throws Exception {
    TestServer http = TestServer.start(HookcServer.builder().route(slow));
    try {
      CompletableFuture<HttpResponse<String>> inFlight = http.getAsync("/slow");
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<Void> stopping =
          CompletableFuture.runAsync(() -> http.server.stop(Duration.ofSeconds(10)));
      Thread.sleep(200);
      assertThat(stopping).isNotDone();
      HttpResponse<String> refused = http.get("/health");
      assertThat(refused.statusCode()).isEqualTo(200); // health stays up while draining
      HttpResponse<String> late = http.get("/slow");
      assertThat(late.statusCode()).isEqualTo(503);
      assertThat(TestServer.json(late).get("detail").asText())
          .isEqualTo("the server is shutting down");

      release.countDown();
      HttpResponse<String> finished = inFlight.get(10, TimeUnit.SECONDS);
      assertThat(finished.statusCode()).isEqualTo(200);
      assertThat(finished.body()).isEqualTo("\"finished\"");
      stopping.get(5, TimeUnit.SECONDS);
    } finally {
      release.countDown();
      http.close();
    }
    assertThatThrownBy(() -> http.get("/health")).isInstanceOf(IOException.class);
  }

  @Test
  void givesUpOnInFlightRequestsAfterASubSecondGrace() throws Exception {
    TestServer http = TestServer.start(HookcServer.builder().route(slow));
    try {
      CompletableFuture<HttpResponse<String>> inFlight = http.getAsync("/slow");
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

      long start = System.nanoTime();
      http.server.stop(Duration.ofMillis(300));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertThat(millis).isBetween(250L, 2_000L);
      assertThat(inFlight).failsWithin(Duration.ofSeconds(10));
    } finally {
      release.countDown();
    }
  }

  @Test
  void stopsAtOnceWhenIdle() throws Exception {
    TestServer http = TestServer.start(HookcServer.builder());
    assertThat(http.get("/health").statusCode()).isEqualTo(200);

    long start = System.nanoTime();
    http.server.stop(Duration.ofSeconds(10));

    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_000);
  }

  @Test
  void closesWhatItOwnsAfterTheRequestsInFlightTheLastRegisteredFirst() throws Exception {
    List<String> closed = new CopyOnWriteArrayList<>();
    AtomicBoolean finished = new AtomicBoolean();
    Route tracked =
        Route.of(
            "GET",
            "/slow",
            r -> {
              entered.countDown();
              release.await(10, TimeUnit.SECONDS);
              finished.set(true);
              return Response.json(200, "finished");
            });
    TestServer http =
        TestServer.start(
            HookcServer.builder()
                .route(tracked)
                .closeOnStop(() -> closed.add("store after " + finished.get()))
                .closeOnStop(
                    () -> {
                      closed.add("workers");
                      throw new IllegalStateException("a failing close stops nothing else");
                    }));
    CompletableFuture<HttpResponse<String>> inFlight = http.getAsync("/slow");
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> stopping =
        CompletableFuture.runAsync(() -> http.server.stop(Duration.ofSeconds(10)));
    assertThat(inFlight).isNotDone();
    assertThat(closed).isEmpty();
    release.countDown();

    stopping.get(10, TimeUnit.SECONDS);
    assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(closed).containsExactly("workers", "store after true");
  }

  @Test
  void closesWhatItWouldHaveOwnedWhenItCannotStart() throws Exception {
    List<String> closed = new CopyOnWriteArrayList<>();
    HookcServer.Builder duplicate =
        HookcServer.builder().route(slow).route(slow).closeOnStop(() -> closed.add("store"));

    assertThatThrownBy(duplicate::start).isInstanceOf(IllegalArgumentException.class);
    assertThat(closed).containsExactly("store");
  }
}

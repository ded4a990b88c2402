package dev.hookc.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two server instances share one real PostgreSQL server, as two instances behind a load balancer
 * would: a burst of duplicated deliveries spread over both runs each unique delivery exactly once.
 */
class PostgresInstancesTest {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  private static HookcServer instance(String name, Map<String, AtomicInteger> runs)
      throws Exception {
    // Each instance has its own store object and connections, as a separate process would.
    String url =
        postgres.getJdbcUrl("postgres", "postgres").replace("?", "?ApplicationName=" + name + "&");
    JdbcStore store = JdbcStore.open(url, "postgres", null);
    Idempotency idempotency =
        Idempotency.of(store, "POST /hook", RequestKeys.header("webhook-id"), Duration.ofHours(1));
    return HookcServer.builder()
        .host("127.0.0.1")
        .port(0)
        .shutdownGrace(Duration.ofMillis(100))
        .route(
            Route.of(
                "POST",
                "/hook",
                idempotency.protect(
                    request -> {
                      String key = request.header("webhook-id");
                      int n = runs.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                      Thread.sleep(20); // long enough for duplicates to overlap
                      return Response.json(200, Map.of("key", key, "by", name, "run", n));
                    })))
        .start();
  }

  @Test
  void runsEachUniqueDeliveryExactlyOnceAcrossTwoInstances() throws Exception {
    Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    int unique = 100;
    int copies = 4;
    List<String> deliveries = new ArrayList<>();
    for (int i = 0; i < unique; i++) {
      for (int c = 0; c < copies; c++) {
        deliveries.add("evt_" + i);
      }
    }
    Collections.shuffle(deliveries, new Random(7));
    ExecutorService senders = Executors.newFixedThreadPool(32);
    try (HookcServer a = instance("a", runs);
        HookcServer b = instance("b", runs)) {
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      Random route = new Random(11);
      for (String key : deliveries) {
        URI target = URI.create((route.nextBoolean() ? a : b).baseUri() + "/hook");
        sent.add(
            senders.submit(
                () ->
                    CLIENT.send(
                        HttpRequest.newBuilder(target)
                            .timeout(Duration.ofSeconds(30))
                            .header("webhook-id", key)
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())));
      }
      Map<String, String> firstBody = new HashMap<>();
      int replayed = 0;
      for (Future<HttpResponse<String>> future : sent) {
        HttpResponse<String> response = future.get();
        assertThat(response.statusCode()).isEqualTo(200);
        String key = response.request().headers().firstValue("webhook-id").orElseThrow();
        // Every copy gets the one outcome, whichever instance it reached.
        assertThat(firstBody.computeIfAbsent(key, k -> response.body())).isEqualTo(response.body());
        if (response.headers().firstValue("idempotent-replayed").isPresent()) {
          replayed++;
        }
      }
      assertThat(runs).hasSize(unique);
      assertThat(runs.values()).allSatisfy(n -> assertThat(n).hasValue(1));
      assertThat(replayed).isEqualTo(unique * (copies - 1));
      System.out.printf(
          "postgres idempotency: %d deliveries (%d unique) over 2 instances, each run once, %d"
              + " answered with the recorded response%n",
          deliveries.size(), unique, replayed);
    } finally {
      senders.shutdownNow();
    }
  }

  @Test
  void runsEachUniqueAsyncDeliveryExactlyOnceWithTwoInstancesClaimingWork() throws Exception {
    Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    Map<String, String> ranOn = new ConcurrentHashMap<>();
    List<Inbox> inboxes = new ArrayList<>();
    List<HookcServer> servers = new ArrayList<>();
    for (String name : List.of("async-a", "async-b")) {
      String url =
          postgres
              .getJdbcUrl("postgres", "postgres")
              .replace("?", "?ApplicationName=" + name + "&");
      Inbox inbox =
          Inbox.builder(JdbcStore.open(url, "postgres", null), "POST /async")
              .handler(
                  request -> {
                    String key = request.header("webhook-id");
                    runs.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                    ranOn.put(key, name);
                    return Response.empty(204);
                  })
              .retry(RetryPolicy.defaults())
              .lease(Duration.ofMinutes(1))
              .workers(4)
              .start();
      inboxes.add(inbox);
      servers.add(
          HookcServer.builder()
              .host("127.0.0.1")
              .port(0)
              .route(
                  Route.of(
                      "POST", "/async", inbox.accept(202, RequestKeys.header("webhook-id"), null)))
              .start());
    }
    int unique = 200;
    List<String> deliveries = new ArrayList<>();
    for (int i = 0; i < unique; i++) {
      deliveries.add("async_" + i);
      if (i % 3 == 0) {
        deliveries.add("async_" + i); // the sender's redelivery
      }
    }
    Collections.shuffle(deliveries, new Random(3));
    ExecutorService senders = Executors.newFixedThreadPool(16);
    Random route = new Random(5);
    AtomicInteger fresh = new AtomicInteger();
    try {
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      for (String key : deliveries) {
        URI target = URI.create(servers.get(route.nextInt(2)).baseUri() + "/async");
        sent.add(
            senders.submit(
                () ->
                    CLIENT.send(
                        HttpRequest.newBuilder(target)
                            .header("webhook-id", key)
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())));
      }
      for (Future<HttpResponse<String>> response : sent) {
        assertThat(response.get().statusCode()).isEqualTo(202);
        if (response.get().headers().firstValue("idempotent-replayed").isEmpty()) {
          fresh.incrementAndGet();
        }
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (runs.size() < unique && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      Thread.sleep(300); // time for a second, wrong run to show up
      assertThat(fresh).hasValue(unique);
      assertThat(runs).hasSize(unique);
      assertThat(runs.values()).allSatisfy(n -> assertThat(n).hasValue(1));
      // Both instances' workers took part.
      assertThat(Set.copyOf(ranOn.values())).containsExactlyInAnyOrder("async-a", "async-b");
      System.out.printf(
          "postgres async: %d deliveries (%d unique) over 2 instances, each run once%n",
          deliveries.size(), unique);
    } finally {
      senders.shutdownNow();
      for (HookcServer server : servers) {
        server.stop(Duration.ofMillis(100));
      }
      inboxes.forEach(Inbox::close);
    }
  }
}

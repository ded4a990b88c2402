package dev.hookc.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.Route;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The inbox admin endpoints on a real PostgreSQL server, and two instances sharing it: a bulk
 * replay sent to both at once replays each dead letter once, and each runs once.
 */
class InboxAdminPostgresTest extends InboxAdminContract {
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  private static String url(String name) {
    return postgres
        .getJdbcUrl("postgres", "postgres")
        .replace("?", "?ApplicationName=" + name + "&");
  }

  @Override
  JdbcStore openEmptyStore() throws Exception {
    JdbcStore opened = JdbcStore.open(url("first"), "postgres", null);
    try (Connection c = opened.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM hookc_inbox");
    }
    return opened;
  }

  @Test
  void aBulkReplaySentToTwoInstancesAtOnceReplaysAndRunsEachDeadLetterOnce() throws Exception {
    start();
    int dead = 300;
    for (int i = 0; i < dead; i++) {
      seed(A, "dl-" + i, "DEAD", HOUR, "the handler answered 503");
    }
    // The second instance: a store, inboxes and admin endpoints of its own, as another process.
    JdbcStore secondStore = JdbcStore.open(url("second"), "postgres", null);
    open.add(secondStore);
    Map<String, Inbox> secondInboxes = new java.util.LinkedHashMap<>();
    for (String scope : List.of(A, B)) {
      Inbox inbox =
          Inbox.builder(secondStore, scope)
              .handler(
                  request -> {
                    runs.computeIfAbsent(
                            request.header("x-id"),
                            k -> new java.util.concurrent.atomic.AtomicInteger())
                        .incrementAndGet();
                    return dev.hookc.runtime.Response.empty(204);
                  })
              .retry(RetryPolicy.defaults())
              .lease(Duration.ofMinutes(1))
              .workers(2)
              .start();
      open.add(0, inbox);
      secondInboxes.put(scope, inbox);
    }
    HookcServer second =
        HookcServer.builder()
            .host("127.0.0.1")
            .port(0)
            .routes(new ArrayList<Route>(InboxAdmin.routes(TOKEN, secondInboxes)))
            .start();
    open.add(0, () -> second.stop(Duration.ofMillis(100)));

    ExecutorService callers = Executors.newFixedThreadPool(4);
    int replayed = 0;
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<JsonNode>> replies = new ArrayList<>();
      for (String base : List.of(server.baseUri().toString(), second.baseUri().toString())) {
        for (int caller = 0; caller < 2; caller++) {
          replies.add(
              callers.submit(
                  () -> {
                    go.await(10, TimeUnit.SECONDS);
                    HttpResponse<String> response =
                        CLIENT.send(
                            HttpRequest.newBuilder(
                                    URI.create(base + "/_hookc/deliveries/replay?limit=200"))
                                .timeout(Duration.ofSeconds(20))
                                .header("Authorization", "Bearer " + TOKEN)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    return Json.mapper().readTree(response.body());
                  }));
        }
      }
      go.countDown();
      for (Future<JsonNode> reply : replies) {
        replayed += reply.get(30, TimeUnit.SECONDS).path("replayed").asInt();
      }
      // Four calls of 200 over 300 dead letters: each takes the oldest 200 still dead when it
      // looks, so calls that overlap race for the same rows, and each row goes to one of them; a
      // call that looks after another has replayed takes the rest. Never a row twice: at most 300.
      assertThat(replayed).isBetween(200, dead);
    } finally {
      callers.shutdownNow();
    }
    JsonNode rest = json("POST", "/_hookc/deliveries/replay", 200);
    assertThat(rest.path("replayed").asInt()).isEqualTo(dead - replayed);
    assertThat(rest.path("remaining").asLong()).isZero();
    await(() -> done(A) == dead);
    assertThat(runs).hasSize(dead);
    assertThat(runs.values()).allSatisfy(n -> assertThat(n).hasValue(1));
    assertThat(dead(A)).isZero();
  }
}

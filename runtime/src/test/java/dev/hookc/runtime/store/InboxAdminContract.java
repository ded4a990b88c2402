package dev.hookc.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.RequestHandler;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The inbox admin endpoints over real HTTP, on the database a subclass opens (H2, PostgreSQL):
 * listing with filters and pages, one delivery, bulk replay, purge, counts, and the token.
 */
abstract class InboxAdminContract {
  static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static final String TOKEN = "admin-token-0123456789";
  static final String A = "POST /a";
  static final String B = "POST /b";
  static final long HOUR = 3_600_000L;

  final List<AutoCloseable> open = new ArrayList<>();
  final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
  HookcServer server;
  JdbcStore store;
  Map<String, Inbox> inboxes;

  /** A store on a database whose inbox is empty. */
  abstract JdbcStore openEmptyStore() throws Exception;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.stop(Duration.ofMillis(100));
    }
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  /** Inboxes for routes A and B whose handler counts its runs by delivery id and succeeds. */
  void start() throws Exception {
    start(Inbox.RETENTION);
  }

  void start(Duration retention) throws Exception {
    store = openEmptyStore();
    open.add(store);
    RequestHandler handler =
        request -> {
          runs.computeIfAbsent(request.header("x-id"), k -> new AtomicInteger()).incrementAndGet();
          return Response.empty(204);
        };
    inboxes = new LinkedHashMap<>();
    for (String scope : List.of(A, B)) {
      Inbox inbox =
          Inbox.builder(store, scope)
              .handler(handler)
              .retry(new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10), 2))
              .lease(Duration.ofMinutes(1))
              .workers(2)
              .retention(retention)
              .start();
      open.add(0, inbox);
      inboxes.put(scope, inbox);
    }
    List<Route> routes = new ArrayList<>(InboxAdmin.routes(TOKEN, inboxes));
    server = HookcServer.builder().host("127.0.0.1").port(0).routes(routes).start();
  }

  /** A stored delivery, as the inbox would hold it, received {@code ageMillis} ago. */
  void seed(String scope, String id, String state, long ageMillis, String error) throws Exception {
    seed(scope, id, state, ageMillis, error, "{\"n\":1}", Map.of("x-id", List.of(id)));
  }

  void seed(
      String scope,
      String id,
      String state,
      long ageMillis,
      String error,
      String body,
      Map<String, List<String>> headers)
      throws Exception {
    long now = System.currentTimeMillis();
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO hookc_inbox (id, scope, dedup_key, method, path, path_params, query,"
                    + " headers, body, state, attempts, next_attempt_at, claimed_until,"
                    + " received_at, last_error) VALUES (?, ?, ?, 'POST', ?, '{}', '{}', ?, ?, ?,"
                    + " ?, ?, ?, ?, ?)")) {
      insert.setString(1, id);
      insert.setString(2, scope);
      insert.setString(3, "key-" + id);
      insert.setString(4, scope.substring(5));
      insert.setString(5, new String(Json.write(headers), StandardCharsets.UTF_8));
      insert.setBytes(6, body.getBytes(StandardCharsets.UTF_8));
      insert.setString(7, state.equals("RUNNING") ? "PENDING" : state);
      insert.setInt(8, state.equals("DONE") ? 1 : state.equals("DEAD") ? 5 : 0);
      // Pending ones are not due, so that the workers leave them to the test.
      insert.setLong(9, state.equals("PENDING") || state.equals("RUNNING") ? now + HOUR : now);
      insert.setLong(10, state.equals("RUNNING") ? now + HOUR : 0);
      insert.setLong(11, now - ageMillis);
      insert.setString(12, error);
      insert.executeUpdate();
    }
  }

  HttpResponse<String> send(String method, String path, boolean withToken) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUri() + path))
            .timeout(Duration.ofSeconds(10))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (withToken) {
      request.header("Authorization", "Bearer " + TOKEN);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode json(String method, String path, int status) throws Exception {
    HttpResponse<String> response = send(method, path, true);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return Json.mapper().readTree(response.body());
  }

  static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("items").forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }

  static void await(BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition met in time").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  long dead(String scope) {
    try {
      return inboxes.get(scope).counts().dead();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  long done(String scope) {
    try {
      return inboxes.get(scope).counts().done();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void listsDeliveriesByRouteStateAgeAndErrorTextWithoutTheirBodies() throws Exception {
    start();
    seed(A, "a-dead-old", "DEAD", 3 * HOUR, "java.net.ConnectException: Connection refused");
    seed(A, "a-dead-new", "DEAD", 10 * 60_000L, "the handler answered 503");
    seed(A, "a-done", "DONE", 2 * HOUR, null);
    seed(A, "a-pending", "PENDING", 2 * HOUR, null);
    seed(A, "a-running", "RUNNING", 2 * HOUR, null);
    seed(B, "b-dead-old", "DEAD", 5 * HOUR, "java.net.ConnectException: Connection refused");

    JsonNode deadOfA =
        json("GET", "/_hookc/deliveries?route=" + q(A) + "&state=DEAD&olderThan=1h", 200);
    assertThat(ids(deadOfA)).containsExactly("a-dead-old");
    JsonNode item = deadOfA.path("items").get(0);
    assertThat(item.path("route").asText()).isEqualTo(A);
    assertThat(item.path("state").asText()).isEqualTo("DEAD");
    assertThat(item.path("attempts").asInt()).isEqualTo(5);
    assertThat(item.path("key").asText()).isEqualTo("key-a-dead-old");
    assertThat(item.path("lastError").asText()).contains("Connection refused");
    assertThat(item.path("receivedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(item.has("body")).isFalse();
    assertThat(deadOfA.path("next").isNull()).isTrue();

    // A path alone names a route; the error filter ignores case and crosses routes.
    assertThat(ids(json("GET", "/_hookc/deliveries?route=/a&state=dead&newerThan=1h", 200)))
        .containsExactly("a-dead-new");
    assertThat(ids(json("GET", "/_hookc/deliveries?error=CONNECTION%20REFUSED&order=oldest", 200)))
        .containsExactly("b-dead-old", "a-dead-old");
    // Running is a pending delivery a worker holds now; pending includes it.
    JsonNode running = json("GET", "/_hookc/deliveries?state=RUNNING", 200);
    assertThat(ids(running)).containsExactly("a-running");
    assertThat(running.path("items").get(0).path("running").asBoolean()).isTrue();
    assertThat(ids(json("GET", "/_hookc/deliveries?state=PENDING&order=oldest", 200)))
        .containsExactlyInAnyOrder("a-pending", "a-running");
    assertThat(ids(json("GET", "/_hookc/deliveries?route=" + q(B), 200)))
        .containsExactly("b-dead-old");
    // A literal % in the error text is not a wildcard.
    assertThat(ids(json("GET", "/_hookc/deliveries?error=%25", 200))).isEmpty();
  }

  @Test
  void pagesThroughDeliveriesWithACursorInEitherOrder() throws Exception {
    start();
    List<String> oldestFirst = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      String id = "d" + i;
      // Two deliveries share each time of receipt, so that the cursor must break ties by id.
      seed(A, id, "DEAD", (10 - i / 2) * 60_000L, "failed");
      oldestFirst.add(id);
    }
    List<String> seen = new ArrayList<>();
    String path = "/_hookc/deliveries?order=oldest&limit=3";
    JsonNode page = json("GET", path, 200);
    seen.addAll(ids(page));
    while (!page.path("next").isNull()) {
      page = json("GET", path + "&cursor=" + page.path("next").asText(), 200);
      seen.addAll(ids(page));
    }
    assertThat(seen).hasSize(7).containsExactlyInAnyOrderElementsOf(oldestFirst);
    assertThat(seen.subList(0, 2)).containsExactlyInAnyOrder("d0", "d1");

    List<String> newest = new ArrayList<>();
    JsonNode first = json("GET", "/_hookc/deliveries?limit=4", 200);
    newest.addAll(ids(first));
    JsonNode second =
        json("GET", "/_hookc/deliveries?limit=4&cursor=" + first.path("next").asText(), 200);
    newest.addAll(ids(second));
    assertThat(second.path("next").isNull()).isTrue();
    assertThat(newest).hasSize(7).doesNotHaveDuplicates();
    assertThat(newest.get(0)).isEqualTo("d6");
  }

  @Test
  void showsOneDeliveryWithItsBodyAndWithoutItsCredentials() throws Exception {
    start();
    seed(
        A,
        "one",
        "DEAD",
        HOUR,
        "failed",
        "{\"order\":42}",
        Map.of(
            "authorization", List.of("Bearer secret-of-the-sender"),
            "webhook-signature", List.of("v1,c2lnbmF0dXJl"),
            "x-hub-signature-256", List.of("sha256=abc"),
            "content-type", List.of("application/json")));
    seed(B, "binary", "DEAD", HOUR, "failed", "\u0001not json", Map.of());

    JsonNode one = json("GET", "/_hookc/deliveries/one", 200);
    assertThat(one.path("bodyEncoding").asText()).isEqualTo("json");
    assertThat(one.path("body").path("order").asInt()).isEqualTo(42);
    assertThat(one.path("path").asText()).isEqualTo("/a");
    assertThat(one.path("headers").path("authorization").get(0).asText()).isEqualTo("[redacted]");
    assertThat(one.path("headers").path("webhook-signature").get(0).asText())
        .isEqualTo("[redacted]");
    assertThat(one.path("headers").path("x-hub-signature-256").get(0).asText())
        .isEqualTo("[redacted]");
    assertThat(one.path("headers").path("content-type").get(0).asText())
        .isEqualTo("application/json");
    assertThat(one.toString()).doesNotContain("secret-of-the-sender", "c2lnbmF0dXJl");

    JsonNode binary = json("GET", "/_hookc/deliveries/binary", 200);
    assertThat(binary.path("bodyEncoding").asText()).isEqualTo("base64");
    assertThat(
            new String(
                java.util.Base64.getDecoder().decode(binary.path("body").asText()),
                StandardCharsets.UTF_8))
        .isEqualTo("\u0001not json");
    assertThat(send("GET", "/_hookc/deliveries/nope", true).statusCode()).isEqualTo(404);
  }

  @Test
  void replaysAFilteredSetOfDeadLettersAfterADryRunAndTheyRunToDone() throws Exception {
    start();
    for (int i = 0; i < 5; i++) {
      seed(A, "timeout-" + i, "DEAD", 2 * HOUR, "java.net.http.HttpTimeoutException: timed out");
    }
    seed(A, "bug", "DEAD", 2 * HOUR, "NullPointerException");
    seed(A, "recent", "DEAD", 60_000L, "java.net.http.HttpTimeoutException: timed out");
    seed(B, "other", "DEAD", 2 * HOUR, "java.net.http.HttpTimeoutException: timed out");
    String filter = "route=" + q(A) + "&olderThan=1h&error=timed%20out";

    JsonNode dry = json("POST", "/_hookc/deliveries/replay?" + filter + "&dryRun=true", 200);
    assertThat(dry.path("matched").asLong()).isEqualTo(5);
    assertThat(runs).isEmpty();
    assertThat(dead(A)).isEqualTo(7);

    JsonNode bounded = json("POST", "/_hookc/deliveries/replay?" + filter + "&limit=2", 200);
    assertThat(bounded.path("replayed").asInt()).isEqualTo(2);
    assertThat(bounded.path("remaining").asLong()).isEqualTo(3);
    JsonNode rest = json("POST", "/_hookc/deliveries/replay?" + filter, 200);
    assertThat(rest.path("replayed").asInt()).isEqualTo(3);
    assertThat(rest.path("remaining").asLong()).isZero();

    await(() -> done(A) == 5);
    assertThat(runs.keySet())
        .containsExactlyInAnyOrder("timeout-0", "timeout-1", "timeout-2", "timeout-3", "timeout-4");
    assertThat(runs.values()).allSatisfy(n -> assertThat(n).hasValue(1));
    assertThat(dead(A)).isEqualTo(2);
    assertThat(dead(B)).isEqualTo(1);
    // Nothing left to replay: a second call changes nothing.
    assertThat(json("POST", "/_hookc/deliveries/replay?" + filter, 200).path("replayed").asInt())
        .isZero();
  }

  @Test
  void purgesByAgeProcessedDeliveriesByDefaultAndPendingOnesOnlyWhenAskedTwice() throws Exception {
    start();
    seed(A, "done-old", "DONE", 8 * 24 * HOUR, null);
    seed(A, "done-new", "DONE", HOUR, null);
    seed(A, "dead-old", "DEAD", 8 * 24 * HOUR, "failed");
    seed(A, "pending-old", "PENDING", 8 * 24 * HOUR, null);
    seed(B, "done-old-b", "DONE", 8 * 24 * HOUR, null);

    JsonNode dry = json("POST", "/_hookc/inbox/purge?olderThan=7d&dryRun=true", 200);
    assertThat(dry.path("matched").asLong()).isEqualTo(2);
    JsonNode purged = json("POST", "/_hookc/inbox/purge?route=" + q(A) + "&olderThan=7d", 200);
    assertThat(purged.path("purged").asInt()).isEqualTo(1);
    assertThat(purged.path("remaining").asLong()).isZero();
    assertThat(ids(json("GET", "/_hookc/deliveries?order=oldest", 200)))
        .containsExactlyInAnyOrder("done-new", "dead-old", "pending-old", "done-old-b");

    assertThat(json("POST", "/_hookc/inbox/purge?state=DEAD&olderThan=7d", 200).path("purged"))
        .hasToString("1");
    HttpResponse<String> refused =
        send("POST", "/_hookc/inbox/purge?state=PENDING&olderThan=7d", true);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("includePending=true");
    assertThat(ids(json("GET", "/_hookc/deliveries?state=PENDING", 200)))
        .containsExactly("pending-old");
    assertThat(
            json("POST", "/_hookc/inbox/purge?state=PENDING&olderThan=7d&includePending=true", 200)
                .path("purged")
                .asInt())
        .isEqualTo(1);
    assertThat(ids(json("GET", "/_hookc/deliveries?order=oldest", 200)))
        .containsExactlyInAnyOrder("done-new", "done-old-b");
  }

  @Test
  void countsDeliveriesPerStatePerRoute() throws Exception {
    start();
    seed(A, "1", "DONE", HOUR, null);
    seed(A, "2", "DONE", HOUR, null);
    seed(A, "3", "DEAD", HOUR, "x");
    seed(A, "4", "PENDING", 2 * HOUR, null);
    seed(B, "5", "DEAD", HOUR, "x");

    JsonNode counts = json("GET", "/_hookc/inbox/counts", 200);
    assertThat(counts.path(A).path("pending").asLong()).isEqualTo(1);
    assertThat(counts.path(A).path("done").asLong()).isEqualTo(2);
    assertThat(counts.path(A).path("dead").asLong()).isEqualTo(1);
    assertThat(counts.path(A).path("oldestPendingAgeMillis").asLong())
        .isGreaterThanOrEqualTo(2 * HOUR);
    assertThat(counts.path(B).path("dead").asLong()).isEqualTo(1);
    assertThat(counts.path(B).path("pending").asLong()).isZero();
    assertThat(json("GET", "/_hookc/inbox/counts?route=" + q(B), 200).has(A)).isFalse();
  }

  @Test
  void refusesEveryAdminEndpointWithoutTheTokenButServesThePage() throws Exception {
    start();
    seed(A, "x", "DEAD", HOUR, "unreachable-downstream-7");
    for (String[] endpoint :
        List.of(
            new String[] {"GET", "/_hookc/deliveries"},
            new String[] {"GET", "/_hookc/deliveries/x"},
            new String[] {"POST", "/_hookc/deliveries/replay"},
            new String[] {"POST", "/_hookc/inbox/purge?olderThan=1s"},
            new String[] {"GET", "/_hookc/inbox/counts"},
            new String[] {"GET", "/_hookc/dead-letters"},
            new String[] {"POST", "/_hookc/dead-letters/x/replay"})) {
      HttpResponse<String> response = send(endpoint[0], endpoint[1], false);
      assertThat(response.statusCode()).as(endpoint[1]).isEqualTo(401);
      assertThat(response.headers().firstValue("content-type"))
          .hasValue("application/problem+json");
    }
    assertThat(dead(A)).isEqualTo(1);
    HttpResponse<String> page = send("GET", "/_hookc/inbox/ui", false);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-security-policy").orElseThrow())
        .startsWith("default-src 'self'; script-src 'sha256-");
    assertThat(page.body()).doesNotContain("unreachable-downstream-7");
  }

  @Test
  void answersBadInputWithAProblemThatSaysWhatIsWrong() throws Exception {
    start();
    Map<String, String> problems = new LinkedHashMap<>();
    problems.put("GET /_hookc/deliveries?state=FAILED", "unknown state 'FAILED'");
    problems.put("GET /_hookc/deliveries?olderThan=1y", "'olderThan' is not a duration: '1y'");
    problems.put("GET /_hookc/deliveries?olderThan=60", "'olderThan' is not a duration: '60'");
    problems.put("GET /_hookc/deliveries?receivedBefore=yesterday", "'receivedBefore' is not");
    problems.put("GET /_hookc/deliveries?limit=0", "'limit' must be a whole number from 1 to 1000");
    problems.put("GET /_hookc/deliveries?limit=1001", "from 1 to 1000");
    problems.put("GET /_hookc/deliveries?route=" + q("POST /c"), "unknown route 'POST /c'");
    problems.put("GET /_hookc/deliveries?olderthan=1h", "unknown parameter 'olderthan'");
    problems.put("GET /_hookc/deliveries?cursor=abc", "'cursor' is not one");
    problems.put("GET /_hookc/deliveries?order=random", "'order' must be one of");
    problems.put("POST /_hookc/deliveries/replay?state=PENDING", "cannot replay PENDING");
    problems.put("POST /_hookc/deliveries/replay?dryRun=maybe", "'dryRun' must be true or false");
    problems.put("POST /_hookc/inbox/purge", "a purge needs an age");
    problems.put("POST /_hookc/inbox/purge?olderThan=7d&limit=10001", "from 1 to 10000");
    for (Map.Entry<String, String> problem : problems.entrySet()) {
      String[] request = problem.getKey().split(" ", 2);
      HttpResponse<String> response = send(request[0], request[1], true);
      assertThat(response.statusCode()).as(problem.getKey()).isEqualTo(400);
      assertThat(response.headers().firstValue("content-type"))
          .hasValue("application/problem+json");
      assertThat(Json.mapper().readTree(response.body()).path("detail").asText())
          .as(problem.getKey())
          .contains(problem.getValue());
    }
  }

  @Test
  void deletesProcessedDeliveriesOlderThanAConfiguredRetention() throws Exception {
    start(Duration.ofHours(1));
    assertThat(inboxes.get(A).retention()).isEqualTo(Duration.ofHours(1));
    seed(A, "done-2h", "DONE", 2 * HOUR, null);
    seed(A, "done-30m", "DONE", 30 * 60_000L, null);
    seed(A, "dead-2h", "DEAD", 2 * HOUR, "failed");
    assertThat(inboxes.get(A).purgeExpired()).isEqualTo(1);
    assertThat(ids(json("GET", "/_hookc/deliveries?route=" + q(A), 200)))
        .containsExactlyInAnyOrder("done-30m", "dead-2h");
    assertThat(Set.copyOf(runs.keySet())).isEmpty();
  }
}

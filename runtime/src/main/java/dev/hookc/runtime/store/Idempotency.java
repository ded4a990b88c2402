package dev.hookc.runtime.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.Request;
import dev.hookc.runtime.RequestHandler;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.telemetry.Telemetry;
import dev.hookc.runtime.telemetry.WorkContext;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Runs a route's handler once per idempotency key: the first delivery of a key claims it in the
 * store (whose primary key makes the claim atomic, across instances too), runs the handler and
 * records its response; a repeat within the TTL gets that response again, status, headers and body,
 * with {@code Idempotent-Replayed: true}. A repeat that arrives while the first is still running
 * waits for its outcome up to a bound, then gets 409 with {@code Retry-After}.
 *
 * <p>Only responses below 500 are recorded: after a 5xx or an exception the claim is released, so
 * the sender's retry runs the handler again. A claim whose process died is taken over once its
 * lease has run out; the claim of a request still running when its store closes (its server stopped
 * and the grace ran out) is released then, so that a retry after a restart runs at once.
 *
 * <p>Claims and recorded responses are written by group commit ({@link IdempotencyWriter}): under
 * load the claims of many concurrent requests share one commit, and each request runs its handler
 * only after the commit holding its own claim returned, and is answered only after the commit
 * holding its recorded response.
 *
 * <p>Keys are checked before they are stored ({@link RequestKeys}): one that is missing, longer
 * than 500 characters or not text is a 400.
 */
public final class Idempotency {
  private static final System.Logger LOG = System.getLogger(Idempotency.class.getName());

  private static final TypeReference<Map<String, List<String>>> HEADERS = new TypeReference<>() {};
  private static final Duration POLL = Duration.ofMillis(25);

  /**
   * How often a route drops its expired records. A purge scans the route's records, so it runs by
   * time, not by request: one in so many requests scanned a table that grows with the traffic ever
   * more often as the traffic grew (a quarter of the store's work at 3,000 deliveries/s). An
   * expired record left a while longer changes nothing: a claim of its key takes it over.
   */
  private static final long PURGE_EVERY_MS = 60_000;

  private final JdbcStore store;
  private final String scope;
  private final Function<Request, String> key;
  private final Duration ttl;
  private final Duration lease;
  private final Duration wait;
  private final Clock clock;
  private final AtomicLong nextPurge = new AtomicLong(Long.MIN_VALUE);

  private Idempotency(
      JdbcStore store,
      String scope,
      Function<Request, String> key,
      Duration ttl,
      Duration lease,
      Duration wait,
      Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.scope = Objects.requireNonNull(scope, "scope");
    this.key = Objects.requireNonNull(key, "key");
    this.ttl = ttl;
    this.lease = lease;
    this.wait = wait;
    this.clock = clock;
  }

  /**
   * Keys of {@code scope} (the route, e.g. {@code POST /webhooks/orders}) kept for {@code ttl}; a
   * repeat waits up to 10 s for a running first delivery, whose claim lasts at most 2 minutes.
   */
  public static Idempotency of(
      JdbcStore store, String scope, Function<Request, String> key, Duration ttl) {
    return new Idempotency(
        store, scope, key, ttl, Duration.ofMinutes(2), Duration.ofSeconds(10), Clock.systemUTC());
  }

  /** This with other bounds: how long a claim lasts and how long a repeat waits for it. */
  public Idempotency withBounds(Duration lease, Duration wait, Clock clock) {
    return new Idempotency(store, scope, key, ttl, lease, wait, clock);
  }

  /** {@code handler} behind the idempotency check. */
  public RequestHandler protect(RequestHandler handler) {
    return request -> handle(request, handler);
  }

  private Response handle(Request request, RequestHandler handler) throws Exception {
    String value = RequestKeys.checked(key.apply(request));
    String owner = UUID.randomUUID().toString();
    // Noted before it is taken, so that a stop cannot miss a claim committed an instant later.
    JdbcStore.Claim live = new JdbcStore.Claim(scope, value, owner);
    store.claiming(live);
    try {
      return claimAndRun(request, handler, value, owner);
    } finally {
      store.settled(live);
    }
  }

  private Response claimAndRun(Request request, RequestHandler handler, String value, String owner)
      throws Exception {
    long deadline = clock.millis() + wait.toMillis();
    while (true) {
      long now = clock.millis();
      // Now and then, drop expired records so that the table holds only live keys.
      boolean purge = purgeDue(now);
      IdempotencyWriter.Claimed claim;
      try {
        claim = store.idempotency().claim(scope, value, owner, now, now + lease.toMillis(), purge);
      } catch (SQLException e) {
        throw StoreOutages.answer("claiming the idempotency key", e);
      }
      if (claim.replay() != null) {
        WorkContext.outcome(Telemetry.Check.IDEMPOTENCY, "replayed");
        return replay(claim.replay());
      }
      if (claim.taken()) {
        WorkContext.outcome(Telemetry.Check.IDEMPOTENCY, "first");
        return runClaimed(request, handler, value, owner);
      }
      if (clock.millis() >= deadline) {
        WorkContext.outcome(Telemetry.Check.IDEMPOTENCY, "in-flight");
        throw new HttpProblem(
                409,
                "Conflict",
                "a delivery with the same idempotency key is still being processed")
            .withType("https://hookc.dev/problems/idempotency-in-progress")
            .withHeader("Retry-After", "1");
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /** Whether this request's claim drops the expired records: the first one, then once a minute. */
  private boolean purgeDue(long now) {
    long due = nextPurge.get();
    return now >= due && nextPurge.compareAndSet(due, now + PURGE_EVERY_MS);
  }

  private Response runClaimed(Request request, RequestHandler handler, String value, String owner)
      throws Exception {
    Response response;
    try {
      response = handler.handle(request);
    } catch (Exception | Error e) {
      releaseAfterFailure(value, owner, e);
      throw e;
    }
    if (response.status() >= 500) {
      releaseAfterFailure(value, owner, null);
      return response;
    }
    try {
      store
          .idempotency()
          .record(
              scope,
              value,
              owner,
              response.status(),
              new String(Json.write(response.headers()), StandardCharsets.UTF_8),
              response.body(),
              clock.millis() + ttl.toMillis());
    } catch (SQLException e) {
      // The work is done but its answer is not recorded: the key stays claimed until its lease
      // lapses, and the sender's retry then runs it again (or, before that, is told to wait).
      throw StoreOutages.answer("recording the answer", e);
    }
    return response;
  }

  private static Response replay(IdempotencyWriter.Stored stored) {
    int status = stored.status();
    byte[] body = stored.body();
    Map<String, List<String>> headers;
    try {
      headers = Json.mapper().readValue(stored.headers(), HEADERS);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("unreadable stored headers", e);
    }
    Response response =
        status == 204 || status == 304 || body == null || body.length == 0
            ? Response.empty(status)
            : Response.of(status, null, body);
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      for (String value : header.getValue()) {
        response = response.withAddedHeader(header.getKey(), value);
      }
    }
    return response.withHeader("Idempotent-Replayed", "true");
  }

  /**
   * Frees the key of a request that failed, so that the sender's retry runs it again at once. When
   * the store cannot free it, the request's own failure is still what the sender is answered: the
   * key is then freed by its lease lapsing.
   */
  private void releaseAfterFailure(String value, String owner, Throwable failure) {
    try {
      release(value, owner);
    } catch (SQLException | RuntimeException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      }
      LOG.log(
          Level.WARNING,
          "hookc''s store could not free an idempotency key of {0} after its request failed; it is"
              + " freed when its lease lapses: SQLSTATE {1}",
          scope,
          e instanceof SQLException sql ? sql.getSQLState() : e.toString());
    }
  }

  private void release(String value, String owner) throws SQLException {
    store.transaction(
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement(
                  "DELETE FROM hookc_idempotency WHERE scope = ? AND idem_key = ? AND owner = ?")) {
            delete.setString(1, scope);
            delete.setString(2, value);
            delete.setString(3, owner);
            delete.executeUpdate();
          }
          return null;
        });
  }
}

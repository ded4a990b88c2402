package dev.hookc.runtime.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.Request;
import dev.hookc.runtime.RequestHandler;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Violation;
import dev.hookc.runtime.datasource.DatasourceException.Kind;
import dev.hookc.runtime.kafka.InboxForward;
import dev.hookc.runtime.telemetry.DeliveryStart;
import dev.hookc.runtime.telemetry.InboxCounts;
import dev.hookc.runtime.telemetry.Observation;
import dev.hookc.runtime.telemetry.Telemetry;
import dev.hookc.runtime.telemetry.WorkContext;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A durable inbox for one route's asynchronous deliveries. {@link #accept} commits the delivery
 * (method, path, parameters, headers and the raw body) to the store <em>before</em> answering, so
 * an acknowledged delivery survives a crash at any moment (deliveries that arrive together are
 * committed together, each answered once the commit holding it has returned: see {@code
 * InboxWriter}); workers then run the route's handler from the inbox. A failed run (a 5xx or an
 * exception) is retried with the {@link RetryPolicy}; after the last attempt the delivery is
 * dead-lettered with its error, and can be replayed.
 *
 * <p>With a {@link InboxForward} (the route's {@code forward: {kafka: ...}}), the workers first
 * send each delivery to a Kafka topic: a delivery counts as forwarded, and is done or runs its
 * handler, only once the broker confirmed the record; a send that failed is a failed attempt like a
 * failed run. Across instances on PostgreSQL, the claim that makes one worker run a delivery makes
 * one worker forward it.
 *
 * <p>Delivery to the handler is at-least-once: a process killed while a handler runs leaves the
 * delivery claimed until its lease ends, and it runs again. With an idempotency key, the inbox's
 * unique key on it means a redelivery from the sender is accepted once: the repeat is answered with
 * the same status and {@code Idempotent-Replayed: true}, and nothing new is stored.
 */
public final class Inbox implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Inbox.class.getName());
  private static final TypeReference<Map<String, List<String>>> MULTI = new TypeReference<>() {};
  private static final TypeReference<Map<String, String>> SINGLE = new TypeReference<>() {};
  private static final long IDLE_POLL_MILLIS = 50;
  private static final long PURGE_EVERY_MILLIS = 60_000;

  /** How long a processed delivery is kept when the project sets no {@code store.retention}. */
  public static final Duration RETENTION = Duration.ofDays(7);

  private final JdbcStore store;
  private final String scope;
  private final RequestHandler handler;
  private final RetryPolicy retry;
  private final Duration lease;
  private final Duration retention;
  private final ExecutorService workers;
  private final InboxWriter writer;
  private final Telemetry telemetry;
  private final InboxForward forward;
  private volatile boolean running = true;
  // The deliveries the workers are running, by id, with the lease each was claimed until.
  private final Map<String, Long> inFlight = new ConcurrentHashMap<>();
  private volatile long lastPurge = System.currentTimeMillis();

  private Inbox(
      JdbcStore store,
      String scope,
      RequestHandler handler,
      RetryPolicy retry,
      Duration lease,
      int workerCount,
      Telemetry telemetry,
      Duration retention,
      InboxForward forward) {
    this.store = store;
    this.telemetry = telemetry;
    this.forward = forward;
    this.scope = scope;
    this.handler = handler;
    this.retry = retry;
    this.lease = lease;
    this.retention = retention;
    this.writer = new InboxWriter(store, scope);
    this.workers =
        Executors.newFixedThreadPool(
            workerCount,
            r -> {
              Thread t = new Thread(r, "hookc-inbox-" + scope);
              t.setDaemon(true);
              return t;
            });
    for (int i = 0; i < workerCount; i++) {
      workers.execute(this::work);
    }
  }

  /**
   * The inbox of the deliveries of {@code scope} in {@code store}, to configure and {@link
   * Builder#start start}: by default one worker, {@link RetryPolicy#defaults()}, a lease of one
   * minute, {@link #RETENTION} and no telemetry.
   */
  public static Builder builder(JdbcStore store, String scope) {
    return new Builder(store, scope);
  }

  /** How an inbox runs its deliveries; {@link #start} starts its workers. */
  public static final class Builder {
    private final JdbcStore store;
    private final String scope;
    private RequestHandler handler;
    private RetryPolicy retry = RetryPolicy.defaults();
    private Duration lease = Duration.ofMinutes(1);
    private int workers = 1;
    private Telemetry telemetry = Telemetry.NONE;
    private Duration retention = RETENTION;
    private InboxForward forward;

    private Builder(JdbcStore store, String scope) {
      this.store = Objects.requireNonNull(store);
      this.scope = Objects.requireNonNull(scope);
    }

    /** What runs each delivery; needed unless a {@link #forward} replaces running it. */
    public Builder handler(RequestHandler handler) {
      this.handler = handler;
      return this;
    }

    /** When a failed delivery is tried again, and how often before it is dead. */
    public Builder retry(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry);
      return this;
    }

    /**
     * How long a claimed delivery belongs to its worker: one a dead process had claimed runs again
     * once it has passed.
     */
    public Builder lease(Duration lease) {
      this.lease = Objects.requireNonNull(lease);
      return this;
    }

    /** How many deliveries run at once. */
    public Builder workers(int workers) {
      this.workers = workers;
      return this;
    }

    /** What observes each attempt: its delivery, retries and dead letters. */
    public Builder telemetry(Telemetry telemetry) {
      this.telemetry = Objects.requireNonNull(telemetry);
      return this;
    }

    /** How long a processed delivery (and so its key) is kept after it was received. */
    public Builder retention(Duration retention) {
      this.retention = Objects.requireNonNull(retention);
      return this;
    }

    /**
     * Forwards each delivery first; the {@link #handler} then runs only when {@link
     * InboxForward#runs()}.
     */
    public Builder forward(InboxForward forward) {
      this.forward = forward;
      return this;
    }

    /** Starts the workers. */
    public Inbox start() {
      if (handler == null && (forward == null || forward.runs())) {
        throw new IllegalArgumentException("no handler for the inbox of " + scope);
      }
      if (retention.isNegative() || retention.isZero()) {
        throw new IllegalArgumentException("not a retention: " + retention);
      }
      if (workers < 1) {
        throw new IllegalArgumentException("not a number of workers: " + workers);
      }
      if (store.dialect() == Dialect.H2) {
        releaseClaims(store, scope);
      }
      return new Inbox(store, scope, handler, retry, lease, workers, telemetry, retention, forward);
    }
  }

  /** The store the inbox keeps its deliveries in. */
  JdbcStore store() {
    return store;
  }

  /** How long a processed delivery is kept after it was received. */
  public Duration retention() {
    return retention;
  }

  /**
   * Frees the claims of a previous run. Only for H2, whose file lock guarantees that no other
   * process is working on these deliveries; instances sharing PostgreSQL wait for the lease.
   */
  private static void releaseClaims(JdbcStore store, String scope) {
    try {
      store.transaction(
          c -> {
            try (PreparedStatement update =
                c.prepareStatement(
                    "UPDATE hookc_inbox SET claimed_until = 0 WHERE scope = ? AND state = 'PENDING'")) {
              update.setString(1, scope);
              return update.executeUpdate();
            }
          });
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the inbox of " + scope, e);
    }
  }

  /**
   * The route's handler: checks the body with {@code validator} (when not null), commits the
   * delivery, and answers {@code status} with the delivery's {@code id}.
   *
   * @param key the idempotency key, or null when the route has none
   */
  public RequestHandler accept(
      int status, Function<Request, String> key, Function<JsonNode, List<Violation>> validator) {
    return request -> {
      if (validator != null) {
        List<Violation> violations = validator.apply(Json.readBody(request));
        if (!violations.isEmpty()) {
          throw HttpProblem.badRequest(
              "The request body does not match the route's schema.", violations);
        }
        WorkContext.outcome(Telemetry.Check.VALIDATION, "accepted");
      }
      // Checked as on synchronous routes, so that a key too long for its column is a 400 here too.
      String dedup = key == null ? null : RequestKeys.checked(key.apply(request));
      if (forward != null) {
        forward.check(request);
      }
      String id = DeliveryIds.next();
      // Committed together with the deliveries of concurrent requests, and answered only once
      // that commit has returned.
      Optional<String> existing;
      try {
        existing = writer.write(id, dedup, request);
      } catch (SQLException e) {
        throw StoreOutages.answer("storing the delivery", e);
      }
      if (dedup != null) {
        WorkContext.outcome(
            Telemetry.Check.IDEMPOTENCY, existing.isPresent() ? "replayed" : "first");
      }
      Response response =
          status == 204
              ? Response.empty(204)
              : Response.json(status, Map.of("id", existing.orElse(id)));
      return existing.isPresent() ? response.withHeader("Idempotent-Replayed", "true") : response;
    };
  }

  private void work() {
    // While the store is away, one line when it goes and one when it is back, not a stack trace
    // every few seconds from every worker.
    boolean storeAway = false;
    while (running) {
      try {
        if (!runOne()) {
          purgeWhenDue();
          Thread.sleep(IDLE_POLL_MILLIS);
        }
        if (storeAway) {
          storeAway = false;
          LOG.log(Level.INFO, "inbox worker of {0}: hookc''s store is back", scope);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        if (e instanceof SQLException sql && Kind.of(sql).mayPass()) {
          if (!storeAway) {
            storeAway = true;
            LOG.log(
                Level.WARNING,
                "inbox worker of {0}: hookc''s store cannot be used (SQLSTATE {1}); retrying until"
                    + " it can",
                scope,
                sql.getSQLState());
          }
        } else {
          LOG.log(Level.ERROR, "inbox worker of " + scope + " failed; retrying", e);
        }
        try {
          Thread.sleep(IDLE_POLL_MILLIS * 10);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  /**
   * Deletes deliveries done more than the retention (a week by default) ago, once a minute. Their
   * keys go with them, so a sender's redelivery after that would be accepted again; senders stop
   * retrying long before.
   */
  private void purgeWhenDue() throws SQLException {
    long now = System.currentTimeMillis();
    if (now - lastPurge < PURGE_EVERY_MILLIS) {
      return;
    }
    lastPurge = now;
    purgeExpired();
  }

  /** Deletes the processed deliveries received longer than the retention ago; how many. */
  int purgeExpired() throws SQLException {
    long now = System.currentTimeMillis();
    return store.transaction(
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement(
                  "DELETE FROM hookc_inbox WHERE scope = ? AND state = 'DONE' AND received_at < ?")) {
            delete.setString(1, scope);
            delete.setLong(2, now - retention.toMillis());
            return delete.executeUpdate();
          }
        });
  }

  /** Claims and runs one due delivery; false when there was none. */
  boolean runOne() throws SQLException {
    Optional<Stored> claimed = store.transaction(this::claim);
    if (claimed.isEmpty()) {
      return false;
    }
    Stored delivery = claimed.get();
    inFlight.put(delivery.id(), delivery.claimedUntil());
    int attempt = delivery.attempts() + 1;
    Observation observation =
        telemetry == Telemetry.NONE
            ? Observation.NONE
            : telemetry.delivery(
                new DeliveryStart(scope, delivery.id(), attempt, delivery.request()::header));
    WorkContext.Scope context =
        WorkContext.enter(
            WorkContext.of(
                telemetry,
                null,
                scope,
                delivery.id(),
                Instant.ofEpochMilli(delivery.receivedAt()),
                observation));
    try {
      String forwarded = forward == null ? null : forward(delivery, observation);
      boolean runs = forwarded == null && (forward == null || forward.runs());
      Optional<ProjectDatabase> shared = runs ? store.sharedDatasource() : Optional.empty();
      String error =
          !runs
              ? forwarded
              : shared.isPresent()
                  ? runTogether(shared.get(), delivery, observation)
                  : run(delivery, observation);
      if (error != null || shared.isEmpty()) {
        String state = store.transaction(c -> finish(c, delivery, error));
        if (state.equals("DEAD")) {
          telemetry.deadLettered(scope);
        } else if (state.equals("PENDING")) {
          telemetry.deliveryRetry(scope, attempt + 1);
        }
      }
    } finally {
      inFlight.remove(delivery.id());
      observation.close();
      context.close();
    }
    return true;
  }

  /**
   * Sends {@code delivery} to its topic: null once the broker confirmed it, else why not. A
   * workflow that fails after a confirmed send is retried with the send: the topic then holds the
   * delivery more than once, under the same {@code hookc-delivery-id}.
   */
  private String forward(Stored delivery, Observation observation) {
    try {
      String error =
          forward.send(
              delivery.id(), Instant.ofEpochMilli(delivery.receivedAt()), delivery.request());
      if (error != null) {
        observation.failure("forward", null);
        LOG.log(
            Level.WARNING,
            "delivery {0} of {1} not forwarded (attempt {2}): {3}",
            delivery.id(),
            scope,
            delivery.attempts() + 1,
            error);
      }
      return error;
    } catch (InterruptedException e) {
      // Stopping: the attempt counts as failed, and the delivery is sent again later.
      Thread.currentThread().interrupt();
      return "interrupted before Kafka confirmed the record";
    } catch (RuntimeException e) {
      observation.failure("exception", e);
      return failed(delivery, e);
    }
  }

  /** The handler's answer to {@code delivery}, its status told to {@code observation}. */
  private Response handle(Stored delivery, Observation observation) throws Exception {
    Response response = handler.handle(delivery.request());
    observation.status(response.status(), null);
    if (response.status() >= 500) {
      observation.failure("status", null);
    }
    return response;
  }

  /** Runs the handler on {@code delivery}: why it failed, or null when it processed it. */
  private String run(Stored delivery, Observation observation) {
    try {
      Response response = handle(delivery, observation);
      return response.status() >= 500 ? "the handler answered " + response.status() : null;
    } catch (Exception | StackOverflowError e) {
      observation.failure("exception", e);
      return failed(delivery, e);
    }
  }

  private String failed(Stored delivery, Throwable e) {
    // A workflow that threw (a TaskCrash) did not process the delivery: a failed attempt.
    LOG.log(
        Level.ERROR,
        "delivery "
            + delivery.id()
            + " of "
            + scope
            + " failed (attempt "
            + (delivery.attempts() + 1)
            + ")",
        e);
    return e.getCause() == null ? e.toString() : e + "; caused by " + e.getCause();
  }

  /** A run that did not process its delivery, thrown to roll back what it wrote. */
  private static final class FailedRun extends Exception {
    private static final long serialVersionUID = 1L;

    FailedRun(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Runs the handler on {@code delivery} in one transaction of the datasource the store is on,
   * which also marks the delivery done: the rows the workflow writes there and the delivery's
   * completion commit together. A failed run rolls its rows back (the attempt is recorded after); a
   * run whose claim another worker took over meanwhile (its lease lapsed) rolls back too, as that
   * worker runs the delivery.
   *
   * @return why it failed, or null when it processed it or another worker now owns it
   */
  private String runTogether(ProjectDatabase shared, Stored delivery, Observation observation) {
    try {
      shared.inTransaction(
          c -> {
            Response response = handle(delivery, observation);
            if (response.status() >= 500) {
              throw new FailedRun("the handler answered " + response.status());
            }
            if (!completed(c, delivery)) {
              throw new FailedRun(null);
            }
            return null;
          });
      return null;
    } catch (FailedRun e) {
      if (e.getMessage() == null) {
        LOG.log(
            Level.WARNING,
            "delivery {0} of {1} outlived its lease and was taken over; what this run wrote is"
                + " rolled back",
            delivery.id(),
            scope);
      }
      return e.getMessage();
    } catch (Exception | StackOverflowError e) {
      observation.failure("exception", e);
      return failed(delivery, e);
    }
  }

  /** Marks {@code delivery} done if this run still holds its claim; false when it does not. */
  private boolean completed(Connection c, Stored delivery) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE hookc_inbox SET state = 'DONE', attempts = ?, claimed_until = 0,"
                + " last_error = NULL WHERE id = ? AND claimed_until = ? AND state = 'PENDING'")) {
      update.setInt(1, delivery.attempts() + 1);
      update.setString(2, delivery.id());
      update.setLong(3, delivery.claimedUntil());
      return update.executeUpdate() == 1;
    }
  }

  private record Stored(
      String id, int attempts, long claimedUntil, long receivedAt, Request request) {}

  private Optional<Stored> claim(Connection c) throws SQLException {
    long now = System.currentTimeMillis();
    String id;
    long claimedUntil;
    try (PreparedStatement due = c.prepareStatement(store.dialect().dueQuery())) {
      due.setString(1, scope);
      due.setLong(2, now);
      due.setLong(3, now);
      try (ResultSet row = due.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        id = row.getString(1);
        claimedUntil = row.getLong(2);
      }
    }
    // Everything that made the row due is checked again: between the query and this update,
    // another worker may have claimed, run and released it (its claim back to the same value).
    long until = now + lease.toMillis();
    try (PreparedStatement take =
        c.prepareStatement(
            "UPDATE hookc_inbox SET claimed_until = ? WHERE id = ? AND claimed_until = ?"
                + " AND state = 'PENDING' AND next_attempt_at <= ?")) {
      take.setLong(1, until);
      take.setString(2, id);
      take.setLong(3, claimedUntil);
      take.setLong(4, now);
      if (take.executeUpdate() != 1) {
        return Optional.empty(); // another worker took it first
      }
    }
    try (PreparedStatement read =
        c.prepareStatement(
            "SELECT method, path, path_params, query, headers, body, attempts, received_at"
                + " FROM hookc_inbox WHERE id = ?")) {
      read.setString(1, id);
      try (ResultSet row = read.executeQuery()) {
        row.next();
        Request request =
            Request.of(
                row.getString(1),
                row.getString(2),
                Json.mapper().readValue(row.getString(3), SINGLE),
                Json.mapper().readValue(row.getString(4), MULTI),
                Json.mapper().readValue(row.getString(5), MULTI),
                row.getBytes(6));
        return Optional.of(new Stored(id, row.getInt(7), until, row.getLong(8), request));
      } catch (java.io.IOException e) {
        throw new SQLException("unreadable stored delivery " + id, e);
      }
    }
  }

  /**
   * Records the attempt's end: the delivery's state now, {@code DONE}, {@code PENDING} or {@code
   * DEAD}.
   */
  private String finish(Connection c, Stored delivery, String error) throws SQLException {
    int attempts = delivery.attempts() + 1;
    String state = error == null ? "DONE" : attempts >= retry.maxAttempts() ? "DEAD" : "PENDING";
    long next = System.currentTimeMillis() + retry.delayAfter(attempts).toMillis();
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE hookc_inbox SET state = ?, attempts = ?, next_attempt_at = ?,"
                + " claimed_until = 0, last_error = ? WHERE id = ?")) {
      update.setString(1, state);
      update.setInt(2, attempts);
      update.setLong(3, next);
      update.setString(4, error);
      update.setString(5, delivery.id());
      update.executeUpdate();
    }
    if (state.equals("DEAD")) {
      LOG.log(Level.WARNING, "delivery {0} of {1} dead-lettered: {2}", delivery.id(), scope, error);
    }
    return state;
  }

  /**
   * How many of the route's deliveries are in each state, and how long the oldest pending one has
   * waited: one query over the inbox's (scope, state) rows.
   */
  public InboxCounts counts() throws SQLException {
    return store.transaction(
        c -> {
          long pending = 0;
          long done = 0;
          long dead = 0;
          long oldest = 0;
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT state, COUNT(*), MIN(received_at) FROM hookc_inbox WHERE scope = ?"
                      + " GROUP BY state")) {
            select.setString(1, scope);
            try (ResultSet row = select.executeQuery()) {
              while (row.next()) {
                long count = row.getLong(2);
                switch (row.getString(1)) {
                  case "PENDING" -> {
                    pending = count;
                    oldest = Math.max(0, System.currentTimeMillis() - row.getLong(3));
                  }
                  case "DONE" -> done = count;
                  case "DEAD" -> dead = count;
                  default -> {
                    // A state of a later version: not counted here.
                  }
                }
              }
            }
          }
          return new InboxCounts(pending, done, dead, oldest);
        });
  }

  /** A delivery that failed every attempt. */
  public record DeadLetter(String id, String key, int attempts, String error, long receivedAt) {}

  /** The dead-lettered deliveries, oldest first. */
  public List<DeadLetter> deadLetters() throws SQLException {
    return store.transaction(
        c -> {
          List<DeadLetter> dead = new ArrayList<>();
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT id, dedup_key, attempts, last_error, received_at FROM hookc_inbox"
                      + " WHERE scope = ? AND state = 'DEAD' ORDER BY received_at")) {
            select.setString(1, scope);
            try (ResultSet row = select.executeQuery()) {
              while (row.next()) {
                dead.add(
                    new DeadLetter(
                        row.getString(1),
                        row.getString(2),
                        row.getInt(3),
                        row.getString(4),
                        row.getLong(5)));
              }
            }
          }
          return dead;
        });
  }

  /** Puts a dead-lettered delivery back in the inbox with fresh attempts; false if none. */
  public boolean replay(String id) throws SQLException {
    return store.transaction(
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE hookc_inbox SET state = 'PENDING', attempts = 0, next_attempt_at = ?,"
                      + " claimed_until = 0 WHERE id = ? AND scope = ? AND state = 'DEAD'")) {
            update.setLong(1, System.currentTimeMillis());
            update.setString(2, id);
            update.setString(3, scope);
            return update.executeUpdate() == 1;
          }
        });
  }

  /**
   * Stops the workers, waiting up to 10 s for the deliveries they are running; see {@link #stop}.
   */
  @Override
  public void close() {
    stop(Duration.ofSeconds(10));
  }

  /**
   * Stops accepting (deliveries already handed over are committed first, later ones fail) and stops
   * the workers: they take no new delivery, and those they are running get up to {@code grace} to
   * finish. A delivery still running then is released, to run again after a restart or on another
   * instance, rather than stay claimed until its lease lapses; its worker is not interrupted, and
   * what it records if it finishes before the store closes still counts.
   */
  public void stop(Duration grace) {
    writer.close();
    running = false;
    workers.shutdown();
    try {
      if (workers.awaitTermination(Math.max(0, grace.toMillis()), TimeUnit.MILLISECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    releaseInFlight(grace);
  }

  private void releaseInFlight(Duration grace) {
    Map<String, Long> running = Map.copyOf(inFlight);
    if (running.isEmpty()) {
      return;
    }
    try {
      int released =
          store.transaction(
              c -> {
                int n = 0;
                try (PreparedStatement update =
                    c.prepareStatement(
                        "UPDATE hookc_inbox SET claimed_until = 0 WHERE id = ?"
                            + " AND claimed_until = ? AND state = 'PENDING'")) {
                  for (Map.Entry<String, Long> delivery : running.entrySet()) {
                    update.setString(1, delivery.getKey());
                    update.setLong(2, delivery.getValue());
                    n += update.executeUpdate();
                  }
                }
                return n;
              });
      LOG.log(
          Level.WARNING,
          "{0} delivery(ies) of {1} still running after {2} ms; released to run again",
          released,
          scope,
          Long.toString(grace.toMillis()));
    } catch (SQLException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "cannot release the deliveries of "
              + scope
              + " still running; they run again once"
              + " their lease lapses",
          e);
    }
  }
}

package dev.hookc.runtime.store;

import dev.hookc.runtime.Json;
import dev.hookc.runtime.Request;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Stores an inbox's accepted deliveries by group commit: the deliveries of concurrent requests are
 * inserted in one transaction and committed together, and each request waits until the commit that
 * holds its row has returned. A commit costs far more than a row (PostgreSQL waits for the WAL to
 * reach the disk, H2 writes a chunk to its file), so under load a few commits carry many rows; a
 * lone request gets a transaction of its own, as before, after one thread hand-off.
 *
 * <p>Nothing is answered before its commit: a request learns that its row is stored only from the
 * committer, after {@code commit} returned. When a batch fails — one row breaking a constraint, a
 * duplicate idempotency key, the database away — the whole batch is rolled back and every row in it
 * is then written alone, exactly as a request without group commit would write it, so that one bad
 * row fails only its own request and a duplicate key is answered as a replay of the stored one.
 */
final class InboxWriter implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(InboxWriter.class.getName());

  /** The most rows one commit carries: more would hold the first request back for little gain. */
  static final int MAX_BATCH = 64;

  /**
   * How many batches may be in flight at once: while one waits for its commit to reach the disk,
   * the next is inserted.
   */
  static final int COMMITTERS = 2;

  private static final String INSERT =
      "INSERT INTO hookc_inbox (id, scope, dedup_key, method, path, path_params, query,"
          + " headers, body, state, attempts, next_attempt_at, claimed_until, received_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, 0, ?)";

  private final JdbcStore store;
  private final String scope;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final List<Thread> committers = new ArrayList<>();
  private volatile boolean closed;

  /** A delivery waiting for its commit: its row, and the answer the request waits for. */
  private static final class Pending {
    final String id;
    final String dedup;
    final String method;
    final String path;
    final String pathParams;
    final String query;
    final String headers;
    final byte[] body;
    final long receivedAt;
    // The id of the delivery already stored under the same key, or empty when this one is new.
    final CompletableFuture<Optional<String>> stored = new CompletableFuture<>();

    Pending(String id, String dedup, Request request, long receivedAt) {
      this.id = id;
      this.dedup = dedup;
      this.method = request == null ? null : request.method();
      this.path = request == null ? null : request.path();
      this.pathParams = request == null ? null : json(request.pathParams());
      this.query = request == null ? null : json(request.queryParams());
      this.headers = request == null ? null : json(request.headers());
      this.body = request == null ? null : request.body();
      this.receivedAt = receivedAt;
    }
  }

  // Tells one committer to stop; queued after every delivery accepted before the close.
  private static final Pending STOP = new Pending(null, null, null, 0);

  InboxWriter(JdbcStore store, String scope) {
    this.store = store;
    this.scope = scope;
    for (int i = 0; i < COMMITTERS; i++) {
      Thread t = new Thread(this::commitLoop, "hookc-inbox-commit-" + scope);
      t.setDaemon(true);
      committers.add(t);
      t.start();
    }
  }

  /**
   * Stores the delivery {@code id} once its commit has returned: empty when it is new, else the id
   * of the delivery already stored with the same idempotency key {@code dedup} (nothing new is
   * stored then).
   *
   * @throws SQLException when its row could not be stored
   * @throws IllegalStateException when the inbox is closed
   */
  Optional<String> write(String id, String dedup, Request request)
      throws SQLException, InterruptedException {
    if (closed) {
      throw new IllegalStateException("the inbox of " + scope + " is closed");
    }
    Pending pending = new Pending(id, dedup, request, System.currentTimeMillis());
    queue.add(pending);
    // Closed in between: unless a committer has taken it already, it will not be written.
    if (closed && queue.remove(pending)) {
      throw new IllegalStateException("the inbox of " + scope + " is closed");
    }
    try {
      return pending.stored.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException sql) {
        throw sql;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  private void commitLoop() {
    List<Pending> batch = new ArrayList<>(MAX_BATCH);
    while (true) {
      Pending first;
      try {
        first = queue.take();
      } catch (InterruptedException e) {
        // Not interrupted by hookc; the close's STOP ends the loop.
        continue;
      }
      if (first == STOP) {
        return;
      }
      batch.add(first);
      queue.drainTo(batch, MAX_BATCH - 1);
      // A STOP drained with the batch: the batch is written, then this committer stops, and
      // another committer's STOP goes back to it.
      long stops = batch.stream().filter(p -> p == STOP).count();
      batch.removeIf(p -> p == STOP);
      for (long i = 1; i < stops; i++) {
        queue.add(STOP);
      }
      boolean stop = stops > 0;
      commit(batch);
      batch.clear();
      if (stop) {
        return;
      }
    }
  }

  private void commit(List<Pending> batch) {
    if (batch.size() == 1) {
      Pending p = batch.get(0);
      try {
        p.stored.complete(store.transaction(c -> insertOne(c, p)));
      } catch (SQLException | RuntimeException | Error e) {
        p.stored.completeExceptionally(e);
      }
      return;
    }
    try {
      store.transaction(c -> insertAll(c, batch));
      // Only now, after the commit returned, may these requests be answered.
      for (Pending p : batch) {
        p.stored.complete(Optional.empty());
      }
      return;
    } catch (SQLException | RuntimeException e) {
      LOG.log(
          Level.DEBUG,
          "a batch of {0} deliveries of {1} failed and was rolled back; writing it row by row: {2}",
          batch.size(),
          scope,
          e.toString());
    } catch (Error e) {
      failAll(batch, e); // not rethrown: this thread goes on serving the requests that wait
      return;
    }
    List<Outcome> outcomes;
    try {
      outcomes = store.transaction(c -> insertEach(c, batch));
    } catch (SQLException | RuntimeException | Error e) {
      failAll(batch, e);
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      Outcome outcome = outcomes.get(i);
      if (outcome.failure() != null) {
        batch.get(i).stored.completeExceptionally(outcome.failure());
      } else {
        batch.get(i).stored.complete(outcome.existing());
      }
    }
  }

  /** What became of one row of a batch written row by row: stored (or a replay), or failed. */
  private record Outcome(Optional<String> existing, SQLException failure) {}

  /**
   * The rows of a failed batch in one transaction, each behind a savepoint: a row the database
   * refuses is rolled back alone and fails only its own request, and a key already stored (by an
   * earlier row of the batch, too) is answered with that delivery's id, as a request alone would
   * be.
   */
  private List<Outcome> insertEach(Connection c, List<Pending> batch) throws SQLException {
    List<Outcome> outcomes = new ArrayList<>(batch.size());
    try (PreparedStatement insert = c.prepareStatement(INSERT)) {
      for (Pending p : batch) {
        Savepoint before = c.setSavepoint();
        try {
          bind(insert, p);
          insert.executeUpdate();
          c.releaseSavepoint(before);
          outcomes.add(new Outcome(Optional.empty(), null));
        } catch (SQLException e) {
          c.rollback(before);
          outcomes.add(
              p.dedup != null && Dialect.isDuplicateKey(e)
                  ? new Outcome(existing(c, p), null)
                  : new Outcome(Optional.empty(), e));
        }
      }
    }
    return outcomes;
  }

  private static void failAll(List<Pending> batch, Throwable e) {
    for (Pending p : batch) {
      p.stored.completeExceptionally(e);
    }
  }

  private Void insertAll(Connection c, List<Pending> batch) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(INSERT)) {
      for (Pending p : batch) {
        bind(insert, p);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    return null;
  }

  private Optional<String> insertOne(Connection c, Pending p) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(INSERT)) {
      bind(insert, p);
      insert.executeUpdate();
      return Optional.empty();
    } catch (SQLException e) {
      if (p.dedup == null || !Dialect.isDuplicateKey(e)) {
        throw e;
      }
      c.rollback();
    }
    return existing(c, p);
  }

  /** The delivery stored under the key of {@code p}: empty when it is {@code p} itself. */
  private Optional<String> existing(Connection c, Pending p) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT id FROM hookc_inbox WHERE scope = ? AND dedup_key = ?")) {
      select.setString(1, scope);
      select.setString(2, p.dedup);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          // Its holder rolled back after this insert saw it: the sender's retry stores it.
          throw new SQLException("a delivery with the same key was being stored", "40001");
        }
        String existing = row.getString(1);
        // Its own row, committed by a batch whose commit then reported a failure: it is stored.
        return existing.equals(p.id) ? Optional.empty() : Optional.of(existing);
      }
    }
  }

  private void bind(PreparedStatement insert, Pending p) throws SQLException {
    insert.setString(1, p.id);
    insert.setString(2, scope);
    insert.setString(3, p.dedup);
    insert.setString(4, p.method);
    insert.setString(5, p.path);
    insert.setString(6, p.pathParams);
    insert.setString(7, p.query);
    insert.setString(8, p.headers);
    insert.setBytes(9, p.body);
    insert.setLong(10, p.receivedAt);
    insert.setLong(11, p.receivedAt);
  }

  private static String json(Object value) {
    return new String(Json.write(value), StandardCharsets.UTF_8);
  }

  /**
   * Writes what was accepted before the close, then stops the committers; a delivery offered
   * afterwards fails. Requests in flight have normally finished before an inbox closes.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (int i = 0; i < committers.size(); i++) {
      queue.add(STOP);
    }
    for (Thread t : committers) {
      try {
        t.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    // Left behind only if a committer hung on the database: not stored, so never acknowledged.
    List<Pending> left = new ArrayList<>();
    queue.drainTo(left);
    left.removeIf(p -> p == STOP);
    failAll(left, new IllegalStateException("the inbox of " + scope + " is closed"));
  }
}

package dev.hookc.runtime.store;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Takes and records idempotency claims by group commit: the claims and recorded responses of
 * concurrent requests are written in one transaction and committed together, and each request
 * learns its outcome only after the commit that holds its row has returned. Without it every
 * delivery on an idempotent route costs two commits of its own (claim, then record), and commits,
 * not rows, are what a store does few of per second (H2 writes a chunk to its file, PostgreSQL
 * waits for its WAL to reach the disk).
 *
 * <p>A claim is durable before its request runs its handler, and a recorded response before the
 * request is answered, exactly as with a transaction per step. When a batch fails — a key already
 * claimed, in the store or by an earlier request of the same batch, a row the database refuses, the
 * database away — the whole batch is rolled back and written again in one transaction, each
 * operation behind a savepoint and in the order of the sequential protocol: a duplicate key then
 * gets what a claim of its own would have got (the recorded response, a lapsed claim taken over, or
 * "held by another request"), and a refused row fails only its own request.
 */
final class IdempotencyWriter implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(IdempotencyWriter.class.getName());

  /** The most operations one commit carries: more would hold the first request back. */
  static final int MAX_BATCH = 64;

  /** Batches in flight at once: while one waits for its commit, the next is written. */
  static final int COMMITTERS = 2;

  private static final String INSERT =
      "INSERT INTO hookc_idempotency (scope, idem_key, owner, done, expires_at)"
          + " VALUES (?, ?, ?, FALSE, ?)";
  private static final String RECORD =
      "UPDATE hookc_idempotency SET done = TRUE, status = ?, headers = ?, body = ?,"
          + " expires_at = ? WHERE scope = ? AND idem_key = ? AND owner = ?";

  /** What a claim found: taken by this request, a recorded response, or neither (wait). */
  record Claimed(boolean taken, Stored replay) {}

  /** A recorded response: status, headers as JSON, body (read once, never changed). */
  @SuppressWarnings("ArrayRecordComponent")
  record Stored(int status, String headers, byte[] body) {}

  /** One request's write, and the answer it waits for. */
  private sealed interface Op permits Claim, Recorded, Stop {
    String scope();

    String key();

    CompletableFuture<Object> result();
  }

  /** A claim of {@code key} until {@code leaseUntil}, seen at {@code now} by its route's clock. */
  private record Claim(
      String scope,
      String key,
      String owner,
      long now,
      long leaseUntil,
      boolean purge,
      CompletableFuture<Object> result)
      implements Op {}

  /** A response recorded for the claim of {@code owner}, kept until {@code expiresAt}. */
  @SuppressWarnings("ArrayRecordComponent") // the response's body, handed over as it is
  private record Recorded(
      String scope,
      String key,
      String owner,
      int status,
      String headers,
      byte[] body,
      long expiresAt,
      CompletableFuture<Object> result)
      implements Op {}

  /** Tells one committer to stop; queued after every operation accepted before the close. */
  private record Stop(String scope, String key, CompletableFuture<Object> result) implements Op {}

  private static final Stop STOP = new Stop("", "", null);

  // Batches are written in key order, so that two committers' batches lock keys in the same order
  // and never wait for each other in a cycle; any order of concurrent requests is a valid one.
  private static final Comparator<Op> BY_KEY =
      Comparator.comparing(Op::scope).thenComparing(Op::key);

  private final Database database;
  private final BlockingQueue<Op> queue = new LinkedBlockingQueue<>();
  private final List<Thread> committers = new ArrayList<>();
  private volatile boolean closed;

  IdempotencyWriter(Database database) {
    this.database = database;
    for (int i = 0; i < COMMITTERS; i++) {
      Thread t = new Thread(this::commitLoop, "hookc-idempotency-commit");
      t.setDaemon(true);
      committers.add(t);
      t.start();
    }
  }

  /**
   * Claims {@code key} of {@code scope} for {@code owner} once the claim has been committed; also
   * drops the scope's expired records first when {@code purge}.
   */
  Claimed claim(String scope, String key, String owner, long now, long leaseUntil, boolean purge)
      throws SQLException, InterruptedException {
    return (Claimed)
        submit(new Claim(scope, key, owner, now, leaseUntil, purge, new CompletableFuture<>()));
  }

  /** Records the response of the claim of {@code owner}, returning once it has been committed. */
  void record(
      String scope,
      String key,
      String owner,
      int status,
      String headers,
      byte[] body,
      long expiresAt)
      throws SQLException, InterruptedException {
    submit(
        new Recorded(
            scope, key, owner, status, headers, body, expiresAt, new CompletableFuture<>()));
  }

  private Object submit(Op op) throws SQLException, InterruptedException {
    if (closed) {
      throw new IllegalStateException("hookc's store is closed");
    }
    queue.add(op);
    // Closed in between: unless a committer has taken it already, it will not be written.
    if (closed && queue.remove(op)) {
      throw new IllegalStateException("hookc's store is closed");
    }
    try {
      return op.result().get();
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
    List<Op> batch = new ArrayList<>(MAX_BATCH);
    while (true) {
      Op first;
      try {
        first = queue.take();
      } catch (InterruptedException e) {
        continue; // not interrupted by hookc; the close's STOP ends the loop
      }
      if (first == STOP) {
        return;
      }
      batch.add(first);
      queue.drainTo(batch, MAX_BATCH - 1);
      long stops = batch.stream().filter(op -> op == STOP).count();
      batch.removeIf(op -> op == STOP);
      for (long i = 1; i < stops; i++) {
        queue.add(STOP); // another committer's
      }
      batch.sort(BY_KEY);
      commit(batch);
      batch.clear();
      if (stops > 0) {
        return;
      }
    }
  }

  private void commit(List<Op> batch) {
    if (batch.size() > 1) {
      try {
        database.transaction(c -> writeAll(c, batch));
        // Only now, after the commit returned, may these requests go on.
        for (Op op : batch) {
          op.result().complete(op instanceof Claim ? new Claimed(true, null) : null);
        }
        return;
      } catch (SQLException | RuntimeException e) {
        LOG.log(
            Level.DEBUG,
            "a batch of {0} idempotency writes failed and was rolled back; writing it one by one:"
                + " {1}",
            batch.size(),
            e.toString());
      } catch (Error e) {
        failAll(batch, e); // not rethrown: this thread goes on serving the requests that wait
        return;
      }
    }
    List<Object> outcomes;
    try {
      outcomes = database.transaction(c -> writeEach(c, batch));
    } catch (SQLException | RuntimeException | Error e) {
      failAll(batch, e);
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      if (outcomes.get(i) instanceof Failure failure) {
        batch.get(i).result().completeExceptionally(failure.cause());
      } else {
        batch.get(i).result().complete(outcomes.get(i));
      }
    }
  }

  /** An operation of a batch written one by one that the database refused. */
  private record Failure(SQLException cause) {}

  /** Every claim inserted and every response recorded, in one go: fails on any duplicate key. */
  private Void writeAll(Connection c, List<Op> batch) throws SQLException {
    for (Op op : batch) {
      if (op instanceof Claim claim && claim.purge()) {
        purge(c, claim);
      }
    }
    try (PreparedStatement insert = c.prepareStatement(INSERT);
        PreparedStatement update = c.prepareStatement(RECORD)) {
      boolean inserts = false;
      boolean updates = false;
      for (Op op : batch) {
        if (op instanceof Claim claim) {
          bindInsert(insert, claim);
          insert.addBatch();
          inserts = true;
        } else if (op instanceof Recorded record) {
          bindRecord(update, record);
          update.addBatch();
          updates = true;
        }
      }
      if (inserts) {
        insert.executeBatch();
      }
      if (updates) {
        update.executeBatch();
      }
    }
    return null;
  }

  /**
   * The operations of a batch in one transaction, each behind a savepoint: one the database refuses
   * is rolled back alone and fails only its own request, and a claim of a key already claimed (by
   * an earlier operation of the batch, too) finds what a claim alone would have found.
   */
  private List<Object> writeEach(Connection c, List<Op> batch) throws SQLException {
    List<Object> outcomes = new ArrayList<>(batch.size());
    for (Op op : batch) {
      Savepoint before = c.setSavepoint();
      try {
        Object outcome = null;
        if (op instanceof Claim claim) {
          outcome = claimOne(c, claim);
        } else if (op instanceof Recorded record) {
          try (PreparedStatement update = c.prepareStatement(RECORD)) {
            bindRecord(update, record);
            update.executeUpdate();
          }
        }
        c.releaseSavepoint(before);
        outcomes.add(outcome);
      } catch (SQLException e) {
        c.rollback(before);
        outcomes.add(new Failure(e));
      }
    }
    return outcomes;
  }

  /** One claim, as a request alone takes it. */
  private Claimed claimOne(Connection c, Claim claim) throws SQLException {
    if (claim.purge()) {
      purge(c, claim);
    }
    Savepoint beforeInsert = c.setSavepoint();
    try (PreparedStatement insert = c.prepareStatement(INSERT)) {
      bindInsert(insert, claim);
      insert.executeUpdate();
      c.releaseSavepoint(beforeInsert);
      return new Claimed(true, null);
    } catch (SQLException e) {
      if (!Dialect.isDuplicateKey(e)) {
        throw e;
      }
      c.rollback(beforeInsert);
    }
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT done, status, headers, body, expires_at, owner FROM hookc_idempotency"
                + " WHERE scope = ? AND idem_key = ?")) {
      select.setString(1, claim.scope());
      select.setString(2, claim.key());
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return new Claimed(false, null); // released meanwhile: try again
        }
        if (row.getLong(5) <= claim.now()) {
          return new Claimed(takeOver(c, claim, row.getString(6)), null);
        }
        if (row.getBoolean(1)) {
          return new Claimed(false, new Stored(row.getInt(2), row.getString(3), row.getBytes(4)));
        }
        return new Claimed(false, null);
      }
    }
  }

  /** Expired, or a claim whose process died: taken over if no one else has. */
  private static boolean takeOver(Connection c, Claim claim, String previousOwner)
      throws SQLException {
    try (PreparedStatement takeOver =
        c.prepareStatement(
            "UPDATE hookc_idempotency SET owner = ?, done = FALSE, status = NULL,"
                + " headers = NULL, body = NULL, expires_at = ?"
                + " WHERE scope = ? AND idem_key = ? AND owner = ?")) {
      takeOver.setString(1, claim.owner());
      takeOver.setLong(2, claim.leaseUntil());
      takeOver.setString(3, claim.scope());
      takeOver.setString(4, claim.key());
      takeOver.setString(5, previousOwner);
      return takeOver.executeUpdate() == 1;
    }
  }

  /** Drops expired records of the claim's scope, so that the table holds only live keys. */
  private static void purge(Connection c, Claim claim) throws SQLException {
    try (PreparedStatement purge =
        c.prepareStatement(
            "DELETE FROM hookc_idempotency WHERE scope = ? AND done = TRUE AND expires_at < ?")) {
      purge.setString(1, claim.scope());
      purge.setLong(2, claim.now());
      purge.executeUpdate();
    }
  }

  private static void bindInsert(PreparedStatement insert, Claim claim) throws SQLException {
    insert.setString(1, claim.scope());
    insert.setString(2, claim.key());
    insert.setString(3, claim.owner());
    insert.setLong(4, claim.leaseUntil());
  }

  private static void bindRecord(PreparedStatement update, Recorded record) throws SQLException {
    update.setInt(1, record.status());
    update.setString(2, record.headers());
    update.setBytes(3, record.body());
    update.setLong(4, record.expiresAt());
    update.setString(5, record.scope());
    update.setString(6, record.key());
    update.setString(7, record.owner());
  }

  private static void failAll(List<Op> batch, Throwable e) {
    for (Op op : batch) {
      op.result().completeExceptionally(e);
    }
  }

  /**
   * Writes what was accepted before the close, then stops the committers; an operation offered
   * afterwards fails, as any work asked of a closed store does.
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
    // Left behind only if a committer hung on the database: not written, so no request goes on.
    List<Op> left = new ArrayList<>();
    queue.drainTo(left);
    left.removeIf(op -> op == STOP);
    failAll(left, new IllegalStateException("hookc's store is closed"));
  }
}

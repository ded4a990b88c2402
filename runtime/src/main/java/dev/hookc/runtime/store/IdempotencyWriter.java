package dev.hookc.runtime.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Takes and records idempotency claims by {@linkplain GroupCommit group commit}. Without it every
 * delivery on an idempotent route costs two commits of its own (claim, then record).
 *
 * <p>A claim is durable before its request runs its handler, and a recorded response before the
 * request is answered, exactly as with a transaction per step. When a batch fails — a key already
 * claimed, in the store or by an earlier request of the same batch, a row the database refuses, the
 * database away — each operation is written again in the order of the sequential protocol: a
 * duplicate key then gets what a claim of its own would have got (the recorded response, a lapsed
 * claim taken over, or "held by another request"), and a refused row fails only its own request.
 */
final class IdempotencyWriter implements AutoCloseable {
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

  /** One request's write. */
  private sealed interface Op permits Claim, Recorded {
    String scope();

    String key();
  }

  /** A claim of {@code key} until {@code leaseUntil}, seen at {@code now} by its route's clock. */
  private record Claim(
      String scope, String key, String owner, long now, long leaseUntil, boolean purge)
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
      long expiresAt)
      implements Op {}

  // Batches are written in key order, so that the batches of instances sharing PostgreSQL lock keys
  // in the same order and never wait for each other in a cycle; any order of concurrent requests is
  // a valid one.
  private static final Comparator<Op> BY_KEY =
      Comparator.comparing(Op::scope).thenComparing(Op::key);

  private final GroupCommit<Op> commits;

  IdempotencyWriter(Database database) {
    this.commits =
        new GroupCommit<>(
            "idempotency",
            database::transaction,
            IdempotencyWriter::writeAll,
            IdempotencyWriter::writeEach,
            BY_KEY,
            "hookc's store is closed");
  }

  /**
   * Claims {@code key} of {@code scope} for {@code owner} once the claim has been committed; also
   * drops the scope's expired records first when {@code purge}.
   */
  Claimed claim(String scope, String key, String owner, long now, long leaseUntil, boolean purge)
      throws SQLException, InterruptedException {
    return (Claimed) commits.submit(new Claim(scope, key, owner, now, leaseUntil, purge));
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
    commits.submit(new Recorded(scope, key, owner, status, headers, body, expiresAt));
  }

  /** Every claim inserted and every response recorded, in one go: fails on any duplicate key. */
  private static List<Object> writeAll(Connection c, List<Op> batch) throws SQLException {
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
    List<Object> outcomes = new ArrayList<>(batch.size());
    for (Op op : batch) {
      outcomes.add(op instanceof Claim ? new Claimed(true, null) : null);
    }
    return outcomes;
  }

  /**
   * The operations of a batch in one transaction, each behind a savepoint: one the database refuses
   * is rolled back alone and fails only its own request, and a claim of a key already claimed (by
   * an earlier operation of the batch, too) finds what a claim alone would have found.
   */
  private static List<Object> writeEach(Connection c, List<Op> batch) throws SQLException {
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
        outcomes.add(new GroupCommit.Refused(e));
      }
    }
    return outcomes;
  }

  /** One claim, as a request alone takes it. */
  private static Claimed claimOne(Connection c, Claim claim) throws SQLException {
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

  /**
   * Writes what was accepted before the close, then stops the committers; an operation offered
   * afterwards fails, as any work asked of a closed store does.
   */
  @Override
  public void close() {
    commits.close();
  }
}

package dev.hookc.runtime.store;

import dev.hookc.runtime.Json;
import dev.hookc.runtime.Request;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Stores an inbox's accepted deliveries by {@linkplain GroupCommit group commit}: a request learns
 * that its row is stored only after the commit that holds it returned. When a batch fails — one row
 * breaking a constraint, a duplicate idempotency key, the database away — every row in it is then
 * written alone, exactly as a request without group commit would write it, so that one bad row
 * fails only its own request and a duplicate key is answered as a replay of the stored one.
 */
final class InboxWriter implements AutoCloseable {
  private static final String INSERT =
      "INSERT INTO hookc_inbox (id, scope, dedup_key, method, path, path_params, query,"
          + " headers, body, state, attempts, next_attempt_at, claimed_until, received_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, 0, ?)";

  private final String scope;
  private final GroupCommit<Row> commits;

  /** A delivery's row. */
  private static final class Row {
    final String id;
    final String dedup;
    final String method;
    final String path;
    final String pathParams;
    final String query;
    final String headers;
    final byte[] body;
    final long receivedAt;

    Row(String id, String dedup, Request request, long receivedAt) {
      this.id = id;
      this.dedup = dedup;
      this.method = request.method();
      this.path = request.path();
      this.pathParams = json(request.pathParams());
      this.query = json(request.queryParams());
      this.headers = json(request.headers());
      this.body = request.body();
      this.receivedAt = receivedAt;
    }
  }

  InboxWriter(JdbcStore store, String scope) {
    this.scope = scope;
    this.commits =
        new GroupCommit<>(
            "inbox-" + scope,
            store::transaction,
            this::insertAll,
            this::insertEach,
            null,
            "the inbox of " + scope + " is closed");
  }

  /**
   * Stores the delivery {@code id} once its commit has returned: empty when it is new, else the id
   * of the delivery already stored with the same idempotency key {@code dedup} (nothing new is
   * stored then).
   *
   * @throws SQLException when its row could not be stored
   * @throws IllegalStateException when the inbox is closed
   */
  @SuppressWarnings("unchecked") // the outcomes insertAll and insertEach give
  Optional<String> write(String id, String dedup, Request request)
      throws SQLException, InterruptedException {
    return (Optional<String>)
        commits.submit(new Row(id, dedup, request, System.currentTimeMillis()));
  }

  private List<Object> insertAll(Connection c, List<Row> batch) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(INSERT)) {
      for (Row row : batch) {
        bind(insert, row);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    return Collections.nCopies(batch.size(), Optional.empty());
  }

  /**
   * The rows of a failed batch, each behind a savepoint: a row the database refuses is rolled back
   * alone and fails only its own request, and a key already stored (by an earlier row of the batch,
   * too) is answered with that delivery's id, as a request alone would be.
   */
  private List<Object> insertEach(Connection c, List<Row> batch) throws SQLException {
    List<Object> outcomes = new ArrayList<>(batch.size());
    try (PreparedStatement insert = c.prepareStatement(INSERT)) {
      for (Row row : batch) {
        Savepoint before = c.setSavepoint();
        try {
          bind(insert, row);
          insert.executeUpdate();
          c.releaseSavepoint(before);
          outcomes.add(Optional.empty());
        } catch (SQLException e) {
          c.rollback(before);
          outcomes.add(
              row.dedup != null && Dialect.isDuplicateKey(e)
                  ? existing(c, row)
                  : new GroupCommit.Refused(e));
        }
      }
    }
    return outcomes;
  }

  /** The delivery stored under the key of {@code row}: empty when it is {@code row} itself. */
  private Optional<String> existing(Connection c, Row row) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT id FROM hookc_inbox WHERE scope = ? AND dedup_key = ?")) {
      select.setString(1, scope);
      select.setString(2, row.dedup);
      try (ResultSet found = select.executeQuery()) {
        if (!found.next()) {
          // Its holder rolled back after this insert saw it: the sender's retry stores it.
          throw new SQLException("a delivery with the same key was being stored", "40001");
        }
        String existing = found.getString(1);
        // Its own row, committed by a batch whose commit then reported a failure: it is stored.
        return existing.equals(row.id) ? Optional.empty() : Optional.of(existing);
      }
    }
  }

  private void bind(PreparedStatement insert, Row row) throws SQLException {
    insert.setString(1, row.id);
    insert.setString(2, scope);
    insert.setString(3, row.dedup);
    insert.setString(4, row.method);
    insert.setString(5, row.path);
    insert.setString(6, row.pathParams);
    insert.setString(7, row.query);
    insert.setString(8, row.headers);
    insert.setBytes(9, row.body);
    insert.setLong(10, row.receivedAt);
    insert.setLong(11, row.receivedAt);
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
    commits.close();
  }
}

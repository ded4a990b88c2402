package dev.hookc.runtime.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables as hookc created them before its migrations had checksums: the statements as they were
 * written in Java, run in order, and their count in {@code hookc_schema}. A database at count 1
 * predates the inbox.
 */
final class EarlierSchema {
  private EarlierSchema() {}

  static void create(Connection c, String bytes, int count) throws SQLException {
    List<String> migrations =
        List.of(
            "CREATE TABLE hookc_idempotency ("
                + " scope VARCHAR(200) NOT NULL,"
                + " idem_key VARCHAR(500) NOT NULL,"
                + " owner VARCHAR(64) NOT NULL,"
                + " done BOOLEAN NOT NULL,"
                + " status INTEGER,"
                + " headers TEXT,"
                + " body "
                + bytes
                + ","
                + " expires_at BIGINT NOT NULL,"
                + " PRIMARY KEY (scope, idem_key))",
            "CREATE TABLE hookc_inbox ("
                + " id VARCHAR(36) PRIMARY KEY,"
                + " scope VARCHAR(200) NOT NULL,"
                + " dedup_key VARCHAR(500),"
                + " method VARCHAR(16) NOT NULL,"
                + " path TEXT NOT NULL,"
                + " path_params TEXT NOT NULL,"
                + " query TEXT NOT NULL,"
                + " headers TEXT NOT NULL,"
                + " body "
                + bytes
                + " NOT NULL,"
                + " state VARCHAR(8) NOT NULL,"
                + " attempts INTEGER NOT NULL,"
                + " next_attempt_at BIGINT NOT NULL,"
                + " claimed_until BIGINT NOT NULL,"
                + " last_error TEXT,"
                + " received_at BIGINT NOT NULL,"
                + " UNIQUE (scope, dedup_key))",
            "CREATE INDEX hookc_inbox_due ON hookc_inbox (scope, state, next_attempt_at)");
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS hookc_schema (id INTEGER PRIMARY KEY, version INTEGER NOT NULL)");
      s.execute("INSERT INTO hookc_schema (id, version) VALUES (1, " + count + ")");
      for (String migration : migrations.subList(0, count)) {
        s.execute(migration);
      }
    }
  }

  /** A response recorded for key {@code key} of {@code POST /hook}, as the earlier hookc did. */
  static void recordResponse(Connection c, String key, String body) throws SQLException {
    try (var insert =
        c.prepareStatement(
            "INSERT INTO hookc_idempotency (scope, idem_key, owner, done, status, headers, body,"
                + " expires_at) VALUES ('POST /hook', ?, 'earlier', TRUE, 201,"
                + " '{\"content-type\":[\"application/json\"]}', ?, ?)")) {
      insert.setString(1, key);
      insert.setBytes(2, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      insert.setLong(3, System.currentTimeMillis() + 3_600_000);
      insert.executeUpdate();
    }
  }
}

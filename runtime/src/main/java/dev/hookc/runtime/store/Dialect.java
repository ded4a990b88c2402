package dev.hookc.runtime.store;

import java.util.List;

/** The SQL that differs between the embedded H2 default and PostgreSQL. */
enum Dialect {
  H2("BLOB"),
  POSTGRESQL("BYTEA");

  private final String bytes;

  Dialect(String bytes) {
    this.bytes = bytes;
  }

  static Dialect of(String url) {
    if (url.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException(
        "hookc's store supports jdbc:h2: and jdbc:postgresql: URLs, not " + url);
  }

  /** The migrations, in order; the store records how many have run. */
  List<String> migrations() {
    return List.of(
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
  }

  /**
   * The query that picks one due delivery of a scope and locks it; PostgreSQL skips rows other
   * instances hold, H2 (one process) relies on the conditional claim that follows.
   */
  String dueQuery() {
    String select =
        "SELECT id, claimed_until FROM hookc_inbox WHERE scope = ? AND state = 'PENDING'"
            + " AND next_attempt_at <= ? AND claimed_until <= ? ORDER BY next_attempt_at LIMIT 1";
    return this == POSTGRESQL ? select + " FOR UPDATE SKIP LOCKED" : select;
  }

  /** The SQL state of a unique-key violation, which both databases report alike. */
  static boolean isDuplicateKey(java.sql.SQLException e) {
    return "23505".equals(e.getSQLState());
  }
}

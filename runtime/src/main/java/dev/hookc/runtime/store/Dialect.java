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
            + " PRIMARY KEY (scope, idem_key))");
  }

  /** The SQL state of a unique-key violation, which both databases report alike. */
  static boolean isDuplicateKey(java.sql.SQLException e) {
    return "23505".equals(e.getSQLState());
  }
}

package dev.hookc.runtime.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * What differs between the embedded H2 default and PostgreSQL: the folder of the migrations, the
 * lock taken to migrate, and the query for due deliveries.
 */
enum Dialect {
  H2("h2", "H2"),
  POSTGRESQL("postgresql", "PostgreSQL");

  // Any fixed number: instances sharing PostgreSQL take this lock to migrate one at a time.
  private static final long MIGRATION_LOCK = 0x686f6f6b63L; // "hookc" in ASCII
  private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

  private final String folder;
  private final String product;

  Dialect(String folder, String product) {
    this.folder = folder;
    this.product = product;
  }

  static Dialect of(String url) {
    if (url.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException(
        "hookc's store supports jdbc:h2: and jdbc:postgresql: URLs, not " + redacted(url));
  }

  /** The dialect of the database a connection reaches, by the product name its driver reports. */
  static Dialect of(DatabaseMetaData meta) throws SQLException {
    String name = meta.getDatabaseProductName();
    for (Dialect dialect : values()) {
      if (dialect.product.equalsIgnoreCase(name)) {
        return dialect;
      }
    }
    throw new IllegalArgumentException(
        "hookc's store supports H2 and PostgreSQL databases, not " + name);
  }

  /** The class path folder of this dialect's migrations. */
  String migrationFolder() {
    return "db/hookc/" + folder;
  }

  /**
   * Makes other instances wait until this transaction ends before they migrate. H2 needs none: an
   * embedded database belongs to one process.
   */
  void lockForMigration(Connection c) throws SQLException {
    if (this == POSTGRESQL) {
      try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        lock.setLong(1, MIGRATION_LOCK);
        lock.executeQuery().close();
      }
    }
  }

  /** {@code url} with the value of any password setting in it replaced, for messages and logs. */
  static String redacted(String url) {
    return PASSWORD.matcher(url).replaceAll("$1***");
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
  static boolean isDuplicateKey(SQLException e) {
    return "23505".equals(e.getSQLState());
  }
}

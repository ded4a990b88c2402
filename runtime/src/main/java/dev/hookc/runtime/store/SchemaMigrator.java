package dev.hookc.runtime.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Brings hookc's tables to the latest version with the versioned SQL migrations under {@code
 * db/hookc/<dialect>/}, recording each in {@code hookc_schema_history} with its checksum, and
 * refuses to start when an applied migration no longer matches hookc's copy of it.
 *
 * <p>Names, checksums and the history table follow Flyway's layout ({@code
 * V<n>__<description>.sql}, a CRC-32 of the script's lines, the columns of {@code
 * flyway_schema_history}), so that Flyway itself reads and validates the history, but under a name
 * of hookc's own: a project's own Flyway history is never touched. Flyway itself is not used at run
 * time: it added about 0.38 s of CPU to the start of an application with an H2 store (0.93 s
 * against 0.55 s until the first answer, see docs/performance.md), more than half of the 0.5 s
 * start-up budget, to run three statements.
 *
 * <p>A project's {@code jdbc} datasource has its migrations run the same way ({@link
 * Schema#project}), recorded in {@code flyway_schema_history} itself, so that Flyway's own tools
 * read the project's history as theirs; there, an applied migration missing from the project is
 * refused too.
 *
 * <p>A database created by hookc before the history existed has a {@code hookc_schema} table
 * counting the statements it ran; those are migrations V1 to V3, so that count becomes the
 * history's baseline and nothing is run twice. The old table stays, so that an earlier hookc can
 * still open the database.
 */
final class SchemaMigrator {
  static final String HISTORY = "hookc_schema_history";
  static final String FLYWAY_HISTORY = "flyway_schema_history";
  private static final String BASELINE_SCRIPT = "<< Flyway Baseline >>";

  private SchemaMigrator() {}

  /**
   * Migrations and the history table they are recorded in.
   *
   * @param owner whose schema it is, for messages
   * @param history the history table
   * @param migrations the migrations, in version order
   * @param hookcs whether it is hookc's own: an earlier hookc's {@code hookc_schema} becomes its
   *     baseline, and migrations of a later hookc are tolerated
   */
  record Schema(String owner, String history, List<Migration> migrations, boolean hookcs) {
    Schema {
      migrations =
          migrations.stream()
              .sorted((a, b) -> Migration.compare(a.version(), b.version()))
              .toList();
    }

    /** hookc's own tables in {@code dialect}. */
    static Schema hookcs(Dialect dialect) {
      return new Schema("hookc's store", HISTORY, Migration.all(dialect), true);
    }

    /** The migrations of a project's datasource. */
    static Schema project(String datasource, List<Migration> migrations) {
      return new Schema("the datasource " + datasource, FLYWAY_HISTORY, migrations, false);
    }
  }

  /** What {@link #migrate} did: the version reached, the migrations run, and any baseline. */
  record Outcome(String version, List<String> applied, int baseline) {}

  private record Applied(int rank, String version, String description, String type, Integer sum) {}

  /** Migrates hookc's own tables: see {@link #migrate(Connection, Dialect, Schema)}. */
  static Outcome migrate(Connection c, Dialect dialect) throws SQLException {
    return migrate(c, dialect, Schema.hookcs(dialect));
  }

  /**
   * Creates the history if it is missing, checks what it records against {@code schema}'s
   * migrations and runs those not applied yet, all in the caller's transaction on {@code c}. Only
   * one process migrates at a time: PostgreSQL holds a lock until the transaction ends, and an
   * embedded H2 database belongs to one process, in which migrations are run one at a time.
   *
   * @throws IllegalStateException when the history does not match the migrations
   */
  static synchronized Outcome migrate(Connection c, Dialect dialect, Schema schema)
      throws SQLException {
    dialect.lockForMigration(c);
    try (Statement s = c.createStatement()) {
      s.execute(createHistory(schema.history()));
      s.execute(
          "CREATE INDEX IF NOT EXISTS \""
              + schema.history()
              + "_s_idx\" ON \""
              + schema.history()
              + "\" (\"success\")");
    }
    List<Applied> history = history(c, schema);
    int baseline = 0;
    if (history.isEmpty() && schema.hookcs()) {
      baseline = legacyVersion(c);
      if (baseline > 0) {
        record(
            c,
            schema,
            1,
            String.valueOf(baseline),
            "hookc_schema version " + baseline,
            "BASELINE",
            null,
            BASELINE_SCRIPT,
            0);
        history = history(c, schema);
      }
    }
    String reached = check(history, schema); // null: none applied
    int rank = history.isEmpty() ? 0 : history.get(history.size() - 1).rank();
    List<String> applied = new ArrayList<>();
    for (Migration migration : schema.migrations()) {
      if (reached != null && Migration.compare(migration.version(), reached) <= 0) {
        continue;
      }
      long started = System.nanoTime();
      try (Statement s = c.createStatement()) {
        for (String statement : migration.statements()) {
          s.execute(statement);
        }
      } catch (SQLException e) {
        throw new SQLException(
            "migration " + migration.script() + " failed: " + e.getMessage(), e.getSQLState(), e);
      }
      record(
          c,
          schema,
          ++rank,
          migration.version(),
          migration.description(),
          "SQL",
          migration.checksum(),
          migration.script(),
          (System.nanoTime() - started) / 1_000_000);
      applied.add(migration.script());
      reached = migration.version();
    }
    return new Outcome(reached, applied, baseline);
  }

  // Flyway's history table, column for column, so that Flyway can read and validate it.
  private static String createHistory(String table) {
    return "CREATE TABLE IF NOT EXISTS \""
        + table
        + "\" ("
        + " \"installed_rank\" INT NOT NULL,"
        + " \"version\" VARCHAR(50),"
        + " \"description\" VARCHAR(200) NOT NULL,"
        + " \"type\" VARCHAR(20) NOT NULL,"
        + " \"script\" VARCHAR(1000) NOT NULL,"
        + " \"checksum\" INT,"
        + " \"installed_by\" VARCHAR(100) NOT NULL,"
        + " \"installed_on\" TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,"
        + " \"execution_time\" INT NOT NULL,"
        + " \"success\" BOOLEAN NOT NULL,"
        + " CONSTRAINT \""
        + table
        + "_pk\" PRIMARY KEY (\"installed_rank\"))";
  }

  /**
   * The highest version the history records as applied, once every applied migration is checked
   * against the schema's: a changed script, a failed or a missing one stops the start.
   */
  private static String check(List<Applied> history, Schema schema) {
    String reached = null;
    for (Applied row : history) {
      String version = row.version();
      if ("BASELINE".equals(row.type())) {
        reached = max(reached, version);
        continue;
      }
      Migration local =
          schema.migrations().stream()
              .filter(m -> Migration.compare(m.version(), version) == 0)
              .findFirst()
              .orElse(null);
      if (local == null) {
        if (!schema.hookcs()) {
          throw new IllegalStateException(
              schema.owner()
                  + ": migration "
                  + version
                  + " ('"
                  + row.description()
                  + "') is recorded as applied in "
                  + schema.history()
                  + " but the project has no such script: restore it, or delete its row if the"
                  + " change was undone by hand");
        }
        // Applied by a later hookc, which this one predates: its tables are a superset.
        reached = max(reached, version);
        continue;
      }
      if (row.sum() == null || row.sum() != local.checksum()) {
        throw new IllegalStateException(
            (schema.hookcs()
                    ? "hookc's store schema does not match this version of hookc: migration "
                    : schema.owner() + ": migration ")
                + local.script()
                + " was applied with checksum "
                + row.sum()
                + ", but "
                + (schema.hookcs() ? "hookc's copy" : "the project's script")
                + " has checksum "
                + local.checksum()
                + ". The applied script, or its row in "
                + schema.history()
                + ", was changed: "
                + (schema.hookcs()
                    ? "restore them, or point hookc at a database of its own"
                    : "restore the script and add the change as a new migration"));
      }
      if (!local.description().equals(row.description())) {
        throw new IllegalStateException(
            (schema.hookcs()
                    ? "hookc's store schema does not match this version of hookc: version "
                    : schema.owner() + ": version ")
                + version
                + " is recorded as '"
                + row.description()
                + "' in "
                + schema.history()
                + ", but "
                + (schema.hookcs() ? "hookc's" : "the project's " + local.script())
                + " is '"
                + local.description()
                + "'");
      }
      reached = max(reached, version);
    }
    for (Migration migration : schema.migrations()) {
      if (reached != null
          && Migration.compare(migration.version(), reached) < 0
          && history.stream().noneMatch(r -> covers(r, migration))) {
        throw new IllegalStateException(
            (schema.hookcs() ? "hookc's store schema" : schema.owner() + "'s schema")
                + " is at version "
                + reached
                + " but "
                + schema.history()
                + " has no record of "
                + migration.script());
      }
    }
    return reached;
  }

  private static String max(String a, String b) {
    return a == null || Migration.compare(b, a) > 0 ? b : a;
  }

  private static boolean covers(Applied row, Migration migration) {
    int order = Migration.compare(migration.version(), row.version());
    return "BASELINE".equals(row.type()) ? order <= 0 : order == 0;
  }

  private static List<Applied> history(Connection c, Schema schema) throws SQLException {
    List<Applied> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet row =
            s.executeQuery(
                "SELECT \"installed_rank\", \"version\", \"description\", \"type\","
                    + " \"checksum\", \"success\" FROM \""
                    + schema.history()
                    + "\" ORDER BY \"installed_rank\"")) {
      while (row.next()) {
        int sum = row.getInt(5);
        Integer checksum = row.wasNull() ? null : sum;
        if (!row.getBoolean(6)) {
          throw new IllegalStateException(
              "migration "
                  + row.getString(2)
                  + " of "
                  + schema.owner()
                  + " failed earlier and is recorded as failed in "
                  + schema.history()
                  + ": repair the tables by hand and delete that row");
        }
        if (row.getString(2) == null || "SCHEMA".equals(row.getString(4))) {
          continue; // a repeatable migration or a schema marker of Flyway's: not hookc's to check
        }
        rows.add(
            new Applied(
                row.getInt(1), row.getString(2), row.getString(3), row.getString(4), checksum));
      }
    }
    return rows;
  }

  /**
   * The number of statements an earlier hookc recorded in {@code hookc_schema}, which are
   * migrations V1 to V{@code n}; 0 when there is no such table.
   */
  private static int legacyVersion(Connection c) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    boolean exists = false;
    try (ResultSet tables = meta.getTables(null, c.getSchema(), null, new String[] {"TABLE"})) {
      while (tables.next()) {
        exists |= tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT).equals("hookc_schema");
      }
    }
    if (!exists) {
      return 0;
    }
    try (Statement s = c.createStatement();
        ResultSet row = s.executeQuery("SELECT version FROM hookc_schema WHERE id = 1")) {
      return row.next() ? row.getInt(1) : 0;
    }
  }

  private static void record(
      Connection c,
      Schema schema,
      int rank,
      String version,
      String description,
      String type,
      Integer checksum,
      String script,
      long millis)
      throws SQLException {
    String user = c.getMetaData().getUserName();
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO \""
                + schema.history()
                + "\" (\"installed_rank\", \"version\", \"description\", \"type\", \"script\","
                + " \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE)")) {
      insert.setInt(1, rank);
      insert.setString(2, version);
      insert.setString(3, description);
      insert.setString(4, type);
      insert.setString(5, script);
      if (checksum == null) {
        insert.setNull(6, Types.INTEGER);
      } else {
        insert.setInt(6, checksum);
      }
      insert.setString(7, user == null ? "" : user);
      insert.setInt(8, (int) Math.min(Integer.MAX_VALUE, millis));
      insert.executeUpdate();
    }
  }
}

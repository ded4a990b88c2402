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
 * <p>A database created by hookc before the history existed has a {@code hookc_schema} table
 * counting the statements it ran; those are migrations V1 to V3, so that count becomes the
 * history's baseline and nothing is run twice. The old table stays, so that an earlier hookc can
 * still open the database.
 */
final class SchemaMigrator {
  static final String HISTORY = "hookc_schema_history";

  // Flyway's history table, column for column, so that Flyway can read and validate it.
  private static final String CREATE_HISTORY =
      "CREATE TABLE IF NOT EXISTS \""
          + HISTORY
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
          + HISTORY
          + "_pk\" PRIMARY KEY (\"installed_rank\"))";
  private static final String INDEX_HISTORY =
      "CREATE INDEX IF NOT EXISTS \"" + HISTORY + "_s_idx\" ON \"" + HISTORY + "\" (\"success\")";
  private static final String SELECT_HISTORY =
      "SELECT \"installed_rank\", \"version\", \"description\", \"type\", \"checksum\","
          + " \"success\" FROM \""
          + HISTORY
          + "\" ORDER BY \"installed_rank\"";
  private static final String INSERT_HISTORY =
      "INSERT INTO \""
          + HISTORY
          + "\" (\"installed_rank\", \"version\", \"description\", \"type\", \"script\","
          + " \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE)";
  private static final String BASELINE_SCRIPT = "<< Flyway Baseline >>";

  private SchemaMigrator() {}

  /** What {@link #migrate} did: the version reached, the migrations run, and any baseline. */
  record Outcome(int version, List<String> applied, int baseline) {}

  private record Applied(int rank, String version, String description, String type, Integer sum) {}

  /**
   * Creates the history if it is missing, checks what it records against hookc's migrations and
   * runs those not applied yet, all in the caller's transaction on {@code c}. Only one process
   * migrates at a time: PostgreSQL holds a lock until the transaction ends, and an embedded H2
   * database belongs to one process, in which migrations are run one at a time.
   *
   * @throws IllegalStateException when the history does not match hookc's migrations
   */
  static synchronized Outcome migrate(Connection c, Dialect dialect) throws SQLException {
    dialect.lockForMigration(c);
    try (Statement s = c.createStatement()) {
      s.execute(CREATE_HISTORY);
      s.execute(INDEX_HISTORY);
    }
    List<Applied> history = history(c);
    int baseline = 0;
    if (history.isEmpty()) {
      baseline = legacyVersion(c);
      if (baseline > 0) {
        record(
            c,
            1,
            String.valueOf(baseline),
            "hookc_schema version " + baseline,
            "BASELINE",
            null,
            BASELINE_SCRIPT,
            0);
        history = history(c);
      }
    }
    List<Migration> migrations = Migration.all(dialect);
    int reached = check(history, migrations);
    int rank = history.isEmpty() ? 0 : history.get(history.size() - 1).rank();
    List<String> applied = new ArrayList<>();
    for (Migration migration : migrations) {
      if (migration.version() <= reached) {
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
          ++rank,
          String.valueOf(migration.version()),
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

  /**
   * The highest version the history records as applied, once every applied migration is checked
   * against hookc's: a changed script, a failed or a missing one stops the start.
   */
  private static int check(List<Applied> history, List<Migration> migrations) {
    int reached = 0;
    for (Applied row : history) {
      int version = Integer.parseInt(row.version());
      if ("BASELINE".equals(row.type())) {
        reached = Math.max(reached, version);
        continue;
      }
      Migration local =
          migrations.stream().filter(m -> m.version() == version).findFirst().orElse(null);
      if (local == null) {
        // Applied by a later hookc, which this one predates: its tables are a superset.
        reached = Math.max(reached, version);
        continue;
      }
      if (row.sum() == null || row.sum() != local.checksum()) {
        throw new IllegalStateException(
            "hookc's store schema does not match this version of hookc: migration "
                + local.script()
                + " was applied with checksum "
                + row.sum()
                + ", but hookc's copy has checksum "
                + local.checksum()
                + ". The applied script, or its row in "
                + HISTORY
                + ", was changed: restore them, or point hookc at a database of its own");
      }
      if (!local.description().equals(row.description())) {
        throw new IllegalStateException(
            "hookc's store schema does not match this version of hookc: version "
                + version
                + " is recorded as '"
                + row.description()
                + "' in "
                + HISTORY
                + ", but hookc's is '"
                + local.description()
                + "'");
      }
      reached = Math.max(reached, version);
    }
    for (Migration migration : migrations) {
      if (migration.version() < reached && history.stream().noneMatch(r -> covers(r, migration))) {
        throw new IllegalStateException(
            "hookc's store schema is at version "
                + reached
                + " but "
                + HISTORY
                + " has no record of "
                + migration.script());
      }
    }
    return reached;
  }

  private static boolean covers(Applied row, Migration migration) {
    int version = Integer.parseInt(row.version());
    return "BASELINE".equals(row.type())
        ? migration.version() <= version
        : migration.version() == version;
  }

  private static List<Applied> history(Connection c) throws SQLException {
    List<Applied> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet row = s.executeQuery(SELECT_HISTORY)) {
      while (row.next()) {
        int sum = row.getInt(5);
        Integer checksum = row.wasNull() ? null : sum;
        if (!row.getBoolean(6)) {
          throw new IllegalStateException(
              "migration "
                  + row.getString(2)
                  + " of hookc's store failed earlier and is recorded as failed in "
                  + HISTORY
                  + ": repair the tables by hand and delete that row");
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
      int rank,
      String version,
      String description,
      String type,
      Integer checksum,
      String script,
      long millis)
      throws SQLException {
    String user = c.getMetaData().getUserName();
    try (PreparedStatement insert = c.prepareStatement(INSERT_HISTORY)) {
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

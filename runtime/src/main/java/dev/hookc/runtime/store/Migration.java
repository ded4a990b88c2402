package dev.hookc.runtime.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * One versioned schema migration with Flyway's checksum of it: one of hookc's, read from its class
 * path resource {@code db/hookc/<dialect>/V<version>__<description>.sql}, or one of a project's
 * datasource ({@link #project}).
 *
 * @param version its version, dotted numbers ({@code 1}, {@code 1.1})
 * @param whole whether the script runs as one JDBC statement (a project's, whose drivers split it
 *     as the database reads it) rather than split on lines ending in {@code ;} (hookc's)
 */
record Migration(
    String version, String description, String script, int checksum, String sql, boolean whole) {

  /** hookc's migrations, in order: the same names in every dialect's folder. */
  static final List<String> SCRIPTS =
      List.of(
          "V1__create_idempotency.sql",
          "V2__create_inbox.sql",
          "V3__index_due_deliveries.sql",
          "V4__inline_request_columns.sql");

  /** hookc's migrations for {@code dialect}, in order. */
  static List<Migration> all(Dialect dialect) {
    List<Migration> migrations = new ArrayList<>();
    for (String script : SCRIPTS) {
      String resource = dialect.migrationFolder() + "/" + script;
      try (InputStream in = Migration.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("hookc's migration " + resource + " is missing");
        }
        String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int separator = script.indexOf("__");
        migrations.add(
            new Migration(
                script.substring(1, separator),
                script
                    .substring(separator + 2, script.length() - ".sql".length())
                    .replace('_', ' '),
                script,
                checksum(sql),
                sql,
                false));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read hookc's migration " + resource, e);
      }
    }
    return migrations;
  }

  /** A project's migration, run as one statement. */
  static Migration project(String version, String description, String script, String sql) {
    return new Migration(version, description, script, checksum(sql), sql, true);
  }

  /**
   * Compares two versions as Flyway does: dotted numbers part by part, a missing part as 0.
   *
   * @throws NumberFormatException when a version is not dotted numbers
   */
  static int compare(String a, String b) {
    String[] left = a.split("\\.", -1);
    String[] right = b.split("\\.", -1);
    for (int i = 0; i < Math.max(left.length, right.length); i++) {
      java.math.BigInteger l =
          i < left.length ? new java.math.BigInteger(left[i]) : java.math.BigInteger.ZERO;
      java.math.BigInteger r =
          i < right.length ? new java.math.BigInteger(right[i]) : java.math.BigInteger.ZERO;
      int order = l.compareTo(r);
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }

  /**
   * Flyway's checksum of a script: the CRC-32 of its lines without their line breaks (and without a
   * byte order mark), so that a checkout with other line endings keeps the same checksum.
   */
  static int checksum(String sql) {
    CRC32 crc = new CRC32();
    try (BufferedReader lines = new BufferedReader(new StringReader(sql))) {
      String line = lines.readLine();
      if (line != null && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      while (line != null) {
        crc.update(line.getBytes(StandardCharsets.UTF_8));
        line = lines.readLine();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
    return (int) crc.getValue();
  }

  /**
   * The statements of the script: hookc's scripts end each statement with {@code ;} at the end of a
   * line and hold no {@code ;} inside one; lines starting with {@code --} are comments.
   */
  List<String> statements() {
    if (whole) {
      return List.of(sql);
    }
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : sql.split("\\R", -1)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String statement = current.toString().strip();
        statements.add(statement.substring(0, statement.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return statements;
  }
}

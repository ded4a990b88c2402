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
 * One of hookc's schema migrations, read from its class path resource {@code
 * db/hookc/<dialect>/V<version>__<description>.sql}, with Flyway's checksum of it.
 */
record Migration(int version, String description, String script, int checksum, String sql) {

  /** hookc's migrations, in order: the same names in every dialect's folder. */
  static final List<String> SCRIPTS =
      List.of("V1__create_idempotency.sql", "V2__create_inbox.sql", "V3__index_due_deliveries.sql");

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
                Integer.parseInt(script.substring(1, separator)),
                script
                    .substring(separator + 2, script.length() - ".sql".length())
                    .replace('_', ' '),
                script,
                checksum(sql),
                sql));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read hookc's migration " + resource, e);
      }
    }
    return migrations;
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

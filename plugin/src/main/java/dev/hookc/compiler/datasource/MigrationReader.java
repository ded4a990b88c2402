package dev.hookc.compiler.datasource;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.model.Datasource;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a jdbc datasource's migrations in Flyway's layout, {@code V<version>__<desc>.sql}. */
final class MigrationReader {
  private static final Pattern NAME = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.+)\\.sql");

  private final Diagnostics diagnostics;

  MigrationReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** The migrations among {@code files} (project-relative path to file), in version order. */
  List<Datasource.Migration> read(List<Map.Entry<String, Path>> files) {
    List<Datasource.Migration> migrations = new ArrayList<>();
    Map<String, String> versions = new HashMap<>();
    for (Map.Entry<String, Path> file : files) {
      String script = file.getValue().getFileName().toString();
      Matcher name = NAME.matcher(script);
      if (!name.matches()) {
        diagnostics.report(
            DatasourceCode.MIGRATION_NAME,
            Location.startOf(file.getKey()),
            "migration '" + script + "' is not named V<version>__<description>.sql",
            "e.g. V1__create_payments.sql, V1.1__add_status.sql; repeatable and undo scripts"
                + " are not supported");
        continue;
      }
      String version = name.group(1).replace('_', '.');
      String normalized = normalized(version);
      String first = versions.putIfAbsent(normalized, file.getKey());
      if (first != null) {
        diagnostics.report(
            DatasourceCode.MIGRATION_DUPLICATE,
            Location.startOf(file.getKey()),
            "migration version " + version + " is also the version of " + first,
            "give each migration its own version");
        continue;
      }
      try {
        String sql =
            Files.readString(file.getValue(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        migrations.add(
            new Datasource.Migration(
                version, name.group(2).replace('_', ' '), script, file.getKey(), sql));
      } catch (IOException e) {
        diagnostics.report(
            DatasourceCode.MIGRATION_NAME,
            Location.startOf(file.getKey()),
            "cannot read migration '" + script + "': " + e.getMessage());
      }
    }
    migrations.sort(Comparator.comparing(m -> m.version(), MigrationReader::compareVersions));
    return migrations;
  }

  /** A version without leading zeros or trailing zero parts: 1.0 and 01 are 1. */
  private static String normalized(String version) {
    List<String> parts = new ArrayList<>();
    for (String part : version.split("\\.", -1)) {
      parts.add(new BigInteger(part).toString());
    }
    while (parts.size() > 1 && parts.get(parts.size() - 1).equals("0")) {
      parts.remove(parts.size() - 1);
    }
    return String.join(".", parts);
  }

  static int compareVersions(String a, String b) {
    String[] left = a.split("\\.", -1);
    String[] right = b.split("\\.", -1);
    for (int i = 0; i < Math.max(left.length, right.length); i++) {
      BigInteger l = i < left.length ? new BigInteger(left[i]) : BigInteger.ZERO;
      BigInteger r = i < right.length ? new BigInteger(right[i]) : BigInteger.ZERO;
      int order = l.compareTo(r);
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }
}

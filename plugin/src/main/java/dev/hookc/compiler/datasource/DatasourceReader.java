package dev.hookc.compiler.datasource;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.kafka.EventSourceReader;
import dev.hookc.compiler.model.Datasource;
import dev.hookc.compiler.model.DatasourceSetting;
import dev.hookc.compiler.model.KafkaSource;
import dev.hookc.compiler.yaml.ScalarType;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlScalar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads {@code src/datasources/<name>.yaml}, one datasource a file, and a {@code jdbc} datasource's
 * migrations. A {@code type: kafka} file is read like a kafka event source (Godspeed keeps its
 * producers here) and kept apart: see {@link #kafka()}.
 */
public final class DatasourceReader {
  /** A name tasks can write in {@code datasource.<name>.*} and Java can name a parameter after. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  static final Set<String> JDBC_KEYS =
      Set.of("type", "url", "user", "password", "pool", "dialect", "migrations", "statements");

  private final Path projectDirectory;
  private final Diagnostics diagnostics;
  private final Keys keys;
  private final Map<String, KafkaSource> kafka = new LinkedHashMap<>();

  public DatasourceReader(Path projectDirectory, Diagnostics diagnostics) {
    this.projectDirectory = projectDirectory.toAbsolutePath().normalize();
    this.diagnostics = diagnostics;
    this.keys = new Keys(diagnostics);
  }

  /**
   * Reads every YAML file directly in {@code directory} (sorted by name).
   *
   * @param yaml reads a file into its root mapping, reporting why it cannot
   */
  public Map<String, Datasource> read(Path directory, Function<Path, Optional<YamlMapping>> yaml) {
    Map<String, Datasource> datasources = new LinkedHashMap<>();
    for (Path file : files(directory, ".yaml", ".yml")) {
      String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
      String relative = relative(file);
      if (!NAME.matcher(name).matches() || name.equals("transaction")) {
        diagnostics.report(
            DatasourceCode.BAD_NAME,
            Location.startOf(relative),
            "datasource name '" + name + "' is not a name tasks can use",
            "name the file with letters, digits and underscores, e.g. payments_db.yaml");
        continue;
      }
      if (datasources.containsKey(name) || kafka.containsKey(name)) {
        diagnostics.report(
            DatasourceCode.BAD_NAME,
            Location.startOf(relative),
            "datasource '" + name + "' is declared twice (.yaml and .yml)");
        continue;
      }
      yaml.apply(file)
          .flatMap(root -> read(name, relative, root))
          .ifPresent(d -> datasources.put(name, d));
    }
    return datasources;
  }

  /** The {@code type: kafka} datasources the last {@link #read} found, by name, in file order. */
  public Map<String, KafkaSource> kafka() {
    return java.util.Collections.unmodifiableMap(kafka);
  }

  private Optional<Datasource> read(String name, String file, YamlMapping root) {
    Optional<String> type = keys.text(root, "type");
    if (type.isEmpty()) {
      if (root.get("type").isEmpty()) {
        keys.malformed(root, "datasource '" + name + "' needs a 'type': jdbc, http or kafka");
      }
      return Optional.empty();
    }
    switch (type.get()) {
      case "jdbc":
        return Optional.of(jdbc(name, file, root));
      case "http":
      case "axios":
        return new HttpDatasourceReader(keys, diagnostics).read(name, file, root);
      case "kafka":
        new EventSourceReader(projectDirectory, diagnostics)
            .kafka(name, file, root, "kafka datasource")
            .ifPresent(k -> kafka.put(name, k));
        return Optional.empty();
      default:
        keys.malformed(
            root.get("type").get(),
            "unknown datasource type '"
                + type.get()
                + "': hookc knows jdbc, http (axios) and kafka");
        return Optional.empty();
    }
  }

  private Datasource jdbc(String name, String file, YamlMapping root) {
    keys.check(root, JDBC_KEYS, "jdbc datasource");
    Optional<DatasourceSetting> url = keys.setting(root, "url");
    int maxPoolSize = 10;
    Optional<YamlMapping> pool = root.get("pool").flatMap(p -> keys.mapping(p, "'pool'"));
    if (pool.isPresent()) {
      keys.check(pool.get(), Set.of("max_size"), "pool");
      maxPoolSize = keys.positive(pool.get(), "max_size", 1000).orElse(10);
    }
    String dialect =
        url.filter(u -> u.kind() == DatasourceSetting.Kind.LITERAL)
                .filter(u -> u.value().startsWith("jdbc:postgresql:"))
                .isPresent()
            ? "postgresql"
            : "h2";
    Optional<YamlScalar> dialectNode =
        root.get("dialect").flatMap(d -> keys.scalar(d, "'dialect'"));
    if (dialectNode.isPresent()) {
      String written = dialectNode.get().value().toLowerCase(Locale.ROOT);
      if (written.equals("h2") || written.equals("postgresql")) {
        dialect = written;
      } else {
        keys.malformed(dialectNode.get(), "unknown dialect '" + written + "': h2 or postgresql");
      }
    }
    Map<String, Datasource.Statement> statements = new LinkedHashMap<>();
    root.get("statements")
        .flatMap(s -> keys.mapping(s, "'statements'"))
        .ifPresent(
            mapping -> {
              for (YamlMapping.Entry entry : mapping.entries()) {
                String statement = entry.key().value();
                if (!NAME.matcher(statement).matches() || statement.equals("transaction")) {
                  keys.malformed(
                      entry.key(),
                      "statement name '"
                          + statement
                          + "' is not a name tasks can use (letters, digits, underscores;"
                          + " not 'transaction')");
                  continue;
                }
                if (entry.value() instanceof YamlScalar sql
                    && sql.type() == ScalarType.STRING
                    && !sql.value().isBlank()) {
                  statements.put(statement, new Datasource.Statement(statement, sql.value(), sql));
                } else {
                  keys.malformed(entry.value(), "statement '" + statement + "' must be SQL text");
                }
              }
            });
    return new Datasource.Jdbc(
        name,
        file,
        url,
        keys.setting(root, "user"),
        keys.setting(root, "password"),
        maxPoolSize,
        dialect,
        migrations(name, root),
        statements);
  }

  private List<Datasource.Migration> migrations(String name, YamlMapping root) {
    Optional<YamlScalar> written =
        root.get("migrations").flatMap(m -> keys.scalar(m, "'migrations'"));
    Path directory =
        projectDirectory.resolve(written.map(YamlScalar::value).orElse("src/datasources/" + name));
    if (written.isPresent()
        && (!directory.normalize().startsWith(projectDirectory) || !Files.isDirectory(directory))) {
      keys.malformed(
          written.get(),
          "'migrations' must be a directory of the project, found '" + written.get().value() + "'");
      return List.of();
    }
    return new MigrationReader(diagnostics)
        .read(files(directory, ".sql").stream().map(f -> Map.entry(relative(f), f)).toList());
  }

  private String relative(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path shown =
        absolute.startsWith(projectDirectory) ? projectDirectory.relativize(absolute) : absolute;
    return shown.toString().replace('\\', '/');
  }

  /** The regular files directly in {@code directory} with one of the suffixes, by name. */
  static List<Path> files(Path directory, String... suffixes) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> found = new ArrayList<>();
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String suffix : suffixes) {
          if (lower.endsWith(suffix)) {
            found.add(file);
            break;
          }
        }
      }
      found.sort(Comparator.comparing(p -> p.getFileName().toString()));
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.hookc.compiler.kafka;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.model.DatasourceSetting;
import dev.hookc.compiler.model.KafkaSource;
import dev.hookc.compiler.yaml.ScalarType;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import dev.hookc.compiler.yaml.YamlSequence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Reads the event sources of {@code src/eventsources} other than {@code http.yaml} (which has its
 * own reader): one a file, named after the file, each with a {@code type}; hookc knows {@code
 * kafka}.
 *
 * <pre>
 * type: kafka
 * brokers: &lt;% env.KAFKA_BROKERS %&gt;   # or a list; also bootstrap_servers
 * client_id: payments-receiver       # optional; also clientId
 * properties:                        # optional, passed to the Kafka clients as written
 *   security.protocol: SASL_SSL
 * </pre>
 *
 * Every value is a literal, {@code <% config.<path> %>} or {@code <% env.<NAME> %>}, resolved when
 * the application is built.
 */
public final class EventSourceReader {
  /** A name events can write as {@code <source>.<topic>.<group>} and {@code kafka.source}. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private static final Set<String> KEYS =
      Set.of("type", "brokers", "bootstrap_servers", "client_id", "clientId", "properties");
  // A property name of the Kafka clients: dotted lower-case words.
  private static final Pattern PROPERTY = Pattern.compile("[a-z][a-z0-9]*([._-][a-z0-9]+)*");

  private final Path projectDirectory;
  private final Diagnostics diagnostics;

  public EventSourceReader(Path projectDirectory, Diagnostics diagnostics) {
    this.projectDirectory = projectDirectory.toAbsolutePath().normalize();
    this.diagnostics = diagnostics;
  }

  /**
   * The kafka event sources of {@code directory}, by name, in file-name order.
   *
   * @param yaml reads a file into its root mapping, reporting why it cannot
   */
  public Map<String, KafkaSource> read(Path directory, Function<Path, Optional<YamlMapping>> yaml) {
    Map<String, KafkaSource> sources = new LinkedHashMap<>();
    for (Path file : files(directory)) {
      String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
      if (name.equals("http")) {
        continue;
      }
      String relative = relative(file);
      Optional<YamlMapping> root = yaml.apply(file);
      if (root.isEmpty()) {
        continue;
      }
      if (!isKafka(root.get(), relative)) {
        continue;
      }
      if (!NAME.matcher(name).matches()) {
        diagnostics.report(
            KafkaCode.SOURCE_MALFORMED,
            Location.startOf(relative),
            "event source name '" + name + "' is not a name events can use",
            "name the file with letters, digits, '_' and '-', e.g. kafka.yaml");
        continue;
      }
      if (sources.containsKey(name)) {
        diagnostics.report(
            KafkaCode.SOURCE_MALFORMED,
            Location.startOf(relative),
            "event source '" + name + "' is declared twice (.yaml and .yml)");
        continue;
      }
      kafka(name, relative, root.get(), "kafka event source").ifPresent(s -> sources.put(name, s));
    }
    return sources;
  }

  private boolean isKafka(YamlMapping root, String relative) {
    Optional<YamlNode> type = root.get("type");
    if (type.isEmpty()) {
      diagnostics.report(
          KafkaCode.SOURCE_TYPE,
          Location.startOf(relative),
          "event source has no 'type'",
          "write 'type: kafka'; the http event source is src/eventsources/http.yaml");
      return false;
    }
    String written = type.get() instanceof YamlScalar s ? s.value() : "";
    if (written.equals("kafka")) {
      return true;
    }
    diagnostics.report(
        KafkaCode.SOURCE_TYPE,
        type.get().location(),
        written.equals("http")
            ? "an http event source is read from src/eventsources/http.yaml only"
            : "unknown event source type '" + written + "': hookc knows kafka (and http.yaml)",
        written.equals("http") ? "move its settings into http.yaml" : "write 'type: kafka'");
    return false;
  }

  /**
   * The Kafka settings of {@code root}, a file whose {@code type} is {@code kafka}: an event source
   * of {@code src/eventsources}, or a datasource of {@code src/datasources}, which Godspeed keeps
   * its producers in. Both have the same keys, and the same mistakes are reported the same way.
   *
   * @param what what the file declares, in messages: {@code kafka event source}, {@code kafka
   *     datasource}
   */
  public Optional<KafkaSource> kafka(String name, String file, YamlMapping root, String what) {
    for (YamlMapping.Entry entry : root.entries()) {
      String key = entry.key().value();
      if (!KEYS.contains(key)) {
        diagnostics.report(
            KafkaCode.SOURCE_UNKNOWN_KEY,
            entry.key().location(),
            "unknown " + what + " key '" + key + "'",
            Suggestions.keyHint(key, KEYS));
      }
    }
    YamlNode type = root.get("type").orElseThrow();
    Optional<YamlMapping.Entry> brokers = one(root, "brokers", "bootstrap_servers");
    Optional<YamlMapping.Entry> clientId = one(root, "client_id", "clientId");
    List<DatasourceSetting> servers = new ArrayList<>();
    boolean fine = true;
    if (brokers.isEmpty()) {
      diagnostics.report(
          KafkaCode.SOURCE_MALFORMED,
          type.location(),
          what + " '" + name + "' has no 'brokers'",
          "for example 'brokers: <% env.KAFKA_BROKERS %>' or 'brokers: [broker-1:9092]'");
      fine = false;
    } else {
      fine = brokers(brokers.get().value(), servers);
    }
    Optional<DatasourceSetting> client = Optional.empty();
    if (clientId.isPresent()) {
      client = setting(clientId.get().value(), clientId.get().key().value());
      fine &= client.isPresent();
    }
    Map<String, DatasourceSetting> properties = new LinkedHashMap<>();
    Optional<YamlNode> written = root.get("properties");
    if (written.isPresent()) {
      fine &= properties(written.get(), properties);
    }
    return fine
        ? Optional.of(new KafkaSource(name, file, servers, client, properties, type.location()))
        : Optional.empty();
  }

  /** The entry of {@code key} or its {@code alias}; both written is a mistake, reported. */
  private Optional<YamlMapping.Entry> one(YamlMapping root, String key, String alias) {
    Optional<YamlMapping.Entry> first = root.entry(key);
    Optional<YamlMapping.Entry> second = root.entry(alias);
    if (first.isPresent() && second.isPresent()) {
      diagnostics.report(
          KafkaCode.SOURCE_MALFORMED,
          second.get().key().location(),
          "'" + alias + "' and '" + key + "' say the same: write one of them");
    }
    return first.isPresent() ? first : second;
  }

  private boolean brokers(YamlNode node, List<DatasourceSetting> servers) {
    List<YamlNode> items = node instanceof YamlSequence sequence ? sequence.items() : List.of(node);
    if (items.isEmpty()) {
      diagnostics.report(
          KafkaCode.SOURCE_MALFORMED, node.location(), "'brokers' must name at least one broker");
      return false;
    }
    boolean fine = true;
    for (YamlNode item : items) {
      Optional<DatasourceSetting> setting = setting(item, "brokers");
      if (setting.isPresent() && setting.get().kind() == DatasourceSetting.Kind.LITERAL) {
        fine &= literalBrokers((YamlScalar) item);
      }
      setting.ifPresent(servers::add);
      fine &= setting.isPresent();
    }
    return fine;
  }

  /** Each of the comma-separated {@code host:port} a literal names. */
  private boolean literalBrokers(YamlScalar scalar) {
    for (String server : scalar.value().split(",", -1)) {
      String trimmed = server.trim();
      int colon = trimmed.lastIndexOf(':');
      boolean fine =
          colon > 0
              && colon < trimmed.length() - 1
              && trimmed.substring(colon + 1).chars().allMatch(Character::isDigit);
      if (!fine) {
        diagnostics.report(
            KafkaCode.SOURCE_MALFORMED,
            scalar.location(),
            "broker '" + trimmed + "' is not host:port",
            "for example 'broker-1:9092'");
        return false;
      }
    }
    return true;
  }

  private boolean properties(YamlNode node, Map<String, DatasourceSetting> properties) {
    if (!(node instanceof YamlMapping mapping)) {
      diagnostics.report(
          KafkaCode.SOURCE_MALFORMED,
          node.location(),
          "'properties' must be a mapping of Kafka client properties, found a " + node.kindName());
      return false;
    }
    boolean fine = true;
    for (YamlMapping.Entry entry : mapping.entries()) {
      String key = entry.key().value();
      if (!PROPERTY.matcher(key).matches()) {
        diagnostics.report(
            KafkaCode.SOURCE_MALFORMED,
            entry.key().location(),
            "'" + key + "' is not a Kafka client property name",
            "Kafka's properties are dotted lower-case words, e.g. security.protocol");
        fine = false;
        continue;
      }
      Optional<DatasourceSetting> setting = setting(entry.value(), key);
      setting.ifPresent(s -> properties.put(key, s));
      fine &= setting.isPresent();
    }
    return fine;
  }

  private Optional<DatasourceSetting> setting(YamlNode node, String key) {
    if (!(node instanceof YamlScalar scalar)
        || scalar.type() == ScalarType.NULL
        || scalar.value().isBlank()) {
      diagnostics.report(
          KafkaCode.SOURCE_MALFORMED,
          node.location(),
          "'" + key + "' must be a single value, found " + describe(node));
      return Optional.empty();
    }
    Optional<DatasourceSetting> setting = DatasourceSetting.parse(scalar.value());
    if (setting.isEmpty()) {
      diagnostics.report(
          KafkaCode.SOURCE_MALFORMED,
          scalar.location(),
          "'" + key + "' must be a literal, <% config.<path> %> or <% env.<NAME> %>",
          "an event source setting is read once, when the application is built: it can read"
              + " the configuration and the environment only");
    }
    return setting;
  }

  private static String describe(YamlNode node) {
    if (node instanceof YamlScalar scalar) {
      return scalar.type() == ScalarType.NULL ? "nothing" : "an empty value";
    }
    return "a " + node.kindName();
  }

  private String relative(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path shown =
        absolute.startsWith(projectDirectory) ? projectDirectory.relativize(absolute) : absolute;
    return shown.toString().replace('\\', '/');
  }

  private static List<Path> files(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              p -> {
                String lower = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return lower.endsWith(".yaml") || lower.endsWith(".yml");
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.hookc.compiler.kafka;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.model.KafkaForward;
import dev.hookc.compiler.yaml.DurationReader;
import dev.hookc.compiler.yaml.ScalarType;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import dev.hookc.compiler.yaml.YamlSequence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code delivery: async} event's {@code forward}:
 *
 * <pre>
 * forward:
 *   kafka: {topic: shipments, key: &lt;% inputs.body.id %&gt;, headers: [webhook-id], source: kafka,
 *           timeout: 5s}
 *   run: false        # the default when the event has no fn; true runs fn after the send
 * </pre>
 */
public final class ForwardReader {
  private static final Set<String> KEYS = Set.of("kafka", "run");
  private static final Set<String> KAFKA_KEYS =
      Set.of("topic", "key", "headers", "source", "timeout");
  private static final Set<String> SOURCES = Set.of("headers", "query", "params", "body");
  private static final Pattern EXPRESSION = Pattern.compile("<%\\s*inputs\\.(\\w+)(.*?)\\s*%>");
  private static final Pattern SEGMENT =
      Pattern.compile("\\.([A-Za-z_$][\\w$-]*)|\\[\\s*'([^']*)'\\s*]|\\[\\s*\"([^\"]*)\"\\s*]");
  // Kafka's own rule for topic names.
  private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");
  private static final Pattern HEADER = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  private final Diagnostics diagnostics;
  private final DurationReader durations;

  public ForwardReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.durations =
        new DurationReader(diagnostics, DurationReader.BareUnit.SECONDS, ForwardCode.MALFORMED);
  }

  /**
   * The {@code forward} of the event written as {@code event}, whose delivery is {@code async};
   * empty when it has none or it is malformed (reported).
   */
  public Optional<KafkaForward> read(YamlMapping event, boolean async) {
    Optional<YamlMapping.Entry> entry = event.entry("forward");
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    if (!async) {
      diagnostics.report(
          ForwardCode.MALFORMED,
          entry.get().key().location(),
          "'forward' applies only to 'delivery: async'",
          "add 'delivery: async' (the outbox forwards stored deliveries), or use 'delivery: kafka'"
              + " to hand deliveries to Kafka before answering");
      return Optional.empty();
    }
    if (!(entry.get().value() instanceof YamlMapping forward)) {
      diagnostics.report(
          ForwardCode.MALFORMED,
          entry.get().value().location(),
          "'forward' must be a mapping with 'kafka' and, optionally, 'run'");
      return Optional.empty();
    }
    unknownKeys(forward, KEYS, "forward");
    boolean run = event.get("fn").isPresent();
    Optional<YamlNode> runNode = forward.get("run");
    if (runNode.isPresent()) {
      if (runNode.get() instanceof YamlScalar s && s.type() == ScalarType.BOOLEAN) {
        run = Boolean.parseBoolean(s.value());
        checkRun(event, s, run);
      } else {
        diagnostics.report(
            ForwardCode.MALFORMED, runNode.get().location(), "'run' must be true or false");
      }
    }
    Optional<YamlNode> kafka = forward.get("kafka");
    if (kafka.isEmpty() || !(kafka.get() instanceof YamlMapping settings)) {
      diagnostics.report(
          ForwardCode.MALFORMED,
          kafka.map(YamlNode::location).orElse(forward.location()),
          "'forward' needs 'kafka', a mapping with at least 'topic'",
          "for example 'kafka: {topic: shipments, key: <% inputs.body.id %>}'");
      return Optional.empty();
    }
    return kafka(settings, run, entry.get().key());
  }

  private void checkRun(YamlMapping event, YamlScalar run, boolean runs) {
    boolean fn = event.get("fn").isPresent();
    if (runs && !fn) {
      diagnostics.report(
          ForwardCode.RUN,
          run.location(),
          "'run: true' runs the event's workflow after the send, but the event has no 'fn'",
          "add 'fn: <workflow>', or write 'run: false' to forward only");
    } else if (!runs && fn) {
      diagnostics.report(
          ForwardCode.RUN,
          run.location(),
          "'run: false' forwards only, so the event's 'fn' would never run",
          "remove 'fn', or write 'run: true' to run it after the send");
    }
  }

  private Optional<KafkaForward> kafka(YamlMapping settings, boolean run, YamlScalar at) {
    unknownKeys(settings, KAFKA_KEYS, "forward.kafka");
    Optional<String> topic = settings.get("topic").flatMap(this::topic);
    if (settings.get("topic").isEmpty()) {
      diagnostics.report(
          ForwardCode.MALFORMED,
          settings.location(),
          "'forward.kafka' has no 'topic'",
          "for example 'topic: shipments'");
    }
    Optional<KafkaForward.Key> key = Optional.empty();
    boolean keyOk = true;
    if (settings.get("key").isPresent()) {
      key = key(settings.get("key").get());
      keyOk = key.isPresent();
    }
    List<String> headers = settings.get("headers").map(this::headers).orElse(List.of());
    Optional<YamlMapping.Entry> sourceEntry = settings.entry("source");
    Optional<String> source = Optional.empty();
    if (sourceEntry.isPresent()) {
      if (sourceEntry.get().value() instanceof YamlScalar s
          && s.type() == ScalarType.STRING
          && !s.value().isBlank()) {
        source = Optional.of(s.value());
      } else {
        diagnostics.report(
            ForwardCode.SOURCE,
            sourceEntry.get().value().location(),
            "'source' must name a kafka event source (a file of src/eventsources)");
      }
    }
    Duration timeout =
        settings
            .get("timeout")
            .flatMap(t -> durations.read(t, "timeout"))
            .orElse(Duration.ofSeconds(5));
    if (topic.isEmpty() || !keyOk) {
      return Optional.empty();
    }
    return Optional.of(
        new KafkaForward(
            topic.get(),
            key,
            headers,
            source,
            timeout,
            run,
            at.location(),
            sourceEntry.map(e -> e.value().location()).orElse(at.location())));
  }

  private Optional<String> topic(YamlNode node) {
    if (node instanceof YamlScalar s
        && s.type() == ScalarType.STRING
        && TOPIC.matcher(s.value()).matches()
        && !s.value().equals(".")
        && !s.value().equals("..")) {
      return Optional.of(s.value());
    }
    diagnostics.report(
        ForwardCode.MALFORMED,
        node.location(),
        "'topic' must be a Kafka topic name: up to 249 letters, digits, '.', '_' or '-'");
    return Optional.empty();
  }

  private List<String> headers(YamlNode node) {
    List<String> names = new ArrayList<>();
    if (!(node instanceof YamlSequence sequence)) {
      diagnostics.report(
          ForwardCode.MALFORMED, node.location(), "'headers' must be a list of header names");
      return names;
    }
    for (YamlNode item : sequence.items()) {
      if (item instanceof YamlScalar s
          && s.type() == ScalarType.STRING
          && HEADER.matcher(s.value()).matches()) {
        names.add(s.value().toLowerCase(Locale.ROOT));
      } else {
        diagnostics.report(
            ForwardCode.MALFORMED, item.location(), "'headers' lists request header names");
      }
    }
    return names;
  }

  private Optional<KafkaForward.Key> key(YamlNode node) {
    Matcher expression = node instanceof YamlScalar s ? EXPRESSION.matcher(s.value().trim()) : null;
    if (expression == null || !expression.matches() || !SOURCES.contains(expression.group(1))) {
      return badKey(node);
    }
    List<String> path = new ArrayList<>();
    Matcher segment = SEGMENT.matcher(expression.group(2));
    int at = 0;
    while (at < expression.group(2).length()) {
      if (!segment.find(at) || segment.start() != at) {
        return badKey(node);
      }
      path.add(
          segment.group(1) != null
              ? segment.group(1)
              : segment.group(2) != null ? segment.group(2) : segment.group(3));
      at = segment.end();
    }
    String source = expression.group(1);
    if (path.isEmpty() || (!source.equals("body") && path.size() != 1)) {
      return badKey(node);
    }
    return Optional.of(new KafkaForward.Key(source, path, (YamlScalar) node));
  }

  private Optional<KafkaForward.Key> badKey(YamlNode node) {
    diagnostics.report(
        ForwardCode.KEY,
        node.location(),
        "a Kafka record key must be one value of the request: inputs.headers, inputs.query or"
            + " inputs.params by name, or a path into inputs.body",
        "for example '<% inputs.body.id %>' or '<% inputs.headers['x-object-id'] %>'");
    return Optional.empty();
  }

  private void unknownKeys(YamlMapping mapping, Set<String> known, String what) {
    for (YamlMapping.Entry entry : mapping.entries()) {
      if (!known.contains(entry.key().value())) {
        diagnostics.report(
            ForwardCode.MALFORMED,
            entry.key().location(),
            "unknown " + what + " setting '" + entry.key().value() + "'",
            Suggestions.keyHint(entry.key().value(), known));
      }
    }
  }
}

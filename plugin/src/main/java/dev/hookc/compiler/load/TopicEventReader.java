package dev.hookc.compiler.load;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.model.TopicSubscription;
import dev.hookc.compiler.yaml.DurationReader;
import dev.hookc.compiler.yaml.ScalarType;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what only a Kafka event ({@code <source>.<topic>.<group_id>}) has — {@code dead_letter} and
 * {@code retry} — and refuses, with the reason, the keys that only an HTTP event has: a record is
 * not a request, so nothing authenticates it or answers it (Godspeed ignores them there; hookc
 * never ignores a key silently).
 */
final class TopicEventReader {
  /** The keys of a Kafka event. */
  static final Set<String> KEYS =
      Set.of(
          "fn",
          "summary",
          "description",
          "id",
          "operationId",
          "tags",
          "body",
          "dead_letter",
          "retry");

  /** The keys only an HTTP event has, with why they do not apply to a record. */
  private static final Map<String, String> HTTP_ONLY =
      Map.ofEntries(
          Map.entry(
              "authn",
              "a record is not authenticated: the broker's settings decide who may write the topic"),
          Map.entry("authz", "a record is not authorised per event: the broker's ACLs decide"),
          Map.entry(
              "idempotency",
              "a record has no sender to answer a repeat: make the workflow idempotent, as every consumer of an at-least-once log must be"),
          Map.entry("delivery", "records are always processed after they are read, at least once"),
          Map.entry("params", "a record has no parameters: its headers are in inputs.headers"),
          Map.entry("parameters", "a record has no parameters: its headers are in inputs.headers"),
          Map.entry("responses", "nobody receives a response to a record"),
          Map.entry("max_body_size", "the broker's message.max.bytes limits a record"),
          Map.entry(
              "on_request_validation_error", "an invalid record goes to the dead-letter topic"),
          Map.entry("on_response_validation_error", "nobody receives a response to a record"),
          Map.entry("github", "a record is not a GitHub delivery"));

  private static final Set<String> RETRY_KEYS = Set.of("max_attempts", "backoff", "max_backoff");

  private final Diagnostics diagnostics;
  private final Nodes nodes;
  private final DurationReader durations;

  TopicEventReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.nodes = new Nodes(diagnostics);
    this.durations =
        new DurationReader(
            diagnostics, DurationReader.BareUnit.SECONDS, LoadCode.TOPIC_BAD_SETTING);
  }

  /** Reports every key of {@code event} that a Kafka event does not have. */
  void checkKeys(YamlMapping event) {
    for (YamlMapping.Entry entry : event.entries()) {
      String key = entry.key().value();
      String why = HTTP_ONLY.get(key);
      if (why != null) {
        diagnostics.report(
            LoadCode.TOPIC_KEY_NOT_APPLICABLE,
            entry.key().location(),
            "'" + key + "' does not apply to a Kafka event",
            "remove it: " + why);
      }
    }
    java.util.Set<String> known = new java.util.HashSet<>(KEYS);
    known.addAll(HTTP_ONLY.keySet());
    nodes.checkKeys(
        event, known, Set.of(), LoadCode.EVENT_UNKNOWN_KEY, LoadCode.EVENT_UNKNOWN_KEY, "event");
  }

  /** The subscription of the event {@code key} whose mapping is {@code event}. */
  TopicSubscription read(EventKeyParser.TopicKey key, YamlScalar keyNode, YamlMapping event) {
    String deadLetter = deadLetter(key, event);
    int attempts = 5;
    Duration backoff = Duration.ofSeconds(1);
    Duration maxBackoff = Duration.ofMinutes(1);
    Optional<YamlNode> retry = event.get("retry");
    if (retry.isPresent() && !(retry.get() instanceof YamlMapping)) {
      diagnostics.report(
          LoadCode.TOPIC_BAD_SETTING,
          retry.get().location(),
          "'retry' must be a mapping",
          "retry: {max_attempts: 5, backoff: 1s, max_backoff: 1m}");
    } else if (retry.isPresent()) {
      for (YamlMapping.Entry entry : ((YamlMapping) retry.get()).entries()) {
        String name = entry.key().value();
        switch (name) {
          case "max_attempts" -> attempts = attempts(entry.value()).orElse(attempts);
          case "backoff" -> backoff = durations.read(entry.value(), name).orElse(backoff);
          case "max_backoff" -> maxBackoff = durations.read(entry.value(), name).orElse(maxBackoff);
          default ->
              diagnostics.report(
                  LoadCode.TOPIC_BAD_SETTING,
                  entry.key().location(),
                  "unknown retry setting '" + name + "'",
                  Suggestions.keyHint(name, RETRY_KEYS));
        }
      }
    }
    if (maxBackoff.compareTo(backoff) < 0) {
      maxBackoff = backoff;
    }
    return new TopicSubscription(
        key.source(), key.topic(), key.group(), deadLetter, attempts, backoff, maxBackoff, keyNode);
  }

  private String deadLetter(EventKeyParser.TopicKey key, YamlMapping event) {
    String fallback = key.topic() + ".dlq";
    Optional<YamlNode> node = event.get("dead_letter");
    if (node.isEmpty()) {
      return fallback;
    }
    if (!(node.get() instanceof YamlScalar scalar)
        || scalar.type() != ScalarType.STRING
        || !EventKeyParser.isTopic(scalar.value())) {
      diagnostics.report(
          LoadCode.TOPIC_BAD_NAME,
          node.get().location(),
          "'dead_letter' is not a Kafka topic name",
          "a topic name has 1 to 249 letters, digits, '.', '_' or '-'; the default is '"
              + fallback
              + "'");
      return fallback;
    }
    if (scalar.value().equals(key.topic())) {
      diagnostics.report(
          LoadCode.TOPIC_BAD_SETTING,
          scalar.location(),
          "the dead-letter topic is the topic the event reads",
          "a dead-lettered record would be read again at once; use '" + fallback + "'");
      return fallback;
    }
    return scalar.value();
  }

  private Optional<Integer> attempts(YamlNode node) {
    if (node instanceof YamlScalar s && s.type() == ScalarType.INTEGER) {
      int n = Integer.parseInt(s.value());
      if (n >= 1 && n <= 100) {
        return Optional.of(n);
      }
    }
    diagnostics.report(
        LoadCode.TOPIC_BAD_SETTING,
        node.location(),
        "'max_attempts' must be a whole number from 1 to 100");
    return Optional.empty();
  }
}

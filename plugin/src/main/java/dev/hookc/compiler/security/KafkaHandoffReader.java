package dev.hookc.compiler.security;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.kafka.KafkaCode;
import dev.hookc.compiler.model.KafkaHandoff;
import dev.hookc.compiler.yaml.DurationReader;
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
import java.util.regex.Pattern;

/**
 * Reads the {@code kafka} block of a {@code delivery: kafka} event: {@code topic}, {@code key},
 * {@code headers}, {@code source} and {@code timeout} (5s unless given).
 */
final class KafkaHandoffReader {
  private static final Set<String> KEYS = Set.of("topic", "key", "headers", "source", "timeout");
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);
  // What Kafka accepts as a topic name (Topic.validate): at most 249 of these characters.
  private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
  // An HTTP header name (a token).
  private static final Pattern HEADER = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  private final Diagnostics diagnostics;
  private final DurationReader durations;

  KafkaHandoffReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.durations =
        new DurationReader(
            diagnostics, DurationReader.BareUnit.SECONDS, KafkaCode.HANDOFF_MALFORMED);
  }

  /**
   * The hand-off of the event written as {@code event}, whose {@code delivery: kafka} is {@code
   * delivery}; empty, reported, when its {@code kafka} block is missing or unusable.
   */
  Optional<KafkaHandoff> read(YamlMapping event, YamlNode delivery, int acceptStatus) {
    Optional<YamlMapping.Entry> block = event.entry("kafka");
    if (block.isEmpty()) {
      diagnostics.report(
          KafkaCode.HANDOFF_MALFORMED,
          delivery.location(),
          "'delivery: kafka' needs a 'kafka' block with the topic",
          "for example 'kafka: {topic: stripe-events, key: <% inputs.body.data.object.id %>}'");
      return Optional.empty();
    }
    if (!(block.get().value() instanceof YamlMapping kafka)) {
      diagnostics.report(
          KafkaCode.HANDOFF_MALFORMED,
          block.get().value().location(),
          "'kafka' must be a mapping with 'topic' and, optionally, 'key', 'headers', 'source'"
              + " and 'timeout'");
      return Optional.empty();
    }
    for (YamlMapping.Entry entry : kafka.entries()) {
      if (!KEYS.contains(entry.key().value())) {
        diagnostics.report(
            KafkaCode.HANDOFF_MALFORMED,
            entry.key().location(),
            "unknown kafka setting '" + entry.key().value() + "'",
            Suggestions.keyHint(entry.key().value(), KEYS));
      }
    }
    Optional<String> topic = topic(kafka);
    Optional<KafkaHandoff.Key> key = Optional.empty();
    boolean fine = topic.isPresent();
    if (kafka.get("key").isPresent()) {
      key = key(kafka.get("key").get());
      fine &= key.isPresent();
    }
    Optional<List<String>> headers = headers(kafka);
    fine &= headers.isPresent();
    Optional<String> source = Optional.empty();
    Optional<YamlNode> sourceNode = kafka.get("source");
    if (sourceNode.isPresent()) {
      source = text(sourceNode.get(), "source");
      fine &= source.isPresent();
    }
    Duration timeout = DEFAULT_TIMEOUT;
    Optional<YamlNode> timeoutNode = kafka.get("timeout");
    if (timeoutNode.isPresent()) {
      Optional<Duration> read = durations.read(timeoutNode.get(), "timeout");
      if (read.isPresent()
          && (read.get().compareTo(Duration.ofMillis(1)) < 0
              || read.get().compareTo(MAX_TIMEOUT) > 0)) {
        diagnostics.report(
            KafkaCode.HANDOFF_MALFORMED,
            timeoutNode.get().location(),
            "'timeout' must be from 1ms to 5m",
            "a sender waits for the answer: most give up after 10 to 30 seconds");
        read = Optional.empty();
      }
      fine &= read.isPresent();
      timeout = read.orElse(timeout);
    }
    if (!fine) {
      return Optional.empty();
    }
    return Optional.of(
        new KafkaHandoff(
            topic.get(),
            key,
            headers.get(),
            source,
            timeout,
            acceptStatus,
            delivery.location(),
            sourceNode.orElse(kafka).location()));
  }

  private Optional<String> topic(YamlMapping kafka) {
    Optional<YamlNode> node = kafka.get("topic");
    if (node.isEmpty()) {
      diagnostics.report(
          KafkaCode.HANDOFF_MALFORMED,
          kafka.location(),
          "'kafka' has no 'topic'",
          "for example 'topic: stripe-events'");
      return Optional.empty();
    }
    Optional<String> topic = text(node.get(), "topic");
    if (topic.isPresent()
        && (!TOPIC.matcher(topic.get()).matches()
            || topic.get().equals(".")
            || topic.get().equals(".."))) {
      diagnostics.report(
          KafkaCode.HANDOFF_MALFORMED,
          node.get().location(),
          "'" + topic.get() + "' is not a Kafka topic name",
          "Kafka's topic names are at most 249 letters, digits, '.', '_' and '-'");
      return Optional.empty();
    }
    return topic;
  }

  private Optional<KafkaHandoff.Key> key(YamlNode node) {
    Optional<IdempotencyReader.RequestValue> value = IdempotencyReader.requestValue(node);
    if (value.isEmpty()) {
      diagnostics.report(
          KafkaCode.HANDOFF_KEY,
          node.location(),
          "a Kafka record key must be one value of the request: inputs.delivery.id,"
              + " inputs.headers, inputs.query or inputs.params by name, or a path into inputs.body",
          "for example '<% inputs.body.data.object.id %>', so that one object's events stay in"
              + " order on one partition");
      return Optional.empty();
    }
    IdempotencyReader.RequestValue v = value.get();
    return Optional.of(new KafkaHandoff.Key(v.source(), v.path(), v.location(), v.scalar()));
  }

  private Optional<List<String>> headers(YamlMapping kafka) {
    Optional<YamlNode> node = kafka.get("headers");
    if (node.isEmpty()) {
      return Optional.of(List.of());
    }
    if (!(node.get() instanceof YamlSequence sequence)) {
      diagnostics.report(
          KafkaCode.HANDOFF_MALFORMED,
          node.get().location(),
          "'headers' must be a list of request header names",
          "for example 'headers: [stripe-signature]'");
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    boolean fine = true;
    for (YamlNode item : sequence.items()) {
      Optional<String> name = text(item, "a header name");
      if (name.isPresent() && !HEADER.matcher(name.get()).matches()) {
        diagnostics.report(
            KafkaCode.HANDOFF_MALFORMED,
            item.location(),
            "'" + name.get() + "' is not a header name");
        name = Optional.empty();
      }
      name.ifPresent(n -> names.add(n.toLowerCase(Locale.ROOT)));
      fine &= name.isPresent();
    }
    return fine ? Optional.of(names) : Optional.empty();
  }

  private Optional<String> text(YamlNode node, String what) {
    if (node instanceof YamlScalar scalar && !scalar.value().isBlank()) {
      return Optional.of(scalar.value().trim());
    }
    diagnostics.report(
        KafkaCode.HANDOFF_MALFORMED,
        node.location(),
        "'" + what + "' must be a single value, found a " + node.kindName());
    return Optional.empty();
  }
}

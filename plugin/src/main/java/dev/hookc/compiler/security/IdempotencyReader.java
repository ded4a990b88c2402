package dev.hookc.compiler.security;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.model.Idempotency;
import dev.hookc.compiler.yaml.DurationReader;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an event's {@code idempotency}: {@code key}, the delivery's id {@code <% inputs.delivery.id
 * %>} or a path into the request such as {@code <% inputs.headers['webhook-id'] %>} or {@code <%
 * inputs.body.id %>}, and {@code ttl}, 24 h unless given.
 */
final class IdempotencyReader {
  private static final Duration DEFAULT_TTL = Duration.ofHours(24);
  private static final Set<String> KEYS = Set.of("key", "ttl");
  private static final Set<String> SOURCES =
      Set.of("headers", "query", "params", "body", "delivery");
  private static final Pattern EXPRESSION = Pattern.compile("<%\\s*inputs\\.(\\w+)(.*?)\\s*%>");
  private static final Pattern SEGMENT =
      Pattern.compile("\\.([A-Za-z_$][\\w$-]*)|\\[\\s*'([^']*)'\\s*]|\\[\\s*\"([^\"]*)\"\\s*]");

  private final Diagnostics diagnostics;
  // A bare number has always counted seconds here.
  private final DurationReader durations;

  IdempotencyReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.durations =
        new DurationReader(diagnostics, DurationReader.BareUnit.SECONDS, SecurityCode.BAD_DURATION);
  }

  Optional<Idempotency> read(YamlNode node) {
    if (!(node instanceof YamlMapping mapping)) {
      diagnostics.report(
          SecurityCode.IDEMPOTENCY_BAD_SHAPE,
          node.location(),
          "'idempotency' must be a mapping with 'key' and, optionally, 'ttl'");
      return Optional.empty();
    }
    for (YamlMapping.Entry entry : mapping.entries()) {
      if (!KEYS.contains(entry.key().value())) {
        diagnostics.report(
            SecurityCode.IDEMPOTENCY_BAD_SHAPE,
            entry.key().location(),
            "unknown idempotency setting '" + entry.key().value() + "'",
            Suggestions.keyHint(entry.key().value(), KEYS));
      }
    }
    Duration ttl = mapping.get("ttl").flatMap(t -> durations.read(t, "ttl")).orElse(DEFAULT_TTL);
    Optional<YamlNode> key = mapping.get("key");
    if (key.isEmpty()) {
      diagnostics.report(
          SecurityCode.IDEMPOTENCY_BAD_SHAPE,
          mapping.location(),
          "'idempotency' has no 'key'",
          "for example 'key: <% inputs.delivery.id %>'");
      return Optional.empty();
    }
    return key(key.get(), ttl);
  }

  private Optional<Idempotency> key(YamlNode node, Duration ttl) {
    Optional<RequestValue> value = requestValue(node);
    if (value.isEmpty()) {
      return bad(node);
    }
    RequestValue v = value.get();
    return Optional.of(new Idempotency(v.source(), v.path(), ttl, v.location(), v.scalar()));
  }

  /** One value of the request, as an idempotency key or a Kafka record key reads it. */
  record RequestValue(String source, List<String> path, Location location, YamlScalar scalar) {}

  /**
   * The value {@code node} reads: {@code <% inputs.delivery.id %>}, {@code inputs.headers}, {@code
   * inputs.query} or {@code inputs.params} by name, or a path into {@code inputs.body}; empty for
   * anything else.
   */
  static Optional<RequestValue> requestValue(YamlNode node) {
    Matcher expression = node instanceof YamlScalar s ? EXPRESSION.matcher(s.value().trim()) : null;
    if (expression == null || !expression.matches() || !SOURCES.contains(expression.group(1))) {
      return Optional.empty();
    }
    List<String> path = new ArrayList<>();
    Matcher segment = SEGMENT.matcher(expression.group(2));
    int at = 0;
    while (at < expression.group(2).length()) {
      if (!segment.find(at) || segment.start() != at) {
        return Optional.empty();
      }
      path.add(
          segment.group(1) != null
              ? segment.group(1)
              : segment.group(2) != null ? segment.group(2) : segment.group(3));
      at = segment.end();
    }
    String source = expression.group(1);
    if (path.isEmpty()
        || (!source.equals("body") && path.size() != 1)
        || (source.equals("delivery") && !path.equals(List.of("id")))) {
      return Optional.empty();
    }
    YamlScalar scalar = (YamlScalar) node;
    int trimmed = scalar.value().indexOf(scalar.value().trim());
    return Optional.of(
        new RequestValue(source, path, scalar.locationAt(trimmed + expression.start(1)), scalar));
  }

  private Optional<Idempotency> bad(YamlNode node) {
    diagnostics.report(
        SecurityCode.IDEMPOTENCY_BAD_KEY,
        node.location(),
        "an idempotency key must be one value of the request: inputs.delivery.id,"
            + " inputs.headers, inputs.query or inputs.params by name, or a path into inputs.body",
        "for example '<% inputs.delivery.id %>', '<% inputs.headers['x-request-id'] %>' or '<%"
            + " inputs.body.id %>'");
    return Optional.empty();
  }
}

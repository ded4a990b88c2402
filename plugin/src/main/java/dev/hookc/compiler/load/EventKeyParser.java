package dev.hookc.compiler.load;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.model.HttpMethod;
import dev.hookc.compiler.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses and checks an event key, reporting each malformed part at its own column. */
final class EventKeyParser {
  private static final Set<String> SOURCES = Set.of("http");
  private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** A topic name as Kafka accepts it. */
  static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

  /** A group id that the key can carry: no dots, which separate the key's parts. */
  private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9_-]{1,255}");

  private final Diagnostics diagnostics;
  private final Set<String> topicSources;

  /**
   * @param topicSources the names of the project's Kafka event sources ({@code
   *     src/eventsources/<name>.yaml} with {@code type: kafka}), whose events read topics
   */
  EventKeyParser(Diagnostics diagnostics, Set<String> topicSources) {
    this.diagnostics = diagnostics;
    this.topicSources = Set.copyOf(topicSources);
  }

  /** Whether {@code key} names a Kafka event source: {@code <source>.<topic>.<group_id>}. */
  boolean readsTopic(YamlScalar key) {
    int dot = key.value().indexOf('.');
    return dot > 0 && topicSources.contains(key.value().substring(0, dot));
  }

  /**
   * Parses {@code <source>.<topic>.<group_id>}: the group id follows the last dot, so a topic may
   * contain dots ({@code kafka.stripe.events.billing} reads {@code stripe.events}) and a group id
   * may not.
   */
  Optional<TopicKey> parseTopic(YamlScalar key) {
    String text = key.value();
    int firstDot = text.indexOf('.');
    int lastDot = text.lastIndexOf('.');
    if (lastDot <= firstDot + 1 || lastDot == text.length() - 1) {
      diagnostics.report(
          LoadCode.EVENT_MALFORMED_KEY,
          key.location(),
          "'" + text + "' is not a Kafka event key",
          "write '<source>.<topic>.<group_id>', e.g. '"
              + text.substring(0, firstDot)
              + ".stripe-events.billing'");
      return Optional.empty();
    }
    String topic = text.substring(firstDot + 1, lastDot);
    String group = text.substring(lastDot + 1);
    boolean ok = true;
    if (!isTopic(topic)) {
      diagnostics.report(
          LoadCode.TOPIC_BAD_NAME,
          key.locationAt(firstDot + 1),
          "'" + topic + "' is not a Kafka topic name",
          "a topic name has 1 to 249 letters, digits, '.', '_' or '-', and is not '.' or '..'");
      ok = false;
    }
    if (!GROUP.matcher(group).matches()) {
      diagnostics.report(
          LoadCode.TOPIC_BAD_GROUP,
          key.locationAt(lastDot + 1),
          "'" + group + "' is not a consumer group id hookc can read from an event key",
          "a group id has letters, digits, '_' or '-' (a dot separates the key's parts)");
      ok = false;
    }
    return ok
        ? Optional.of(new TopicKey(text.substring(0, firstDot), topic, group))
        : Optional.empty();
  }

  /** Whether Kafka accepts {@code name} as a topic's. */
  static boolean isTopic(String name) {
    return TOPIC.matcher(name).matches() && !name.equals(".") && !name.equals("..");
  }

  /** A parsed {@code <source>.<topic>.<group_id>}. */
  record TopicKey(String source, String topic, String group) {}

  Optional<EventKey> parse(YamlScalar key) {
    String text = key.value();
    int firstDot = text.indexOf('.');
    int secondDot = firstDot < 0 ? -1 : text.indexOf('.', firstDot + 1);
    if (secondDot < 0) {
      diagnostics.report(
          LoadCode.EVENT_MALFORMED_KEY,
          key.location(),
          "'" + text + "' is not an event key",
          "write '<source>.<method>.<path>', e.g. 'http.post./callback'");
      return Optional.empty();
    }
    String source = text.substring(0, firstDot);
    String method = text.substring(firstDot + 1, secondDot);
    String path = text.substring(secondDot + 1);
    boolean ok = true;
    if (!SOURCES.contains(source)) {
      Set<String> known = new java.util.TreeSet<>(SOURCES);
      known.addAll(topicSources);
      diagnostics.report(
          LoadCode.EVENT_UNKNOWN_SOURCE,
          key.location(),
          "unknown event source '" + source + "'",
          Suggestions.didYouMean(source, known)
              .orElse(
                  "hookc serves 'http' events, and reads Kafka topics of the event sources in"
                      + " src/eventsources with 'type: kafka'"));
      ok = false;
    }
    if (HttpMethod.parse(method).isEmpty()) {
      List<String> names = Arrays.stream(HttpMethod.values()).map(HttpMethod::keyword).toList();
      diagnostics.report(
          LoadCode.EVENT_UNKNOWN_METHOD,
          key.locationAt(firstDot + 1),
          "unknown HTTP method '" + method + "'",
          Suggestions.didYouMean(method, names).orElse(null));
      ok = false;
    }
    if (!path.startsWith("/")) {
      diagnostics.report(
          LoadCode.EVENT_PATH_NOT_ABSOLUTE,
          key.locationAt(secondDot + 1),
          "path '" + path + "' does not start with '/'");
      return Optional.empty();
    }
    Optional<EventKey> parsed = parsePath(key, source, method, path, secondDot + 1);
    return ok ? parsed : Optional.empty();
  }

  private Optional<EventKey> parsePath(
      YamlScalar key, String source, String method, String path, int pathOffset) {
    StringBuilder normalised = new StringBuilder();
    List<EventKey.PathParameter> parameters = new ArrayList<>();
    boolean ok = true;
    int segmentStart = 0;
    for (String segment : path.split("/", -1)) {
      int offset = pathOffset + segmentStart;
      if (segmentStart > 0) {
        normalised.append('/');
      }
      segmentStart += segment.length() + 1;
      if (!isParameter(segment)) {
        normalised.append(segment);
        continue;
      }
      Optional<String> name = parameterName(segment);
      if (name.isEmpty() || !PARAMETER_NAME.matcher(name.get()).matches()) {
        diagnostics.report(
            LoadCode.EVENT_MALFORMED_PARAMETER,
            key.locationAt(offset),
            "malformed path parameter '" + segment + "'",
            "write '{name}' or ':name' as a whole path segment, the name a letter or '_' then letters, digits or '_'");
        ok = false;
        continue;
      }
      parameters.add(new EventKey.PathParameter(name.get(), offset));
      normalised.append('{').append(name.get()).append('}');
    }
    return ok
        ? Optional.of(new EventKey(source, method, normalised.toString(), parameters))
        : Optional.empty();
  }

  private static boolean isParameter(String segment) {
    return segment.startsWith(":") || segment.contains("{") || segment.contains("}");
  }

  /** The name a parameter segment declares, or empty when it is malformed. */
  private static Optional<String> parameterName(String segment) {
    if (segment.startsWith(":")) {
      return Optional.of(segment.substring(1)).filter(s -> !s.isEmpty());
    }
    if (segment.startsWith("{") && segment.endsWith("}") && segment.indexOf('{', 1) < 0) {
      return Optional.of(segment.substring(1, segment.length() - 1));
    }
    return Optional.empty();
  }
}

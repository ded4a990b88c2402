package dev.hookc.compiler.security;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.kafka.ForwardReader;
import dev.hookc.compiler.model.AsyncDelivery;
import dev.hookc.compiler.yaml.DurationReader;
import dev.hookc.compiler.yaml.ScalarType;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an event's {@code delivery} ({@code sync}, the default, or {@code async}) and {@code retry}
 * ({@code max_attempts}, 5; {@code backoff}, 1s; {@code max_backoff}, 5m).
 */
final class DeliveryReader {
  private static final Set<String> RETRY_KEYS = Set.of("max_attempts", "backoff", "max_backoff");

  private final Diagnostics diagnostics;
  private final ForwardReader forward;
  // A bare number has always counted seconds here.
  private final DurationReader durations;

  DeliveryReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.forward = new ForwardReader(diagnostics);
    this.durations =
        new DurationReader(diagnostics, DurationReader.BareUnit.SECONDS, SecurityCode.BAD_DURATION);
  }

  /**
   * The delivery of the event written as {@code event}, which declares responses of {@code
   * statuses}; empty for {@code sync}.
   */
  Optional<AsyncDelivery> read(YamlMapping event, Collection<String> statuses) {
    Optional<YamlNode> delivery = event.get("delivery");
    Optional<YamlNode> retry = event.get("retry");
    boolean async = false;
    if (delivery.isPresent()) {
      String mode = delivery.get() instanceof YamlScalar s ? s.value() : "";
      if (!mode.equals("sync") && !mode.equals("async") && !mode.equals("kafka")) {
        diagnostics.report(
            SecurityCode.DELIVERY_BAD,
            delivery.get().location(),
            "'delivery' must be 'sync', 'async' or 'kafka'",
            "'async' acknowledges after storing the delivery and runs the workflow afterwards;"
                + " 'kafka' acknowledges after a Kafka broker confirmed it");
        return Optional.empty();
      }
      async = mode.equals("async");
    }
    if (!async) {
      forward.read(event, false);
      retry.ifPresent(
          r ->
              diagnostics.report(
                  SecurityCode.RETRY_BAD_SHAPE,
                  r.location(),
                  "'retry' applies only to 'delivery: async'",
                  "add 'delivery: async', or remove 'retry'"));
      return Optional.empty();
    }
    int attempts = 5;
    Duration backoff = Duration.ofSeconds(1);
    Duration maxBackoff = Duration.ofMinutes(5);
    if (retry.isPresent()) {
      if (!(retry.get() instanceof YamlMapping mapping)) {
        diagnostics.report(
            SecurityCode.RETRY_BAD_SHAPE, retry.get().location(), "'retry' must be a mapping");
        return Optional.empty();
      }
      for (YamlMapping.Entry entry : mapping.entries()) {
        String key = entry.key().value();
        if (key.equals("max_attempts")) {
          attempts = attempts(entry.value()).orElse(attempts);
        } else if (key.equals("backoff")) {
          backoff = durations.read(entry.value(), key).orElse(backoff);
        } else if (key.equals("max_backoff")) {
          maxBackoff = durations.read(entry.value(), key).orElse(maxBackoff);
        } else {
          diagnostics.report(
              SecurityCode.RETRY_BAD_SHAPE,
              entry.key().location(),
              "unknown retry setting '" + key + "'",
              Suggestions.keyHint(key, RETRY_KEYS));
        }
      }
    }
    if (maxBackoff.compareTo(backoff) < 0) {
      maxBackoff = backoff;
    }
    AsyncDelivery read = new AsyncDelivery(acceptStatus(statuses), attempts, backoff, maxBackoff);
    return Optional.of(forward.read(event, true).map(read::withForward).orElse(read));
  }

  /** Whether the event written as {@code event} says {@code delivery: kafka}. */
  static boolean isKafka(YamlMapping event) {
    return event
        .get("delivery")
        .filter(d -> d instanceof YamlScalar s && s.value().equals("kafka"))
        .isPresent();
  }

  private Optional<Integer> attempts(YamlNode node) {
    if (node instanceof YamlScalar s && s.type() == ScalarType.INTEGER) {
      int n = Integer.parseInt(s.value());
      if (n >= 1 && n <= 100) {
        return Optional.of(n);
      }
    }
    diagnostics.report(
        SecurityCode.RETRY_BAD_SHAPE,
        node.location(),
        "'max_attempts' must be a whole number from 1 to 100");
    return Optional.empty();
  }

  static int acceptStatus(Collection<String> statuses) {
    return statuses.stream()
        .filter(s -> s.length() == 3 && s.startsWith("2") && s.chars().allMatch(Character::isDigit))
        .mapToInt(Integer::parseInt)
        .min()
        .orElse(202);
  }
}

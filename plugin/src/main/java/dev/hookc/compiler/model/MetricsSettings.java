package dev.hookc.compiler.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code metrics} block of {@code src/eventsources/http.yaml}, read by the {@code
 * hookc-metrics} module when the application has it: whether it serves {@code /metrics}, and where.
 *
 * @param enabled {@code enabled}, when given (the module's default is true)
 * @param path {@code path}, when given (the module's default is {@code /metrics})
 */
public record MetricsSettings(Optional<Boolean> enabled, Optional<String> path) {

  /** The settings of a project whose {@code http.yaml} has no {@code metrics}. */
  public static final MetricsSettings DEFAULTS =
      new MetricsSettings(Optional.empty(), Optional.empty());

  /** The settings given, by the dotted names the runtime passes on: {@code metrics.path}. */
  public Map<String, String> byName() {
    Map<String, String> settings = new LinkedHashMap<>();
    enabled.ifPresent(e -> settings.put("metrics.enabled", e.toString()));
    path.ifPresent(p -> settings.put("metrics.path", p));
    return settings;
  }
}

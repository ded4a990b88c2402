package dev.hookc.compiler.contract;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.model.MetricsSettings;
import dev.hookc.compiler.yaml.ScalarType;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the {@code metrics} block of {@code http.yaml} ({@code metrics: {enabled, path}}),
 * reporting every mistake in it as HC2108.
 */
final class MetricsSettingsReader {
  static final List<String> KEYS = List.of("enabled", "path");

  private final Diagnostics diagnostics;

  MetricsSettingsReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  MetricsSettings read(YamlNode node) {
    if (!(node instanceof YamlMapping metrics)) {
      report(node, "'metrics' must be a mapping such as {enabled: true, path: /metrics}", null);
      return MetricsSettings.DEFAULTS;
    }
    for (YamlMapping.Entry entry : metrics.entries()) {
      if (!KEYS.contains(entry.key().value())) {
        report(
            entry.key(),
            "unknown metrics key '" + entry.key().value() + "'",
            Suggestions.keyHint(entry.key().value(), KEYS));
      }
    }
    return new MetricsSettings(
        metrics.get("enabled").flatMap(this::flag), metrics.get("path").flatMap(this::path));
  }

  private Optional<Boolean> flag(YamlNode node) {
    if (node instanceof YamlScalar scalar && scalar.type() == ScalarType.BOOLEAN) {
      return Optional.of(Boolean.parseBoolean(scalar.value().toLowerCase(Locale.ROOT)));
    }
    report(node, "'enabled' must be true or false", null);
    return Optional.empty();
  }

  /** The path {@code node} names: absolute, without parameters, query or a trailing slash. */
  private Optional<String> path(YamlNode node) {
    if (node instanceof YamlScalar scalar
        && scalar.type() == ScalarType.STRING
        && scalar.value().matches("(/[A-Za-z0-9._~!$&'()*+,;=@-]+)+")) {
      return Optional.of(scalar.value());
    }
    report(
        node,
        "the metrics path must be an absolute path without parameters, such as /metrics",
        "write it with a leading '/', no '{', ':', '?', spaces or trailing '/'");
    return Optional.empty();
  }

  private void report(YamlNode node, String message, String hint) {
    diagnostics.report(ContractCode.SETTINGS_BAD_METRICS, node.location(), message, hint);
  }
}

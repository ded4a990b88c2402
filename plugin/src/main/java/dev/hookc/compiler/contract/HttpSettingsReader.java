package dev.hookc.compiler.contract;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.model.ApiDocsSettings;
import dev.hookc.compiler.model.HttpSettings;
import dev.hookc.compiler.model.MetricsSettings;
import dev.hookc.compiler.yaml.ScalarType;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads the server settings of {@code src/eventsources/http.yaml}, Godspeed's HTTP server settings,
 * checking every key of the file: an unknown one is an error with a did-you-mean, never silently
 * ignored.
 */
public final class HttpSettingsReader {
  static final List<String> KEYS =
      List.of(
          "type",
          "port",
          "base_url",
          "max_body_size",
          "validate_responses",
          "docs",
          "metrics",
          // read by dev.hookc.compiler.security.ServerGuardReader
          "authn",
          "store",
          "admin",
          // read by dev.hookc.compiler.load.HookReader
          "on_request_validation_error",
          "on_response_validation_error");
  static final Set<String> UNSUPPORTED_KEYS =
      Set.of("authz", "log", "cors", "jwt", "request_body_parsing");

  private final Diagnostics diagnostics;

  public HttpSettingsReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** The settings in a mapping already read. */
  public HttpSettings read(YamlMapping root) {
    for (YamlMapping.Entry entry : root.entries()) {
      String key = entry.key().value();
      if (UNSUPPORTED_KEYS.contains(key)) {
        diagnostics.report(
            ContractCode.SETTINGS_UNSUPPORTED_KEY,
            entry.key().location(),
            "'" + key + "' is not supported by hookc yet",
            "remove it; hookc never ignores a key silently");
      } else if (!KEYS.contains(key)) {
        diagnostics.report(
            ContractCode.SETTINGS_UNKNOWN_KEY,
            entry.key().location(),
            "unknown http.yaml key '" + key + "'",
            Suggestions.keyHint(key, KEYS));
      }
    }
    root.get("type").ifPresent(t -> scalar(t, "'type'", ScalarType.STRING));
    return new HttpSettings(
        root.get("port").map(this::port).orElse(OptionalInt.empty()),
        root.get("base_url").map(this::baseUrl).orElse(""),
        root.get("max_body_size").map(this::maxBodySize).orElse(OptionalLong.empty()),
        root.get("validate_responses")
            .map(this::validateResponses)
            .orElse(HttpSettings.ResponseValidation.ENFORCE),
        root.get("docs")
            .map(docs -> new ApiDocsSettingsReader(diagnostics).read(docs))
            .orElse(ApiDocsSettings.DEFAULTS),
        root.get("metrics")
            .map(metrics -> new MetricsSettingsReader(diagnostics).read(metrics))
            .orElse(MetricsSettings.DEFAULTS));
  }

  private OptionalInt port(YamlNode node) {
    Optional<YamlScalar> port = scalar(node, "'port'", ScalarType.INTEGER);
    if (port.isPresent()) {
      long value = Long.parseLong(port.get().value());
      if (value >= 0 && value <= 65535) {
        return OptionalInt.of((int) value);
      }
      diagnostics.report(
          ContractCode.SETTINGS_BAD_VALUE, node.location(), "'port' must be from 0 to 65535");
    }
    return OptionalInt.empty();
  }

  private String baseUrl(YamlNode node) {
    Optional<YamlScalar> url = scalar(node, "'base_url'", ScalarType.STRING);
    if (url.isEmpty()) {
      return "";
    }
    String value = url.get().value();
    if (!value.startsWith("/") || value.contains("{") || value.contains("?")) {
      diagnostics.report(
          ContractCode.SETTINGS_BAD_VALUE,
          node.location(),
          "'base_url' must be a path such as /api",
          "write it with a leading '/' and no parameters");
      return "";
    }
    return value.replaceAll("/+$", "");
  }

  private OptionalLong maxBodySize(YamlNode node) {
    return new SizeReader(diagnostics).size(node);
  }

  private HttpSettings.ResponseValidation validateResponses(YamlNode node) {
    List<String> modes = List.of("enforce", "log", "off");
    Optional<YamlScalar> mode = scalar(node, "'validate_responses'", null);
    if (mode.isPresent() && modes.contains(mode.get().value())) {
      return HttpSettings.ResponseValidation.valueOf(mode.get().value().toUpperCase(Locale.ROOT));
    }
    if (mode.isPresent()) {
      diagnostics.report(
          ContractCode.SETTINGS_BAD_VALUE,
          node.location(),
          "'validate_responses' must be enforce, log or off",
          Suggestions.didYouMean(mode.get().value(), modes).orElse(null));
    }
    return HttpSettings.ResponseValidation.ENFORCE;
  }

  /** The scalar {@code node}, reported unless it is one of {@code type} (any type when null). */
  private Optional<YamlScalar> scalar(YamlNode node, String what, ScalarType type) {
    if (node instanceof YamlScalar scalar && (type == null || scalar.type() == type)) {
      return Optional.of(scalar);
    }
    diagnostics.report(
        ContractCode.SETTINGS_BAD_VALUE,
        node.location(),
        what
            + " must be "
            + (type == ScalarType.INTEGER ? "a whole number" : "a single value")
            + ", found "
            + (node instanceof YamlScalar s ? "'" + s.value() + "'" : "a " + node.kindName()));
    return Optional.empty();
  }
}

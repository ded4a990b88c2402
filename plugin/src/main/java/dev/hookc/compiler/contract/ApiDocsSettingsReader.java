package dev.hookc.compiler.contract;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.model.ApiDocsSettings;
import dev.hookc.compiler.yaml.ScalarType;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import dev.hookc.compiler.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code docs} block of {@code http.yaml} (Godspeed's {@code docs: {endpoint, info}}),
 * reporting every mistake in it as HC2107.
 */
final class ApiDocsSettingsReader {
  static final List<String> KEYS = List.of("enabled", "endpoint", "ui", "info", "servers");
  private static final List<String> INFO_KEYS = List.of("title", "version", "description");
  private static final List<String> SERVER_KEYS = List.of("url", "description");

  private final Diagnostics diagnostics;

  ApiDocsSettingsReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  ApiDocsSettings read(YamlNode node) {
    if (!(node instanceof YamlMapping docs)) {
      report(node, "'docs' must be a mapping such as {endpoint: /api-docs}", null);
      return ApiDocsSettings.DEFAULTS;
    }
    checkKeys(docs, KEYS, "docs");
    boolean enabled = docs.get("enabled").map(this::flag).orElse(true);
    String endpoint =
        docs.get("endpoint").flatMap(this::path).orElse(ApiDocsSettings.DEFAULT_ENDPOINT);
    Optional<String> ui =
        docs.get("ui").isEmpty() ? Optional.of(endpoint + "/ui") : docs.get("ui").flatMap(this::ui);
    Optional<YamlMapping> info = docs.get("info").flatMap(this::info);
    return new ApiDocsSettings(
        enabled,
        endpoint,
        ui,
        info.flatMap(i -> text(i, "title")),
        info.flatMap(i -> text(i, "version")),
        info.flatMap(i -> text(i, "description")),
        docs.get("servers").map(this::servers).orElse(List.of()));
  }

  private boolean flag(YamlNode node) {
    if (node instanceof YamlScalar scalar && scalar.type() == ScalarType.BOOLEAN) {
      return Boolean.parseBoolean(scalar.value().toLowerCase(java.util.Locale.ROOT));
    }
    report(node, "'enabled' must be true or false", null);
    return true;
  }

  /** The path {@code node} names: absolute, without parameters, query or a trailing slash. */
  private Optional<String> path(YamlNode node) {
    if (node instanceof YamlScalar scalar
        && scalar.type() == ScalarType.STRING
        && scalar.value().matches("(/[A-Za-z0-9._~!$&'()*+,;=:@-]+)+")) {
      return Optional.of(scalar.value());
    }
    report(
        node,
        "a docs path must be an absolute path without parameters, such as /api-docs",
        "write it with a leading '/', no '{', '?', spaces or trailing '/'");
    return Optional.empty();
  }

  private Optional<String> ui(YamlNode node) {
    if (node instanceof YamlScalar scalar && scalar.type() == ScalarType.BOOLEAN) {
      if (scalar.value().equalsIgnoreCase("false")) {
        return Optional.empty();
      }
      report(node, "'ui' is a path, or false to serve no Swagger UI", null);
      return Optional.empty();
    }
    return path(node);
  }

  private Optional<YamlMapping> info(YamlNode node) {
    if (!(node instanceof YamlMapping info)) {
      report(node, "'info' must be a mapping such as {title: Payments, version: 1.2.0}", null);
      return Optional.empty();
    }
    checkKeys(info, INFO_KEYS, "info");
    return Optional.of(info);
  }

  private List<ApiDocsSettings.Server> servers(YamlNode node) {
    if (!(node instanceof YamlSequence list)) {
      report(node, "'servers' must be a list of {url, description}", null);
      return List.of();
    }
    List<ApiDocsSettings.Server> servers = new ArrayList<>();
    for (YamlNode item : list.items()) {
      if (!(item instanceof YamlMapping server)) {
        report(item, "a server must be a mapping {url, description}", null);
        continue;
      }
      checkKeys(server, SERVER_KEYS, "server");
      Optional<String> url = text(server, "url");
      if (url.isEmpty() && server.get("url").isEmpty()) {
        report(server, "a server needs a 'url'", "such as url: https://api.example.com");
      }
      url.ifPresent(u -> servers.add(new ApiDocsSettings.Server(u, text(server, "description"))));
    }
    return servers;
  }

  /** The text of {@code key}, reported when it is not a single value. */
  private Optional<String> text(YamlMapping mapping, String key) {
    Optional<YamlNode> node = mapping.get(key);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    if (node.get() instanceof YamlScalar scalar && !scalar.value().isBlank()) {
      return Optional.of(scalar.value());
    }
    report(node.get(), "'" + key + "' must be text that is not blank", null);
    return Optional.empty();
  }

  private void checkKeys(YamlMapping mapping, List<String> known, String what) {
    for (YamlMapping.Entry entry : mapping.entries()) {
      if (!known.contains(entry.key().value())) {
        report(
            entry.key(),
            "unknown " + what + " key '" + entry.key().value() + "'",
            Suggestions.keyHint(entry.key().value(), known));
      }
    }
  }

  private void report(YamlNode node, String message, String hint) {
    diagnostics.report(ContractCode.SETTINGS_BAD_DOCS, node.location(), message, hint);
  }
}

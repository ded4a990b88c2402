package dev.hookc.compiler.security;

import dev.hookc.compiler.contract.ContractCode;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.model.Authn;
import dev.hookc.compiler.yaml.DurationReader;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the server-wide guard settings of {@code src/eventsources/http.yaml}: the default {@code
 * authn}, the {@code store} the idempotent routes share and the {@code admin} token.
 */
public final class ServerGuardReader {
  private static final Set<String> STORE_KEYS =
      Set.of("url", "data_dir", "datasource", "retention");
  private final Diagnostics diagnostics;
  private final AuthnReader authn;
  private final SecretReader secrets;

  public ServerGuardReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.authn = new AuthnReader(diagnostics);
    this.secrets = new SecretReader(diagnostics);
  }

  /**
   * The server's guard settings.
   *
   * @param authn the default authentication, when set and readable
   * @param authnMalformed whether the default was set but could not be read (reported)
   * @param storeUrl the store's JDBC URL, when given
   * @param dataDirectory the embedded store's directory, when given
   * @param adminToken the token of the inboxes' admin endpoints, when given
   * @param storeDatasource the jdbc datasource the store is on, when given
   * @param retention how long the inboxes keep a processed delivery, when given
   */
  public record ServerGuards(
      Optional<Authn> authn,
      boolean authnMalformed,
      Optional<String> storeUrl,
      Optional<String> dataDirectory,
      Optional<Authn.SecretRef> adminToken,
      Optional<YamlScalar> storeDatasource,
      Optional<Duration> retention) {}

  /** The guard settings of {@code http}, the mapping of {@code http.yaml}. */
  public ServerGuards read(YamlMapping http) {
    Optional<YamlNode> defaultNode = http.get("authn");
    Optional<AuthnReader.Declared> declared = defaultNode.flatMap(authn::read);
    Optional<YamlMapping> store = http.get("store").flatMap(this::storeMapping);
    return new ServerGuards(
        declared.flatMap(AuthnReader.Declared::scheme),
        defaultNode.isPresent() && declared.isEmpty(),
        store.flatMap(s -> text(s, "url")),
        store.flatMap(s -> text(s, "data_dir")),
        http.get("admin").flatMap(this::adminToken),
        store.flatMap(s -> s.get("datasource")).flatMap(this::scalar),
        store.flatMap(s -> s.get("retention")).flatMap(this::retention));
  }

  /** HC2109: {@code store.retention}, a duration longer than zero. */
  private Optional<Duration> retention(YamlNode node) {
    Optional<Duration> retention =
        new DurationReader(diagnostics, DurationReader.BareUnit.SECONDS, ContractCode.BAD_RETENTION)
            .read(node, "retention");
    if (retention.isPresent() && retention.get().toMillis() < 1000) {
      diagnostics.report(
          ContractCode.BAD_RETENTION,
          node.location(),
          "'retention' must be at least 1s: the inbox would delete a delivery as soon as it is"
              + " done, and with it the key that deduplicates a sender's redelivery",
          "write a duration such as 7d (the default) or 30d");
      return Optional.empty();
    }
    return retention;
  }

  private Optional<Authn.SecretRef> adminToken(YamlNode node) {
    if (node instanceof YamlMapping mapping && mapping.keys().equals(List.of("token"))) {
      return secrets.read(mapping.get("token").orElseThrow(), "the admin token");
    }
    diagnostics.report(
        SecurityCode.HTTP_SOURCE_BAD_SHAPE,
        node.location(),
        "'admin' must be a mapping with only 'token'",
        "for example 'admin: { token: <% env.HOOKC_ADMIN_TOKEN %> }'");
    return Optional.empty();
  }

  private Optional<YamlMapping> storeMapping(YamlNode node) {
    if (node instanceof YamlMapping mapping) {
      for (YamlMapping.Entry entry : mapping.entries()) {
        if (!STORE_KEYS.contains(entry.key().value())) {
          diagnostics.report(
              SecurityCode.HTTP_SOURCE_BAD_SHAPE,
              entry.key().location(),
              "unknown store setting '" + entry.key().value() + "'",
              Suggestions.keyHint(entry.key().value(), STORE_KEYS));
        }
      }
      return Optional.of(mapping);
    }
    diagnostics.report(
        SecurityCode.HTTP_SOURCE_BAD_SHAPE,
        node.location(),
        "'store' must be a mapping with 'url' or 'data_dir'");
    return Optional.empty();
  }

  private Optional<YamlScalar> scalar(YamlNode node) {
    if (node instanceof YamlScalar scalar) {
      return Optional.of(scalar);
    }
    diagnostics.report(
        SecurityCode.HTTP_SOURCE_BAD_SHAPE, node.location(), "'datasource' must be a single value");
    return Optional.empty();
  }

  private Optional<String> text(YamlMapping mapping, String key) {
    Optional<YamlNode> node = mapping.get(key);
    if (node.isPresent() && !(node.get() instanceof YamlScalar)) {
      diagnostics.report(
          SecurityCode.HTTP_SOURCE_BAD_SHAPE,
          node.get().location(),
          "'" + key + "' must be a single value");
      return Optional.empty();
    }
    return node.map(n -> ((YamlScalar) n).value());
  }
}

package dev.hookc.compiler.datasource;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.model.Datasource;
import dev.hookc.compiler.model.DatasourceSetting;
import dev.hookc.compiler.yaml.DurationReader;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import dev.hookc.compiler.yaml.YamlSequence;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a {@code type: http} (Godspeed's {@code axios}) datasource. */
final class HttpDatasourceReader {
  static final Set<String> KEYS =
      Set.of("type", "base_url", "headers", "timeout", "authn", "retry", "operations");
  static final Set<String> RETRY_KEYS =
      Set.of("max_attempts", "when", "type", "interval", "min_interval", "max_interval");

  /** {@code <method>./<path>}, as a task's {@code fn} writes it after the datasource's name. */
  static final Pattern OPERATION = Pattern.compile("(get|post|put|patch|delete)\\.(/.*)");

  private final Keys keys;
  private final DurationReader durations;

  HttpDatasourceReader(Keys keys, Diagnostics diagnostics) {
    this.keys = keys;
    this.durations =
        new DurationReader(
            diagnostics, DurationReader.BareUnit.MILLISECONDS, DatasourceCode.MALFORMED);
  }

  Optional<Datasource> read(String name, String file, YamlMapping root) {
    keys.check(root, KEYS, "http datasource");
    Optional<DatasourceSetting> baseUrl =
        keys.requiredSetting(root, "base_url", "http datasource '" + name + "'");
    Map<String, DatasourceSetting> headers = new LinkedHashMap<>();
    root.get("headers")
        .flatMap(h -> keys.mapping(h, "'headers'"))
        .ifPresent(
            mapping ->
                mapping
                    .entries()
                    .forEach(
                        e ->
                            keys.scalar(e.value(), "header '" + e.key().value() + "'")
                                .flatMap(v -> keys.setting(v, e.key().value()))
                                .ifPresent(s -> headers.put(e.key().value(), s))));
    Duration timeout =
        root.get("timeout")
            .flatMap(t -> durations.read(t, "timeout"))
            .orElse(Duration.ofSeconds(10));
    Optional<Datasource.HttpAuthn> authn =
        root.get("authn").flatMap(a -> keys.mapping(a, "'authn'")).flatMap(this::authn);
    Datasource.HttpRetry retry =
        root.get("retry")
            .flatMap(r -> keys.mapping(r, "'retry'"))
            .map(this::retry)
            .orElse(Datasource.HttpRetry.NONE);
    Map<String, Datasource.HttpOperation> operations = new LinkedHashMap<>();
    root.get("operations")
        .flatMap(o -> keys.mapping(o, "'operations'"))
        .ifPresent(mapping -> mapping.entries().forEach(e -> operation(e, operations)));
    return baseUrl.map(
        url -> new Datasource.Http(name, file, url, headers, timeout, authn, retry, operations));
  }

  private void operation(YamlMapping.Entry entry, Map<String, Datasource.HttpOperation> out) {
    Matcher key = OPERATION.matcher(entry.key().value());
    if (!key.matches()) {
      keys.malformed(
          entry.key(),
          "operation '" + entry.key().value() + "' is not <method>./<path>",
          "e.g. get./v1/payment_intents/{id}; methods: get, post, put, patch, delete");
      return;
    }
    Optional<YamlNode> response = Optional.empty();
    if (entry.value() instanceof YamlMapping mapping) {
      keys.check(mapping, Set.of("response"), "operation");
      response = mapping.get("response");
    } else {
      keys.malformed(entry.value(), "operation '" + entry.key().value() + "' must be a mapping");
    }
    out.put(
        entry.key().value(),
        new Datasource.HttpOperation(key.group(1), key.group(2), response, entry.key()));
  }

  private Optional<Datasource.HttpAuthn> authn(YamlMapping authn) {
    Optional<String> type = keys.text(authn, "type");
    if (type.isEmpty()) {
      if (authn.get("type").isEmpty()) {
        keys.malformed(authn, "'authn' needs a 'type': bearer, basic or oauth2_client_credentials");
      }
      return Optional.empty();
    }
    switch (type.get()) {
      case "bearer":
        keys.check(authn, Set.of("type", "token"), "bearer authn");
        return keys.requiredSetting(authn, "token", "bearer authn")
            .map(Datasource.HttpAuthn.Bearer::new);
      case "basic":
        keys.check(authn, Set.of("type", "user", "password"), "basic authn");
        Optional<DatasourceSetting> user = keys.requiredSetting(authn, "user", "basic authn");
        Optional<DatasourceSetting> password =
            keys.requiredSetting(authn, "password", "basic authn");
        return user.isPresent() && password.isPresent()
            ? Optional.of(new Datasource.HttpAuthn.Basic(user.get(), password.get()))
            : Optional.empty();
      case "oauth2_client_credentials":
        keys.check(
            authn,
            Set.of("type", "token_url", "client_id", "client_secret", "scope", "audience"),
            "oauth2_client_credentials authn");
        String what = "oauth2_client_credentials authn";
        Optional<DatasourceSetting> tokenUrl = keys.requiredSetting(authn, "token_url", what);
        Optional<DatasourceSetting> clientId = keys.requiredSetting(authn, "client_id", what);
        Optional<DatasourceSetting> secret = keys.requiredSetting(authn, "client_secret", what);
        if (tokenUrl.isEmpty() || clientId.isEmpty() || secret.isEmpty()) {
          return Optional.empty();
        }
        return Optional.of(
            new Datasource.HttpAuthn.ClientCredentials(
                tokenUrl.get(),
                clientId.get(),
                secret.get(),
                keys.setting(authn, "scope"),
                keys.setting(authn, "audience")));
      default:
        keys.malformed(
            authn.get("type").get(),
            "unknown authn type '" + type.get() + "': bearer, basic or oauth2_client_credentials");
        return Optional.empty();
    }
  }

  private Datasource.HttpRetry retry(YamlMapping retry) {
    keys.check(retry, RETRY_KEYS, "retry");
    int maxAttempts = keys.positive(retry, "max_attempts", 100).orElse(3);
    Set<Integer> statuses = new TreeSet<>(Set.of(429, 502, 503, 504));
    boolean connectionErrors = true;
    Optional<YamlMapping> when = retry.get("when").flatMap(w -> keys.mapping(w, "'when'"));
    if (when.isPresent()) {
      keys.check(when.get(), Set.of("status", "connection_errors"), "retry.when");
      Optional<YamlNode> status = when.get().get("status");
      if (status.isPresent()) {
        statuses = statuses(status.get());
      }
      connectionErrors = keys.bool(when.get(), "connection_errors").orElse(true);
    }
    String backoff = keys.text(retry, "type").orElse("constant");
    if (!Set.of("constant", "exponential", "random").contains(backoff)) {
      keys.malformed(
          retry.get("type").get(),
          "unknown retry type '" + backoff + "': constant, exponential or random");
      backoff = "constant";
    }
    Duration interval =
        retry
            .get(backoff.equals("random") ? "min_interval" : "interval")
            .or(() -> retry.get("interval"))
            .flatMap(i -> durations.read(i, "interval"))
            .orElse(Duration.ofSeconds(1));
    Duration maxInterval =
        retry
            .get("max_interval")
            .flatMap(i -> durations.read(i, "max_interval"))
            .orElse(Duration.ofSeconds(30));
    return new Datasource.HttpRetry(
        maxAttempts, statuses, connectionErrors, backoff, interval, maxInterval);
  }

  private Set<Integer> statuses(YamlNode node) {
    Set<Integer> statuses = new TreeSet<>();
    if (!(node instanceof YamlSequence sequence)) {
      keys.malformed(node, "'status' must be a list of HTTP statuses, e.g. [429, 503]");
      return statuses;
    }
    for (YamlNode item : sequence.items()) {
      try {
        int status = Integer.parseInt(((YamlScalar) item).value().trim());
        if (status >= 100 && status <= 599) {
          statuses.add(status);
          continue;
        }
      } catch (ClassCastException | NumberFormatException e) {
        // reported below
      }
      keys.malformed(item, "'status' items must be HTTP statuses from 100 to 599");
    }
    return statuses;
  }
}

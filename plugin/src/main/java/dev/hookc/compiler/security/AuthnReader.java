package dev.hookc.compiler.security;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.model.Authn;
import dev.hookc.compiler.yaml.DurationReader;
import dev.hookc.compiler.yaml.ScalarType;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import dev.hookc.compiler.yaml.YamlSequence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an {@code authn} value: {@code false} (public), {@code true} (the server-wide default), or
 * a mapping naming one scheme and its settings.
 */
final class AuthnReader {
  private static final Duration SIGNATURE_TOLERANCE = Duration.ofMinutes(5);
  private static final Set<String> SECRET_KEYS = Set.of("secret", "secrets");
  private static final Map<String, Set<String>> SCHEMES =
      Map.of(
          "standard-webhooks", Set.of("tolerance"),
          "stripe", Set.of("tolerance"),
          "github", Set.of(),
          "hmac", Set.of("header", "algorithm", "encoding", "prefix", "id_header", "event_header"),
          "jwt",
              Set.of(
                  "secretOrKey",
                  "public_key",
                  "jwks_url",
                  "jwks_ttl",
                  "algorithms",
                  "require_exp",
                  "issuer",
                  "audience",
                  "tolerance",
                  "id_header",
                  "event_header"));
  private static final Map<String, Set<String>> CHOICES =
      Map.of("algorithm", Set.of("sha1", "sha256", "sha512"), "encoding", Set.of("hex", "base64"));

  /** What an {@code authn} value says. */
  enum Kind {
    PUBLIC,
    DEFAULT,
    SCHEME
  }

  /** A read {@code authn}; {@code scheme} is present for {@link Kind#SCHEME} only. */
  record Declared(Kind kind, Optional<Authn> scheme) {}

  private final Diagnostics diagnostics;
  private final SecretReader secrets;
  // A bare number has always counted seconds here.
  private final DurationReader durations;
  private final JwtSettingsReader jwtSettings;

  AuthnReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.secrets = new SecretReader(diagnostics);
    this.durations =
        new DurationReader(diagnostics, DurationReader.BareUnit.SECONDS, SecurityCode.BAD_DURATION);
    this.jwtSettings = new JwtSettingsReader(diagnostics);
  }

  /** Reads {@code node}; empty when it is malformed, which has been reported. */
  Optional<Declared> read(YamlNode node) {
    if (node instanceof YamlScalar scalar && scalar.type() == ScalarType.BOOLEAN) {
      boolean on = Boolean.parseBoolean(scalar.value());
      return Optional.of(new Declared(on ? Kind.DEFAULT : Kind.PUBLIC, Optional.empty()));
    }
    if (!(node instanceof YamlMapping mapping) || mapping.entries().size() != 1) {
      diagnostics.report(
          SecurityCode.AUTHN_BAD_SHAPE,
          node.location(),
          "'authn' must be true, false, or a mapping with one scheme",
          "for example 'authn: { stripe: { secret: <% config.stripe.secret %> } }'");
      return Optional.empty();
    }
    YamlMapping.Entry entry = mapping.entries().get(0);
    String scheme = entry.key().value();
    if (!SCHEMES.containsKey(scheme)) {
      diagnostics.report(
          SecurityCode.AUTHN_UNKNOWN_SCHEME,
          entry.key().location(),
          "unknown authn scheme '" + scheme + "'",
          Suggestions.didYouMean(scheme, SCHEMES.keySet())
              .orElse(
                  "use one of " + String.join(", ", new java.util.TreeSet<>(SCHEMES.keySet()))));
      return Optional.empty();
    }
    if (!(entry.value() instanceof YamlMapping settings)) {
      diagnostics.report(
          SecurityCode.AUTHN_BAD_OPTION,
          entry.value().location(),
          "the settings of '" + scheme + "' must be a mapping",
          "give at least 'secret: <% config.path.to.secret %>'");
      return Optional.empty();
    }
    return scheme(scheme, entry.key(), settings)
        .map(a -> new Declared(Kind.SCHEME, Optional.of(a)));
  }

  private Optional<Authn> scheme(String scheme, YamlScalar key, YamlMapping settings) {
    int before = errorCount();
    Set<String> allowed = new java.util.HashSet<>(SCHEMES.get(scheme));
    allowed.addAll(SECRET_KEYS);
    Map<String, String> options = new LinkedHashMap<>();
    List<Authn.SecretRef> refs = new ArrayList<>();
    Optional<Authn.SecretRef> publicKey = Optional.empty();
    Duration tolerance = scheme.equals("jwt") ? Duration.ZERO : SIGNATURE_TOLERANCE;
    for (YamlMapping.Entry setting : settings.entries()) {
      String name = setting.key().value();
      YamlNode value = setting.value();
      if (!allowed.contains(name)) {
        diagnostics.report(
            SecurityCode.AUTHN_BAD_OPTION,
            setting.key().location(),
            "unknown setting '" + name + "' for authn scheme '" + scheme + "'",
            Suggestions.keyHint(name, allowed));
      } else if (name.equals("secret") || name.equals("secretOrKey")) {
        secrets.read(value, "'" + name + "'").ifPresent(refs::add);
      } else if (name.equals("secrets")) {
        secretList(value, refs);
      } else if (name.equals("public_key")) {
        publicKey = secrets.read(value, "'public_key'");
      } else if (name.equals("tolerance")) {
        tolerance = durations.read(value, "tolerance").orElse(tolerance);
      } else if (JwtSettingsReader.SETTINGS.contains(name)) {
        // Read below, once the key the settings must fit is known.
      } else {
        text(name, value).ifPresent(v -> options.put(name, v));
      }
    }
    boolean sharedSecret =
        settings.keys().stream().anyMatch(k -> SECRET_KEYS.contains(k) || k.equals("secretOrKey"));
    long keys =
        (sharedSecret ? 1 : 0)
            + settings.keys().stream()
                .filter(k -> k.equals("public_key") || k.equals("jwks_url"))
                .count();
    boolean secretWritten = keys > 0;
    if (!secretWritten) {
      diagnostics.report(
          SecurityCode.AUTHN_MISSING_SECRET,
          key.location(),
          "authn scheme '" + scheme + "' has no secret",
          scheme.equals("jwt")
              ? "add 'secret: <% config.jwt.secret %>' (HS256), 'public_key:' (RS256, ES256) or"
                  + " 'jwks_url:' (the issuer's rotating keys)"
              : "add 'secret: <% config.path.to.secret %>', or 'secrets:' with a list to rotate");
    }
    Optional<Authn.Jwt> jwt = Optional.empty();
    if (scheme.equals("jwt")) {
      if (keys > 1) {
        diagnostics.report(
            SecurityCode.AUTHN_BAD_OPTION,
            key.location(),
            "a jwt scheme takes one of secrets (HMAC), a 'public_key' or a 'jwks_url'");
      }
      jwt = Optional.of(jwtSettings.read(settings, sharedSecret));
    }
    if (scheme.equals("hmac") && !options.containsKey("header")) {
      diagnostics.report(
          SecurityCode.AUTHN_BAD_OPTION,
          key.location(),
          "authn scheme 'hmac' needs 'header', the header that carries the signature");
    }
    if (options.containsKey("event_header") && !options.containsKey("id_header")) {
      diagnostics.report(
          SecurityCode.AUTHN_BAD_OPTION,
          settings.get("event_header").orElseThrow().location(),
          "'event_header' names the event type of a delivery, which needs 'id_header' too",
          "add 'id_header:' with the header that carries the delivery's id");
    }
    if (errorCount() > before) {
      return Optional.empty();
    }
    return Optional.of(new Authn(scheme, refs, publicKey, tolerance, options, jwt, key.location()));
  }

  private void secretList(YamlNode value, List<Authn.SecretRef> refs) {
    if (!(value instanceof YamlSequence list) || list.items().isEmpty()) {
      diagnostics.report(
          SecurityCode.AUTHN_BAD_OPTION,
          value.location(),
          "'secrets' must be a non-empty list",
          "list the current secret and, while rotating, the next one");
      return;
    }
    list.items().forEach(item -> secrets.read(item, "a secret").ifPresent(refs::add));
  }

  private Optional<String> text(String name, YamlNode value) {
    if (!(value instanceof YamlScalar scalar) || scalar.type() == ScalarType.NULL) {
      diagnostics.report(
          SecurityCode.AUTHN_BAD_OPTION, value.location(), "'" + name + "' must be a single value");
      return Optional.empty();
    }
    Set<String> choices = CHOICES.get(name);
    if (choices != null && !choices.contains(scalar.value())) {
      diagnostics.report(
          SecurityCode.AUTHN_BAD_OPTION,
          value.location(),
          "'" + name + "' must be one of " + String.join(", ", new java.util.TreeSet<>(choices)),
          Suggestions.didYouMean(scalar.value(), choices).orElse(null));
      return Optional.empty();
    }
    return Optional.of(scalar.value());
  }

  private int errorCount() {
    return (int) diagnostics.count(dev.hookc.compiler.diag.Severity.ERROR);
  }
}

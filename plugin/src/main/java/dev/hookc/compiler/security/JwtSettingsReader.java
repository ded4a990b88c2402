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
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * Reads the settings only a {@code jwt} scheme has: {@code jwks_url}, {@code jwks_ttl}, {@code
 * algorithms} and {@code require_exp}, and checks that they fit the scheme's key.
 */
final class JwtSettingsReader {
  static final Set<String> SETTINGS = Set.of("jwks_url", "jwks_ttl", "algorithms", "require_exp");

  private static final Set<String> HMAC = Set.of("HS256", "HS384", "HS512");
  private static final Set<String> ASYMMETRIC =
      Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");
  private static final Duration MIN_TTL = Duration.ofMinutes(1);

  private final Diagnostics diagnostics;
  private final DurationReader durations;

  JwtSettingsReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.durations =
        new DurationReader(diagnostics, DurationReader.BareUnit.SECONDS, SecurityCode.BAD_DURATION);
  }

  /**
   * The jwt settings of {@code settings}, whose key is given by secrets when {@code secrets} is
   * set; what is malformed is reported and left out.
   */
  Authn.Jwt read(YamlMapping settings, boolean secrets) {
    Optional<Authn.SecretRef> url = settings.get("jwks_url").flatMap(this::url);
    Optional<Duration> ttl = settings.get("jwks_ttl").flatMap(node -> ttl(node, settings));
    List<String> algorithms = new ArrayList<>();
    settings
        .get("algorithms")
        .ifPresent(node -> algorithms.addAll(algorithms(node, secrets ? HMAC : ASYMMETRIC)));
    boolean requireExp = settings.get("require_exp").map(this::requireExp).orElse(true);
    return new Authn.Jwt(url, ttl, algorithms, requireExp);
  }

  private Optional<Authn.SecretRef> url(YamlNode node) {
    if (!(node instanceof YamlScalar scalar) || scalar.type() != ScalarType.STRING) {
      return badUrl(node, "'jwks_url' must be a URL");
    }
    String text = scalar.value().trim();
    Matcher reference = SecretReader.REFERENCE.matcher(text);
    if (reference.matches()) {
      // Read when the server starts, and checked then by the same rule.
      return Optional.of(new Authn.SecretRef(reference.group(1), false, scalar.location()));
    }
    if (text.contains("<%")) {
      return badUrl(node, "'jwks_url' must be a URL, or name one configuration value or variable");
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      return badUrl(node, "'jwks_url' is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean https = scheme.equals("https");
    if (uri.getHost() == null
        || uri.getRawUserInfo() != null
        || !(https || (scheme.equals("http") && loopback(uri.getHost())))) {
      return badUrl(node, "'jwks_url' must be an https URL");
    }
    return Optional.of(new Authn.SecretRef(text, true, scalar.location()));
  }

  private Optional<Authn.SecretRef> badUrl(YamlNode node, String message) {
    diagnostics.report(
        SecurityCode.JWKS_BAD,
        node.location(),
        message,
        "keys read over plain http could be swapped on the way; http is allowed only to"
            + " localhost, 127.0.0.0/8 or [::1], for tests");
    return Optional.empty();
  }

  static boolean loopback(String host) {
    return host.equalsIgnoreCase("localhost")
        || host.matches("127(\\.\\d{1,3}){3}")
        || host.equals("[::1]");
  }

  private Optional<Duration> ttl(YamlNode node, YamlMapping settings) {
    Optional<Duration> ttl = durations.read(node, "jwks_ttl");
    if (settings.get("jwks_url").isEmpty()) {
      diagnostics.report(
          SecurityCode.AUTHN_BAD_OPTION,
          node.location(),
          "'jwks_ttl' is how long the keys of a 'jwks_url' are kept, and there is no 'jwks_url'");
      return Optional.empty();
    }
    if (ttl.isPresent() && ttl.get().compareTo(MIN_TTL) < 0) {
      diagnostics.report(
          SecurityCode.JWKS_BAD,
          node.location(),
          "'jwks_ttl' must be at least 1m",
          "keys are fetched again at once when a token names an unknown kid; the time to live only"
              + " bounds how long a removed key stays trusted");
      return Optional.empty();
    }
    return ttl;
  }

  private List<String> algorithms(YamlNode node, Set<String> fitting) {
    List<YamlNode> items = node instanceof YamlSequence sequence ? sequence.items() : List.of(node);
    if (items.isEmpty()) {
      diagnostics.report(
          SecurityCode.JWT_BAD_ALGORITHM, node.location(), "'algorithms' must not be empty");
      return List.of();
    }
    List<String> algorithms = new ArrayList<>();
    for (YamlNode item : items) {
      String name = item instanceof YamlScalar scalar ? scalar.value() : "";
      Set<String> known = new TreeSet<>(HMAC);
      known.addAll(ASYMMETRIC);
      if (name.equalsIgnoreCase("none")) {
        diagnostics.report(
            SecurityCode.JWT_BAD_ALGORITHM,
            item.location(),
            "'none' is never accepted: it would accept tokens without a signature");
      } else if (!known.contains(name)) {
        diagnostics.report(
            SecurityCode.JWT_BAD_ALGORITHM,
            item.location(),
            "unknown JWT algorithm '" + name + "'",
            Suggestions.didYouMean(name, known).orElse("use one of " + String.join(", ", known)));
      } else if (!fitting.contains(name)) {
        diagnostics.report(
            SecurityCode.JWT_BAD_ALGORITHM,
            item.location(),
            HMAC.contains(name)
                ? "'" + name + "' needs a shared 'secret', not a 'public_key' or 'jwks_url'"
                : "'" + name + "' needs a 'public_key' or a 'jwks_url', not a shared secret");
      } else {
        algorithms.add(name);
      }
    }
    return algorithms;
  }

  private boolean requireExp(YamlNode node) {
    if (node instanceof YamlScalar scalar && scalar.type() == ScalarType.BOOLEAN) {
      return Boolean.parseBoolean(scalar.value());
    }
    diagnostics.report(
        SecurityCode.AUTHN_BAD_OPTION, node.location(), "'require_exp' must be true or false");
    return true;
  }
}

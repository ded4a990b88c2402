package dev.hookc.compiler.security;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.expr.ExprCode;
import dev.hookc.compiler.model.Authn;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.Guards;
import dev.hookc.compiler.model.Idempotency;
import dev.hookc.compiler.model.RouteGuard;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Works out each event's guard: its own {@code authn} or else the server-wide default, and its
 * {@code idempotency}. An event without {@code authn} under a server without a default is public,
 * as in Godspeed.
 */
public final class GuardReader {
  private static final Set<String> STORE_KEYS = Set.of("url", "data_dir");
  private final Diagnostics diagnostics;
  private final AuthnReader authn;
  private final IdempotencyReader idempotency;
  private final DeliveryReader delivery;
  private final SecretReader secrets;

  public GuardReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.authn = new AuthnReader(diagnostics);
    this.idempotency = new IdempotencyReader(diagnostics);
    this.delivery = new DeliveryReader(diagnostics);
    this.secrets = new SecretReader(diagnostics);
  }

  /**
   * Reads each event's guards, falling back on the server-wide ones.
   *
   * @param httpSource the mapping of {@code src/eventsources/http.yaml}, when the project has one
   */
  public Guards read(List<Event> events, Optional<YamlMapping> httpSource) {
    Optional<YamlNode> defaultNode = httpSource.flatMap(h -> h.get("authn"));
    Optional<AuthnReader.Declared> defaultDeclared = defaultNode.flatMap(authn::read);
    Optional<Authn> serverDefault = defaultDeclared.flatMap(AuthnReader.Declared::scheme);
    boolean defaultMalformed = defaultNode.isPresent() && defaultDeclared.isEmpty();
    Map<Event, RouteGuard> guards = new LinkedHashMap<>();
    for (Event event : events) {
      Optional<Authn> scheme = serverDefault;
      boolean malformed = defaultMalformed;
      Optional<YamlNode> declared = event.node().get("authn");
      if (declared.isPresent()) {
        Optional<AuthnReader.Declared> read = authn.read(declared.get());
        // 'authn: true' without a default is reported too; the route is not public either.
        malformed =
            read.isEmpty()
                || (read.get().kind() == AuthnReader.Kind.DEFAULT && serverDefault.isEmpty());
        scheme = read.flatMap(d -> resolve(d, serverDefault, declared.get()));
      }
      Optional<Idempotency> key = event.node().get("idempotency").flatMap(idempotency::read);
      RouteGuard guard = new RouteGuard(scheme, key, delivery.read(event), malformed);
      checkDeliveryKey(event, guard);
      guards.put(event, guard);
    }
    Optional<YamlMapping> store =
        httpSource.flatMap(h -> h.get("store")).flatMap(this::storeMapping);
    Optional<Authn.SecretRef> adminToken =
        httpSource.flatMap(h -> h.get("admin")).flatMap(this::adminToken);
    return new Guards(
        guards,
        store.flatMap(s -> text(s, "url")),
        store.flatMap(s -> text(s, "data_dir")),
        adminToken);
  }

  /** A key on {@code inputs.delivery.id} needs a scheme that identifies deliveries. */
  private void checkDeliveryKey(Event event, RouteGuard guard) {
    Optional<Idempotency> key = guard.idempotency().filter(k -> k.source().equals("delivery"));
    Optional<String> why = guard.whyNoDelivery();
    if (key.isPresent() && why.isPresent()) {
      diagnostics.report(
          ExprCode.INPUT_UNAVAILABLE,
          key.get().location(),
          "the requests of "
              + event.method()
              + " "
              + event.path()
              + " carry no inputs.delivery: "
              + why.get(),
          RouteGuard.DELIVERY_HINT + ", or key on a header");
    }
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
              Suggestions.didYouMean(entry.key().value(), STORE_KEYS)
                  .orElse("use url or data_dir"));
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

  private Optional<Authn> resolve(
      AuthnReader.Declared declared, Optional<Authn> serverDefault, YamlNode node) {
    switch (declared.kind()) {
      case PUBLIC:
        return Optional.empty();
      case DEFAULT:
        if (serverDefault.isEmpty()) {
          diagnostics.report(
              SecurityCode.AUTHN_NO_DEFAULT,
              node.location(),
              "'authn: true' asks for the server's authentication, but none is configured",
              "set 'authn:' in src/eventsources/http.yaml, name a scheme here, or write"
                  + " 'authn: false'");
        }
        return serverDefault;
      default:
        return declared.scheme();
    }
  }
}

package dev.hookc.compiler.security;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.model.Authn;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.Idempotency;
import dev.hookc.compiler.model.RouteGuard;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Works out each event's guard: its own {@code authn} or else the server-wide default, and its
 * {@code idempotency}. An event without {@code authn} under a server without a default is public,
 * as in Godspeed.
 */
public final class GuardReader {
  private final Diagnostics diagnostics;
  private final AuthnReader authn;
  private final IdempotencyReader idempotency;

  public GuardReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.authn = new AuthnReader(diagnostics);
    this.idempotency = new IdempotencyReader(diagnostics);
  }

  /**
   * @param httpSource the mapping of {@code src/eventsources/http.yaml}, when the project has one
   */
  public Map<Event, RouteGuard> read(List<Event> events, Optional<YamlMapping> httpSource) {
    Optional<Authn> serverDefault =
        httpSource
            .flatMap(h -> h.get("authn"))
            .flatMap(authn::read)
            .flatMap(AuthnReader.Declared::scheme);
    Map<Event, RouteGuard> guards = new LinkedHashMap<>();
    for (Event event : events) {
      Optional<Authn> scheme = serverDefault;
      Optional<YamlNode> declared = event.node().get("authn");
      if (declared.isPresent()) {
        scheme = authn.read(declared.get()).flatMap(d -> resolve(d, serverDefault, declared.get()));
      }
      Optional<Idempotency> key = event.node().get("idempotency").flatMap(idempotency::read);
      guards.put(event, new RouteGuard(scheme, key));
    }
    return guards;
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

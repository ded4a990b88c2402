package dev.hookc.compiler.model;

import java.util.Map;
import java.util.Optional;

/**
 * The guards of a project's routes and the store the idempotent ones share.
 *
 * @param routes each event's guard
 * @param storeUrl the store's JDBC URL from {@code http.yaml}, when given
 * @param dataDirectory the embedded store's directory from {@code http.yaml}, when given
 */
public record Guards(
    Map<Event, RouteGuard> routes, Optional<String> storeUrl, Optional<String> dataDirectory) {

  public Guards {
    routes = Map.copyOf(routes);
  }

  /** No guards at all. */
  public static Guards none() {
    return new Guards(Map.of(), Optional.empty(), Optional.empty());
  }

  /** Whether any route keeps idempotency records, and so needs the store. */
  public boolean needStore() {
    return routes.values().stream().anyMatch(g -> g.idempotency().isPresent());
  }
}

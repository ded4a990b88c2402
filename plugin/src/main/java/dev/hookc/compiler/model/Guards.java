package dev.hookc.compiler.model;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The guards of a project's routes and the store the idempotent ones share.
 *
 * @param routes each event's guard
 * @param storeUrl the store's JDBC URL from {@code http.yaml}, when given
 * @param dataDirectory the embedded store's directory from {@code http.yaml}, when given
 * @param adminToken the token of the inboxes' admin endpoints, which are off without it
 * @param storeDatasource the jdbc datasource the store is on ({@code store: {datasource: db}})
 * @param retention how long the inboxes keep a processed delivery ({@code store: {retention:
 *     30d}}), when the project sets it
 */
public record Guards(
    Map<Event, RouteGuard> routes,
    Optional<String> storeUrl,
    Optional<String> dataDirectory,
    Optional<Authn.SecretRef> adminToken,
    Optional<String> storeDatasource,
    Optional<Duration> retention) {

  public Guards {
    routes = Map.copyOf(routes);
  }

  /** Guards whose store is not on a datasource. */
  public Guards(
      Map<Event, RouteGuard> routes,
      Optional<String> storeUrl,
      Optional<String> dataDirectory,
      Optional<Authn.SecretRef> adminToken) {
    this(routes, storeUrl, dataDirectory, adminToken, Optional.empty(), Optional.empty());
  }

  /** No guards at all. */
  public static Guards none() {
    return new Guards(Map.of(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Whether any route keeps idempotency records, and so needs the store. */
  public boolean needStore() {
    return routes.values().stream()
        .anyMatch(g -> g.idempotency().isPresent() || g.async().isPresent());
  }

  /** Whether any route delivers asynchronously. */
  public boolean anyAsync() {
    return routes.values().stream().anyMatch(g -> g.async().isPresent());
  }
}

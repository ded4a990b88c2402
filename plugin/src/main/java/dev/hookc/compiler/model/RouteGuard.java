package dev.hookc.compiler.model;

import java.util.Optional;

/**
 * What stands before a route's controller: its authentication, when not public, its idempotency,
 * and its asynchronous delivery, when declared.
 */
public record RouteGuard(
    Optional<Authn> authn, Optional<Idempotency> idempotency, Optional<AsyncDelivery> async) {

  public RouteGuard(Optional<Authn> authn, Optional<Idempotency> idempotency) {
    this(authn, idempotency, Optional.empty());
  }

  /** Whether the route runs its controller directly. */
  public boolean isOpen() {
    return authn.isEmpty() && idempotency.isEmpty() && async.isEmpty();
  }
}

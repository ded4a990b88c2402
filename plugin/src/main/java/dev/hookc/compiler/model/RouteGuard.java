package dev.hookc.compiler.model;

import java.util.Optional;

/**
 * What stands before a route's controller: its authentication, when not public, and its
 * idempotency, when declared.
 */
public record RouteGuard(Optional<Authn> authn, Optional<Idempotency> idempotency) {

  /** Whether the route runs its controller directly. */
  public boolean isOpen() {
    return authn.isEmpty() && idempotency.isEmpty();
  }
}

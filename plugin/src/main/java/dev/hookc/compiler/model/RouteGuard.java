package dev.hookc.compiler.model;

import java.util.Optional;

/**
 * What stands before a route's controller: its authentication, when not public, its idempotency,
 * and its asynchronous delivery, when declared.
 *
 * @param authnMalformed whether the route's {@code authn} could not be read (which was reported),
 *     so that {@code authn} is empty without the route being public
 * @param kafka the route's hand-off to Kafka ({@code delivery: kafka}), when declared
 */
public record RouteGuard(
    Optional<Authn> authn,
    Optional<Idempotency> idempotency,
    Optional<AsyncDelivery> async,
    boolean authnMalformed,
    Optional<KafkaHandoff> kafka) {

  public RouteGuard(
      Optional<Authn> authn,
      Optional<Idempotency> idempotency,
      Optional<AsyncDelivery> async,
      boolean authnMalformed) {
    this(authn, idempotency, async, authnMalformed, Optional.empty());
  }

  public RouteGuard(
      Optional<Authn> authn, Optional<Idempotency> idempotency, Optional<AsyncDelivery> async) {
    this(authn, idempotency, async, false);
  }

  public RouteGuard(Optional<Authn> authn, Optional<Idempotency> idempotency) {
    this(authn, idempotency, Optional.empty());
  }

  /** What to do when a route's requests carry no {@code inputs.delivery}. */
  public static final String DELIVERY_HINT =
      "authenticate with standard-webhooks, stripe or github, or give 'hmac' or 'jwt' an"
          + " 'id_header'";

  /**
   * Why the route's requests carry no {@code inputs.delivery}, for instance {@code the route is
   * public}; empty when its authn scheme identifies deliveries, or when its authn is malformed,
   * which is one mistake already reported.
   */
  public Optional<String> whyNoDelivery() {
    if (authnMalformed) {
      return Optional.empty();
    }
    if (authn.isEmpty()) {
      return Optional.of("the route is public");
    }
    if (!authn.get().identifiesDeliveries()) {
      return Optional.of(
          "its authn scheme '"
              + authn.get().scheme()
              + "' has no 'id_header' to identify deliveries");
    }
    return Optional.empty();
  }

  /** Whether the route runs its controller directly. */
  public boolean isOpen() {
    return authn.isEmpty() && idempotency.isEmpty() && async.isEmpty() && kafka.isEmpty();
  }
}

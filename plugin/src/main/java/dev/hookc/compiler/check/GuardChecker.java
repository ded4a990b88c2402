package dev.hookc.compiler.check;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.expr.ExprCode;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.Idempotency;
import dev.hookc.compiler.model.RouteGuard;
import java.util.List;
import java.util.Optional;

/** Checks that each route's guards fit together: a key on a delivery needs delivery ids. */
public final class GuardChecker {
  private final Diagnostics diagnostics;

  public GuardChecker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Reports each idempotency key on {@code inputs.delivery.id} of a route that has none. */
  public void check(List<Event> events) {
    for (Event event : events) {
      RouteGuard guard = event.guard();
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
  }
}

package dev.hookc.compiler.delivery;

import dev.hookc.compiler.check.FunctionTable;
import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.Project;
import dev.hookc.compiler.model.RouteGuard;
import dev.hookc.compiler.model.Workflow;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks each route's delivery guarantees against its sender and its workflow, reporting warnings:
 * an idempotency {@code ttl} shorter than the sender's retry window ({@code HC8001}), a {@code ttl}
 * an async route's inbox does not keep ({@code HC8002}), and a task with an effect that an
 * at-least-once route runs without the delivery's key ({@code HC8003}). Gives what the build
 * remembers of it: each route's manifest entry and each workflow's delivery context.
 */
public final class DeliveryChecker {
  private final Diagnostics diagnostics;

  public DeliveryChecker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Checks every route of {@code project}, whose {@code fn}s resolve in {@code functions}. */
  public DeliveryGuarantees check(Project project, FunctionTable functions) {
    Map<Event, String> routes = new LinkedHashMap<>();
    Map<String, Set<String>> contexts = new TreeMap<>();
    Map<Location, EffectWalk.Finding> findings = new TreeMap<>();
    Duration retention = project.http().retention().orElse(InboxSchedule.RETENTION);
    for (Event event : project.events()) {
      if (!event.isRoute()) {
        continue; // a Kafka event has no sender: routes.json lists what senders call
      }
      RouteGuard guard = event.guard();
      checkTtl(event, guard, retention);
      routes.put(event, RouteEntry.json(event, guard, retention));
      Optional<Workflow> workflow =
          event
              .fn()
              .flatMap(fn -> functions.resolve(fn.name()))
              .filter(ResolvedFunction.WorkflowFunction.class::isInstance)
              .map(f -> ((ResolvedFunction.WorkflowFunction) f).workflow());
      if (workflow.isPresent() && atLeastOnce(guard)) {
        Route route = new Route(event, KeyPaths.of(guard), why(guard));
        new EffectWalk(functions, route, contexts, findings).walk(workflow.get(), route.keys());
      }
    }
    findings.forEach(
        (location, finding) ->
            diagnostics.report(
                DeliveryCode.EFFECT_WITHOUT_DELIVERY_KEY,
                location,
                finding.message(),
                finding.hint()));
    Map<String, String> workflowContexts = new TreeMap<>();
    contexts.forEach((id, lines) -> workflowContexts.put(id, String.join("; ", lines)));
    return new DeliveryGuarantees(routes, workflowContexts);
  }

  /**
   * Whether the route's workflow may run more than once for one delivery: an async route (its inbox
   * runs a delivery again after a failure or a crash), or a synchronous one without idempotency
   * whose scheme identifies deliveries, since such senders retry. A synchronous route whose sender
   * hookc cannot identify (public, {@code jwt} or {@code hmac} without {@code id_header}) is left
   * alone: it may be an API whose client sees each outcome.
   */
  static boolean atLeastOnce(RouteGuard guard) {
    return guard.async().isPresent()
        || (guard.idempotency().isEmpty()
            && guard.authn().map(a -> a.identifiesDeliveries()).orElse(false));
  }

  private static String why(RouteGuard guard) {
    if (guard.async().isPresent()) {
      return "delivery: async, whose inbox runs a delivery again after a failure or a crash";
    }
    String scheme = guard.authn().get().scheme();
    return "no idempotency, and "
        + SenderRetries.of(scheme)
            .map(s -> s.sender() + " " + s.how())
            .orElse("its '" + scheme + "' sender may deliver again");
  }

  /** HC8001 and HC8002, located on the ttl, or on 'idempotency' when the default applies. */
  private void checkTtl(Event event, RouteGuard guard, Duration retention) {
    if (guard.idempotency().isEmpty()) {
      return;
    }
    Duration ttl = guard.idempotency().get().ttl();
    Optional<YamlNode> ttlNode =
        event
            .node()
            .get("idempotency")
            .filter(YamlMapping.class::isInstance)
            .flatMap(m -> ((YamlMapping) m).get("ttl"));
    Location where =
        ttlNode.map(YamlNode::location).orElseGet(() -> keyLocation(event.node(), "idempotency"));
    String ttlText = (ttlNode.isPresent() ? "ttl " : "the default ttl ") + DurationText.of(ttl);
    if (guard.async().isPresent()) {
      if (ttlNode.isPresent() && ttl.compareTo(retention) > 0) {
        InboxSchedule schedule = InboxSchedule.of(guard.async().get());
        diagnostics.report(
            DeliveryCode.TTL_LONGER_THAN_INBOX_KEEPS,
            where,
            ttlText
                + " is longer than this async route keeps a delivery's key: its inbox holds it "
                + DurationText.of(retention)
                + " after the delivery was received (longer only while it is retried, up to "
                + DurationText.of(schedule.horizon())
                + "): a redelivery after "
                + DurationText.of(retention)
                + " is stored and runs the workflow again",
            "on an async route the inbox deduplicates and 'ttl' is not used; write 'ttl: "
                + DurationText.of(retention)
                + "' or less, or make the route synchronous to keep records for the ttl");
      }
      return;
    }
    guard
        .authn()
        .flatMap(a -> SenderRetries.of(a.scheme()))
        .filter(sender -> ttl.compareTo(sender.window()) < 0)
        .ifPresent(
            sender ->
                diagnostics.report(
                    DeliveryCode.TTL_SHORTER_THAN_SENDER_RETRIES,
                    where,
                    ttlText
                        + " is shorter than "
                        + sender.sender()
                        + "'s retry window of "
                        + DurationText.of(sender.window())
                        + " ("
                        + sender.how()
                        + "): a redelivery after "
                        + DurationText.of(ttl)
                        + " runs the workflow again",
                    (ttlNode.isPresent() ? "write 'ttl: " : "add 'ttl: ")
                        + DurationText.roundedUp(sender.window())
                        + "' (or longer) under 'idempotency'"));
  }

  private static Location keyLocation(YamlMapping mapping, String key) {
    for (YamlMapping.Entry entry : mapping.entries()) {
      if (entry.key().value().equals(key)) {
        return entry.key().location();
      }
    }
    return mapping.location();
  }

  /**
   * An at-least-once route, as the walk through its workflows sees it.
   *
   * @param keys where its handling workflow's inputs hold the delivery's key
   * @param why why it runs its workflow at least once, for messages
   */
  record Route(Event event, Set<String> keys, String why) {
    Route {
      keys = Set.copyOf(new TreeSet<>(keys));
    }

    String name() {
      return event.method() + " " + event.path();
    }
  }
}

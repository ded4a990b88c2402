package dev.hookc.compiler.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.compiler.json.JsonTrees;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.RouteGuard;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlScalar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * One route's entry of {@code routes.json}: what a change to its delivery guarantees shows as a
 * diff. Its keys are always in the same order and it holds nothing that changes between builds of
 * the same YAML (no line numbers, no timestamps).
 */
final class RouteEntry {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private RouteEntry() {}

  /**
   * The entry of {@code event}, guarded by {@code guard}, as compact JSON; an inbox keeps a
   * processed delivery for {@code retention}.
   */
  static String json(Event event, RouteGuard guard, Duration retention) {
    ObjectNode entry = JSON.objectNode();
    entry.put("method", event.method().name());
    entry.put("path", event.path());
    entry.put("file", event.file());
    entry.put("fn", event.fn().map(fn -> fn.name()).orElse(null));
    entry.put(
        "authn",
        guard.authn().map(a -> a.scheme()).orElse(guard.authnMalformed() ? "malformed" : "none"));
    entry.put(
        "delivery",
        guard.async().isPresent() ? "async" : guard.kafka().isPresent() ? "kafka" : "sync");
    entry.put(
        "workflowRuns",
        guard.kafka().isPresent()
            ? "where the topic is consumed; each confirmed delivery is in the topic at least once"
            : guard.async().isPresent()
                ? "at least once per accepted delivery"
                : guard.idempotency().isPresent()
                    ? "once per key while its record is kept"
                    : DeliveryChecker.atLeastOnce(guard)
                        ? "once per request, and again when the sender retries"
                        : "once per request");
    entry.set("idempotency", idempotency(event, guard, retention));
    entry.set("inboxRetry", retry(guard));
    entry.set("senderRetries", sender(guard));
    entry.set("statuses", statuses(event, guard));
    return JsonTrees.compact(entry);
  }

  private static JsonNode idempotency(Event event, RouteGuard guard, Duration retention) {
    if (guard.idempotency().isEmpty()) {
      return JSON.nullNode();
    }
    ObjectNode idempotency = JSON.objectNode();
    String key =
        event
            .node()
            .get("idempotency")
            .filter(YamlMapping.class::isInstance)
            .flatMap(m -> ((YamlMapping) m).get("key"))
            .filter(YamlScalar.class::isInstance)
            .map(k -> ((YamlScalar) k).value().trim())
            .orElse("");
    idempotency.put("key", key);
    idempotency.put("source", guard.idempotency().get().source());
    Duration ttl = guard.idempotency().get().ttl();
    idempotency.put("ttl", DurationText.of(ttl));
    idempotency.put(
        "keptFor",
        guard.async().isPresent()
            ? DurationText.of(retention) + " after receipt, by the inbox"
            : DurationText.of(ttl));
    return idempotency;
  }

  private static JsonNode retry(RouteGuard guard) {
    if (guard.async().isEmpty()) {
      return JSON.nullNode();
    }
    InboxSchedule schedule = InboxSchedule.of(guard.async().get());
    ObjectNode retry = JSON.objectNode();
    retry.put("maxAttempts", schedule.maxAttempts());
    ArrayNode delays = retry.putArray("delays");
    schedule.delays().forEach(d -> delays.add(DurationText.of(d)));
    retry.put("horizon", DurationText.of(schedule.horizon()));
    return retry;
  }

  private static JsonNode sender(RouteGuard guard) {
    return guard
        .authn()
        .flatMap(a -> SenderRetries.of(a.scheme()))
        .<JsonNode>map(
            s -> {
              ObjectNode sender = JSON.objectNode();
              sender.put("sender", s.sender());
              sender.put("window", DurationText.of(s.window()));
              sender.put("schedule", s.how());
              return sender;
            })
        .orElse(JSON.nullNode());
  }

  /**
   * What the route can answer: the statuses its event documents, and those hookc itself answers for
   * it (see events.md, "What a request goes through", and webhooks.md).
   */
  private static JsonNode statuses(Event event, RouteGuard guard) {
    ObjectNode statuses = JSON.objectNode();
    List<String> documented = new ArrayList<>(event.responses().keySet());
    documented.sort(Comparator.comparing((String s) -> s.equals("default")).thenComparing(s -> s));
    ArrayNode list = statuses.putArray("documented");
    documented.forEach(list::add);
    guard.async().ifPresent(a -> statuses.put("accepted", a.acceptStatus()));
    guard.kafka().ifPresent(k -> statuses.put("accepted", k.acceptStatus()));
    // 413: every route has a body limit, declared body or not.
    TreeSet<Integer> hookc = new TreeSet<>(List.of(413, 500, 503));
    boolean body = event.bodySchema().isPresent() || !event.bodyContentTypes().isEmpty();
    if (body
        || !event.parameters().isEmpty()
        || guard.idempotency().isPresent()
        || guard.kafka().flatMap(k -> k.key()).isPresent()) {
      hookc.add(400);
    }
    if (guard.authn().isPresent() || guard.authnMalformed()) {
      hookc.add(401);
    }
    if (guard.idempotency().isPresent() && guard.async().isEmpty()) {
      hookc.add(409);
    }
    if (body) {
      hookc.add(415);
    }
    ArrayNode problems = statuses.putArray("problems");
    hookc.forEach(problems::add);
    return statuses;
  }
}

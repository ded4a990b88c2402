package dev.hookc.compiler.delivery;

import dev.hookc.compiler.model.Event;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the delivery check found out that the build remembers per file: each route's entry of {@code
 * routes.json}, and, for each workflow that an at-least-once route runs, which routes do and where
 * its inputs hold their keys (a change to it changes the workflow's warnings).
 *
 * @param routes each event's manifest entry, as compact JSON
 * @param contexts by workflow id, the at-least-once routes that run it and their keys, as text
 */
public record DeliveryGuarantees(Map<Event, String> routes, Map<String, String> contexts) {

  public DeliveryGuarantees {
    routes = Collections.unmodifiableMap(new LinkedHashMap<>(routes));
    contexts = Collections.unmodifiableMap(new TreeMap<>(contexts));
  }

  /** The manifest entry of {@code event}, when it was checked. */
  public Optional<String> route(Event event) {
    return Optional.ofNullable(routes.get(event));
  }

  /** The delivery context of the workflow {@code id}; empty when no at-least-once route runs it. */
  public String context(String id) {
    return contexts.getOrDefault(id, "");
  }
}

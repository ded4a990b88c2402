package dev.hookc.runtime.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which deliveries an admin request is about: their routes, states, time of receipt and error text,
 * as one SQL condition over {@code hookc_inbox}.
 *
 * @param scopes the routes, never empty
 * @param states {@code PENDING}, {@code RUNNING} (pending and claimed by a worker now), {@code
 *     DONE}, {@code DEAD}; empty for any
 * @param receivedBefore epoch milliseconds a delivery was received before, or null
 * @param receivedAfter epoch milliseconds a delivery was received at or after, or null
 * @param errorContains text its last error contains, case-insensitively, or null
 */
record DeliveryFilter(
    List<String> scopes,
    Set<String> states,
    Long receivedBefore,
    Long receivedAfter,
    String errorContains) {

  DeliveryFilter {
    scopes = List.copyOf(scopes);
    states = Set.copyOf(states);
  }

  /** The same deliveries, in {@code states} only. */
  DeliveryFilter withStates(Set<String> states) {
    return new DeliveryFilter(scopes, states, receivedBefore, receivedAfter, errorContains);
  }

  /** A condition to follow {@code WHERE}, its parameters added to {@code params}. */
  String condition(List<Object> params, long now) {
    List<String> parts = new ArrayList<>();
    parts.add("scope IN (" + marks(scopes.size()) + ")");
    params.addAll(scopes);
    if (!states.isEmpty()) {
      List<String> any = new ArrayList<>();
      for (String state : states.stream().sorted().toList()) {
        if (state.equals("RUNNING")) {
          any.add("(state = 'PENDING' AND claimed_until > ?)");
          params.add(now);
        } else if (state.equals("PENDING") && states.contains("RUNNING")) {
          any.add("state = 'PENDING'");
        } else {
          any.add("state = ?");
          params.add(state);
        }
      }
      parts.add("(" + String.join(" OR ", any) + ")");
    }
    if (receivedBefore != null) {
      parts.add("received_at < ?");
      params.add(receivedBefore);
    }
    if (receivedAfter != null) {
      parts.add("received_at >= ?");
      params.add(receivedAfter);
    }
    if (errorContains != null) {
      parts.add("LOWER(last_error) LIKE ? ESCAPE '!'");
      params.add("%" + likeEscaped(errorContains.toLowerCase(Locale.ROOT)) + "%");
    }
    return String.join(" AND ", parts);
  }

  static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  private static String likeEscaped(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}

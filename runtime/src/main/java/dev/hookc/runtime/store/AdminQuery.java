package dev.hookc.runtime.store;

import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Request;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query parameters of an inbox admin request, read strictly: an unknown parameter, a state,
 * duration, instant or limit that is not one, and a route the application does not have are each a
 * 400 problem that names the value, so that a typo never widens a replay or a purge.
 */
final class AdminQuery {
  /** The filters every listing, replay and purge takes. */
  static final Set<String> FILTERS =
      Set.of(
          "route", "state", "olderThan", "newerThan", "receivedBefore", "receivedAfter", "error");

  static final Set<String> STATES = Set.of("PENDING", "RUNNING", "DONE", "DEAD");
  private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

  private final Request request;
  private final long now;

  private AdminQuery(Request request, long now) {
    this.request = request;
    this.now = now;
  }

  /**
   * The parameters of {@code request}, which may be the {@link #FILTERS} and {@code extra}.
   *
   * @throws HttpProblem 400 naming a parameter the endpoint does not take
   */
  static AdminQuery of(Request request, long now, Set<String> extra) {
    for (String name : request.queryParams().keySet()) {
      if (!FILTERS.contains(name) && !extra.contains(name)) {
        Set<String> known = new TreeSet<>(FILTERS);
        known.addAll(extra);
        throw bad("unknown parameter '" + name + "'; this endpoint takes " + known);
      }
    }
    return new AdminQuery(request, now);
  }

  /**
   * The filter of the request over {@code routes} (all of them when the request names none), in
   * {@code defaultStates} when it names none.
   */
  DeliveryFilter filter(List<String> routes, Set<String> defaultStates) {
    List<String> scopes = routes(routes);
    Set<String> states = states();
    Long before = min(instant("receivedBefore"), ago("olderThan"));
    Long after = max(instant("receivedAfter"), ago("newerThan"));
    String error = request.queryParam("error");
    return new DeliveryFilter(
        scopes,
        states.isEmpty() ? defaultStates : states,
        before,
        after,
        error == null || error.isEmpty() ? null : error);
  }

  private List<String> routes(List<String> routes) {
    List<String> named = values("route");
    if (named.isEmpty()) {
      return routes;
    }
    Set<String> scopes = new LinkedHashSet<>();
    for (String name : named) {
      if (routes.contains(name)) {
        scopes.add(name);
        continue;
      }
      // A path alone names the route when one method serves it: "/webhooks/shipments".
      List<String> byPath = routes.stream().filter(r -> r.endsWith(" " + name)).toList();
      if (byPath.size() != 1) {
        throw bad(
            "unknown route '"
                + name
                + "'"
                + (byPath.isEmpty() ? "" : " (ambiguous: name the method too)")
                + "; the routes with an inbox are "
                + routes);
      }
      scopes.add(byPath.get(0));
    }
    return List.copyOf(scopes);
  }

  private Set<String> states() {
    Set<String> states = new LinkedHashSet<>();
    for (String value : values("state")) {
      String state = value.trim().toUpperCase(Locale.ROOT);
      if (!STATES.contains(state)) {
        throw bad("unknown state '" + value + "'; use PENDING, RUNNING, DONE or DEAD");
      }
      states.add(state);
    }
    return states;
  }

  /** Every value of {@code name}, repeated or comma-separated. */
  private List<String> values(String name) {
    List<String> values = new ArrayList<>();
    for (String value : request.queryParams().getOrDefault(name, List.of())) {
      for (String part : value.split(",", -1)) {
        if (!part.isBlank()) {
          values.add(part.trim());
        }
      }
    }
    return values;
  }

  private Long instant(String name) {
    String text = request.queryParam(name);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text).toEpochMilli();
    } catch (DateTimeParseException | ArithmeticException e) {
      throw bad(
          "'"
              + name
              + "' is not an instant: '"
              + text
              + "'; write one such as 2026-12-03T10:15:30Z");
    }
  }

  private Long ago(String name) {
    String text = request.queryParam(name);
    return text == null ? null : now - duration(name, text).toMillis();
  }

  /**
   * {@code text} as a duration in hookc's one syntax, as {@code http.yaml} writes them: a whole
   * number with a unit ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 7d}) or an
   * ISO-8601 duration ({@code PT15S}); a number without a unit is refused rather than guessed.
   */
  static Duration duration(String name, String text) {
    String trimmed = text.trim().toLowerCase(Locale.ROOT);
    Matcher simple = SIMPLE.matcher(trimmed);
    try {
      if (simple.matches()) {
        long amount = Long.parseLong(simple.group(1));
        return switch (simple.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        };
      }
      Duration iso = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
      if (!iso.isNegative()) {
        var unused = iso.toMillis();
        return iso;
      }
    } catch (DateTimeParseException | ArithmeticException e) {
      // Reported below.
    }
    throw bad(
        "'"
            + name
            + "' is not a duration: '"
            + text
            + "'; write a whole number with a unit (500ms, 30s, 5m, 1h, 7d) or an ISO-8601"
            + " duration (PT15S)");
  }

  /** The integer parameter {@code name}, from 1 to {@code max}; {@code fallback} when absent. */
  int limit(String name, int fallback, int max) {
    String text = request.queryParam(name);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value >= 1 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw bad("'" + name + "' must be a whole number from 1 to " + max + ", found '" + text + "'");
  }

  /** The boolean parameter {@code name}: {@code true} or {@code false}, false when absent. */
  boolean flag(String name) {
    String text = request.queryParam(name);
    if (text == null) {
      return false;
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true", "" -> true;
      case "false" -> false;
      default -> throw bad("'" + name + "' must be true or false, found '" + text + "'");
    };
  }

  /** The parameter {@code name}, one of {@code choices}; {@code fallback} when absent. */
  String choice(String name, List<String> choices, String fallback) {
    String text = request.queryParam(name);
    if (text == null) {
      return fallback;
    }
    String value = text.trim().toLowerCase(Locale.ROOT);
    if (!choices.contains(value)) {
      throw bad("'" + name + "' must be one of " + choices + ", found '" + text + "'");
    }
    return value;
  }

  /** The raw parameter {@code name}, or null. */
  String text(String name) {
    return request.queryParam(name);
  }

  static HttpProblem bad(String detail) {
    return new HttpProblem(400, "Bad Request", detail);
  }

  private static Long min(Long a, Long b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return Long.valueOf(Math.min(a, b));
  }

  private static Long max(Long a, Long b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return Long.valueOf(Math.max(a, b));
  }
}

package dev.hookc.runtime.routing;

import dev.hookc.runtime.Route;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the route for a method and decoded path.
 *
 * <p>Among the templates that match a path, those registered for the request's method are tried
 * first, most specific first (a literal segment beats a parameter at the first place they differ).
 * {@code HEAD} falls back to the {@code GET} route. When the path matches but no template has the
 * method, the answer lists the methods that are allowed.
 */
public final class Router {

  /** The outcome of routing one request. */
  public sealed interface Match permits Found, Missing, NotAllowed {}

  /** A route was found; {@code params} are its decoded path parameters. */
  public record Found(Route route, Map<String, String> params) implements Match {}

  /** No template matches the path. */
  public record Missing() implements Match {}

  /** Some template matches the path, but none for the method; {@code allow} lists the methods. */
  public record NotAllowed(String allow) implements Match {}

  private record Entry(Route route, PathTemplate template) {}

  // Indexed by segment count: a boxed-key map lookup per request showed in profiles.
  private final List<List<Entry>> bySize = new ArrayList<>();
  private final String allMethods;

  public Router(Collection<Route> routes) {
    Set<String> keys = new HashSet<>();
    for (Route route : routes) {
      PathTemplate template = PathTemplate.parse(route.path());
      if (!keys.add(route.method() + " " + template.shape())) {
        throw new IllegalArgumentException(
            "duplicate route: " + route.method() + " " + route.path());
      }
      while (bySize.size() <= template.size()) {
        bySize.add(new ArrayList<>());
      }
      bySize.get(template.size()).add(new Entry(route, template));
    }
    Set<String> methods = new TreeSet<>();
    for (Route route : routes) {
      methods.add(route.method());
    }
    if (methods.contains("GET")) {
      methods.add("HEAD");
    }
    methods.add("OPTIONS");
    this.allMethods = String.join(", ", methods);
    // Sorting once lets match() take the first hit as the most specific one.
    bySize.forEach(list -> list.sort((a, b) -> PathTemplate.bySpecificity(a.template, b.template)));
  }

  /**
   * Every method some route takes, with HEAD where GET is and OPTIONS, as an {@code Allow} value.
   */
  public String allMethods() {
    return allMethods;
  }

  public Match match(String method, List<String> segments) {
    List<Entry> candidates =
        segments.size() < bySize.size() ? bySize.get(segments.size()) : List.of();
    Found get = null;
    Set<String> allowed = null;
    for (Entry entry : candidates) {
      Map<String, String> params = entry.template.match(segments);
      if (params == null) {
        continue;
      }
      String routeMethod = entry.route.method();
      if (routeMethod.equals(method)) {
        return new Found(entry.route, Map.copyOf(params));
      }
      if (get == null && method.equals("HEAD") && routeMethod.equals("GET")) {
        get = new Found(entry.route, Map.copyOf(params));
      }
      if (allowed == null) {
        allowed = new TreeSet<>();
      }
      allowed.add(routeMethod);
    }
    if (get != null) {
      return get;
    }
    if (allowed == null) {
      return new Missing();
    }
    if (allowed.contains("GET")) {
      allowed.add("HEAD");
    }
    allowed.add("OPTIONS");
    return new NotAllowed(String.join(", ", allowed));
  }
}

package dev.hookc.runtime.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * An application's components and whether each runs. Components report their state as it changes;
 * the health route reads it on every probe, so both sides are cheap and never block: the states are
 * kept in a concurrent map, and nothing is checked on the probe's thread.
 *
 * <p>The application is up when every component is (and when it has none).
 */
public final class Health {
  private final NavigableMap<String, ComponentHealth> components = new ConcurrentSkipListMap<>();

  /** An application's health with no component yet. */
  public Health() {}

  /** Records component {@code name}'s state, replacing what it reported before. */
  public void report(String name, ComponentHealth state) {
    components.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(state, "state"));
  }

  /** Forgets component {@code name}, which stopped with the application. */
  public void remove(String name) {
    components.remove(Objects.requireNonNull(name, "name"));
  }

  /** Each component's state now, by name in order. */
  public Map<String, ComponentHealth> components() {
    return new LinkedHashMap<>(components);
  }

  /** Whether every component runs. */
  public boolean up() {
    return components.values().stream().allMatch(ComponentHealth::up);
  }

  /**
   * The health route's body: {@code {"status":"UP"}}, with {@code "components"} by name when there
   * are any, each with its {@code status}, {@code detail} (when there is one) and {@code restarts}.
   * The status is {@code DOWN} when any component is.
   */
  public Map<String, Object> body() {
    Map<String, ComponentHealth> now = components();
    boolean up = now.values().stream().allMatch(ComponentHealth::up);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status(up));
    if (!now.isEmpty()) {
      Map<String, Object> each = new LinkedHashMap<>();
      now.forEach(
          (name, state) -> {
            Map<String, Object> component = new LinkedHashMap<>();
            component.put("status", status(state.up()));
            if (state.detail() != null) {
              component.put("detail", state.detail());
            }
            component.put("restarts", state.restarts());
            each.put(name, component);
          });
      body.put("components", each);
    }
    return body;
  }

  private static String status(boolean up) {
    return up ? "UP" : "DOWN";
  }
}

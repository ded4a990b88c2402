package dev.hookc.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@code hookc_component_up}: 1 for each of the application's components that runs (its Kafka
 * consumers, each by its event), 0 while it does not — what the health route reports, for an alert
 * that does not poll {@code /health}. Read on each scrape: the states are in memory.
 */
final class ComponentGauges {
  private final MeterRegistry registry;
  private final Supplier<Map<String, Boolean>> components;
  private final Map<String, Boolean> last = new ConcurrentHashMap<>();

  ComponentGauges(MeterRegistry registry, Supplier<Map<String, Boolean>> components) {
    this.registry = registry;
    this.components = components;
  }

  /** Reads the components' states, registering a gauge for each one seen first. */
  void refresh() {
    components
        .get()
        .forEach(
            (name, up) -> {
              if (last.put(name, up) == null) {
                Gauge.builder(
                        "hookc.component.up",
                        last,
                        states -> states.getOrDefault(name, false) ? 1 : 0)
                    .description("Whether the component runs: 1, or 0 while it restarts or is down")
                    .tag("component", name)
                    .register(registry);
              }
            });
  }
}

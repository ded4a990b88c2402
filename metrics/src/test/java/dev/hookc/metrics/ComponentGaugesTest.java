package dev.hookc.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** {@code hookc_component_up} follows what the components report, scrape by scrape. */
class ComponentGaugesTest {
  @Test
  void eachComponentIsOneWhileItRunsAndZeroWhileItDoesNot() {
    Map<String, Boolean> running = new ConcurrentHashMap<>(Map.of("kafka.payments.hookc", true));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try {
      ComponentGauges gauges = new ComponentGauges(registry, () -> Map.copyOf(running));

      gauges.refresh();
      assertThat(registry.scrape())
          .contains("hookc_component_up{component=\"kafka.payments.hookc\"} 1.0");

      running.put("kafka.payments.hookc", false);
      running.put("kafka.refunds.hookc", true);
      gauges.refresh();
      assertThat(registry.scrape())
          .contains("hookc_component_up{component=\"kafka.payments.hookc\"} 0.0")
          .contains("hookc_component_up{component=\"kafka.refunds.hookc\"} 1.0");
    } finally {
      registry.close();
    }
  }

  @Test
  void anApplicationWithoutComponentsHasNoSeries() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new ComponentGauges(registry, Map::of).refresh();

    assertThat(registry.scrape()).doesNotContain("hookc_component_up");
    registry.close();
  }
}

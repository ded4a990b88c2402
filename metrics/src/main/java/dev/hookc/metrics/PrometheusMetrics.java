package dev.hookc.metrics;

import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import dev.hookc.runtime.telemetry.Telemetry;
import dev.hookc.runtime.telemetry.TelemetryProvider;
import dev.hookc.runtime.telemetry.TelemetrySetup;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;

/**
 * Serves an application's metrics in the Prometheus text format, at {@code /metrics} unless {@code
 * http.yaml} says otherwise ({@code metrics: {enabled, path}}); {@code HOOKC_METRICS=false} turns
 * them off where the application runs, and {@code HOOKC_METRICS_TOKEN} makes the scrape ask for
 * that bearer token.
 */
public final class PrometheusMetrics implements TelemetryProvider {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** How long inbox counts are reused, so that a storm of scrapes queries the store rarely. */
  static final Duration INBOX_CACHE = Duration.ofSeconds(5);

  @Override
  public Telemetry create(TelemetrySetup setup) {
    if (!enabled(setup)) {
      return Telemetry.NONE;
    }
    String path = path(setup);
    String token = setup.environment("HOOKC_METRICS_TOKEN");
    if (token != null && token.isBlank()) {
      token = null;
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("application", setup.application());
    new JvmMemoryMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    InboxGauges inboxes = new InboxGauges(registry, setup.inboxes(), INBOX_CACHE);
    setup.whenStarted(() -> Pools.bind(registry, setup.dataSources()));
    ComponentGauges components = new ComponentGauges(registry, setup::components);
    setup.serve(Route.of("GET", path, scrape(registry, inboxes, components, token)));
    setup.closeOnStop(registry::close);
    setup.closeOnStop(gc);
    return new MetricsTelemetry(registry);
  }

  private static dev.hookc.runtime.RequestHandler scrape(
      PrometheusMeterRegistry registry,
      InboxGauges inboxes,
      ComponentGauges components,
      String token) {
    byte[] expected = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    return request -> {
      if (expected != null) {
        String given = request.header("Authorization");
        if (given == null
            || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
          throw new dev.hookc.runtime.HttpProblem(
                  401, "Unauthorized", "the metrics need the bearer token of HOOKC_METRICS_TOKEN")
              .withType("https://hookc.dev/problems/unauthorized")
              .withHeader("WWW-Authenticate", "Bearer");
        }
      }
      inboxes.refresh();
      components.refresh();
      return Response.of(200, CONTENT_TYPE, registry.scrape().getBytes(StandardCharsets.UTF_8));
    };
  }

  private static boolean enabled(TelemetrySetup setup) {
    String off = setup.environment("HOOKC_METRICS");
    if (off != null && (off.equalsIgnoreCase("false") || off.equalsIgnoreCase("off"))) {
      return false;
    }
    String enabled = setup.setting("metrics.enabled");
    if (enabled == null) {
      return true;
    }
    return switch (enabled.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(
              "metrics.enabled must be true or false: '" + enabled + "'");
    };
  }

  private static String path(TelemetrySetup setup) {
    String path = setup.setting("metrics.path");
    if (path == null) {
      return "/metrics";
    }
    if (!path.startsWith("/") || path.contains("{") || path.contains("?") || path.contains(":")) {
      throw new IllegalArgumentException(
          "metrics.path must be a path such as /metrics, without parameters: '" + path + "'");
    }
    return path;
  }
}

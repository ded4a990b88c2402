package dev.hookc.runtime.telemetry;

import dev.hookc.runtime.Route;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * What a {@link TelemetryProvider} is given for one application: its settings, a way to serve
 * routes ({@code /metrics}) and to close what it opened, and, once the application has started, its
 * inboxes and connection pools.
 */
public final class TelemetrySetup {

  /** A route's inbox, read when a module asks (on each scrape, say). */
  @FunctionalInterface
  public interface InboxView {
    /** The inbox's counts now. */
    InboxCounts counts() throws SQLException;
  }

  /**
   * The application's components that run beside its routes (a Kafka consumer, say), read when a
   * module asks.
   */
  @FunctionalInterface
  public interface ComponentsView {
    /** Each component by name, and whether it runs now. */
    Map<String, Boolean> running();
  }

  private final String application;
  private final Map<String, String> settings;
  private final Function<String, String> environment;
  private final List<Route> routes = new ArrayList<>();
  private final List<AutoCloseable> closeOnStop = new ArrayList<>();
  private final Map<String, InboxView> inboxes = new ConcurrentHashMap<>();
  private final Map<String, DataSource> dataSources = new ConcurrentHashMap<>();
  private final List<Runnable> whenStarted = new ArrayList<>();
  private volatile ComponentsView components = Map::of;

  /**
   * @param application the application's name ({@code service.name}): the project's artifact id
   * @param settings the project's telemetry settings from {@code http.yaml}, by dotted name ({@code
   *     metrics.path})
   * @param environment the environment the application runs in ({@code OTEL_*}, {@code HOOKC_*})
   */
  public TelemetrySetup(
      String application, Map<String, String> settings, Function<String, String> environment) {
    this.application = Objects.requireNonNull(application, "application");
    this.settings = Map.copyOf(settings);
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  /** The application's name. */
  public String application() {
    return application;
  }

  /** A setting from {@code http.yaml} by dotted name, or null. */
  public String setting(String name) {
    return settings.get(name);
  }

  /** A variable of the application's environment, or null. */
  public String environment(String name) {
    return environment.apply(name);
  }

  /** Serves {@code route} next to the project's (e.g. {@code GET /metrics}). */
  public void serve(Route route) {
    routes.add(Objects.requireNonNull(route, "route"));
  }

  /** Closes {@code resource} when the application stops, after its server. */
  public void closeOnStop(AutoCloseable resource) {
    closeOnStop.add(Objects.requireNonNull(resource, "resource"));
  }

  /**
   * The inboxes of the application's async routes, by route; filled as the application starts, so
   * read it when measuring, not when created.
   */
  public Map<String, InboxView> inboxes() {
    return inboxes;
  }

  /** Where {@link #components()} reads from (for the application builder). */
  public void components(ComponentsView view) {
    this.components = Objects.requireNonNull(view, "view");
  }

  /**
   * The application's components now (its Kafka consumers, each by its event), and whether each
   * runs: what the health route reports, for a module to measure.
   */
  public Map<String, Boolean> components() {
    return components.running();
  }

  /**
   * The application's connection pools — {@code store} and each jdbc datasource by name; filled as
   * the application starts.
   */
  public Map<String, DataSource> dataSources() {
    return dataSources;
  }

  /**
   * Runs {@code action} once the application has started, its {@link #inboxes()} and {@link
   * #dataSources()} filled: to bind a connection pool's metrics, say. An action that throws is
   * logged and the application runs on.
   */
  public void whenStarted(Runnable action) {
    whenStarted.add(Objects.requireNonNull(action, "action"));
  }

  /** Runs the {@link #whenStarted} actions (for the application builder). */
  public void started() {
    for (Runnable action : List.copyOf(whenStarted)) {
      try {
        action.run();
      } catch (RuntimeException e) {
        System.getLogger(TelemetrySetup.class.getName())
            .log(
                System.Logger.Level.WARNING,
                "a telemetry module failed as the application started",
                e);
      }
    }
  }

  /** The routes the modules serve (for the application builder). */
  public List<Route> routes() {
    return List.copyOf(routes);
  }

  /** What the modules close on stop (for the application builder). */
  public List<AutoCloseable> resources() {
    return List.copyOf(closeOnStop);
  }
}

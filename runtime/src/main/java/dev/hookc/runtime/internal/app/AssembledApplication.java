package dev.hookc.runtime.internal.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.Application;
import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.Route;
import dev.hookc.runtime.health.Health;
import dev.hookc.runtime.log.ShutdownSequence;
import dev.hookc.runtime.store.JdbcStore;
import dev.hookc.runtime.telemetry.TelemetrySetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An application built from checked {@link Settings}: started once, closed once. */
final class AssembledApplication implements Application {
  private enum State {
    BUILT,
    STARTED,
    CLOSED
  }

  private final Project project;
  private final Settings settings;
  private final Resources resources = new Resources();
  private final ApplicationWiring wiring;
  // What the health route reports: the event sources' consumers, each as its event, and the
  // publishers the brokers refused.
  private final Health health = new Health();
  private State state = State.BUILT; // guarded by this
  private HookcServer server; // guarded by this
  private JdbcStore store; // guarded by this

  AssembledApplication(Project project, Settings settings) {
    this.project = project;
    this.settings = settings;
    this.wiring = new ApplicationWiring(settings, resources, this::store, health);
    // Closed last, after the server and what the routes use: a module may read an inbox until then.
    for (AutoCloseable resource : settings.telemetrySetup().resources()) {
      resources.own(resource);
    }
    settings.telemetrySetup().components(this::componentsRunning);
  }

  @Override
  public synchronized Application start() {
    if (state != State.BUILT) {
      throw new IllegalStateException(
          state == State.STARTED
              ? "the application is started already"
              : "the application was closed; build another one");
    }
    // Closed from here on unless every step succeeds: a failed start leaves nothing behind.
    state = State.CLOSED;
    try {
      // The datasources first: the store may be on one, and functions may use them.
      settings.datasources().open(resources);
      TelemetrySetup telemetry = settings.telemetrySetup();
      telemetry.dataSources().putAll(settings.datasources().pools());
      if (project.needsStore()) {
        store();
      }
      List<Route> routes = new ArrayList<>(project.routes().make(new Startup(this)));
      routes.addAll(telemetry.routes());
      // The server closes the resources when it stops, after the requests in flight; and at
      // once if it cannot listen.
      server =
          settings
              .server()
              .routes(routes)
              .telemetry(settings.telemetry())
              .health(health)
              .closeOnStop(resources)
              .start();
      // The consumers last: they run workflows on what the routes' datasources and store hold.
      settings
          .eventSources()
          .start(project.name(), wiring, settings.telemetry(), health, resources);
      telemetry.started();
    } catch (IOException e) {
      resources.close();
      throw new UncheckedIOException("cannot listen: " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      resources.close();
      throw e;
    } catch (Exception e) {
      resources.close();
      throw new IllegalStateException("cannot make the routes: " + e.getMessage(), e);
    }
    state = State.STARTED;
    return this;
  }

  /** The store, opened on first use and owned unless it is the caller's. */
  synchronized JdbcStore store() {
    if (store == null) {
      JdbcStore opened = settings.store().open(settings.datasources());
      store = settings.store().owned() ? resources.own(opened) : opened;
      // The store's pool, unless it is a datasource's, which is there under its own name.
      if (!settings.datasources().pools().containsValue(store.pool())) {
        settings.telemetrySetup().dataSources().put("store", store.pool());
      }
    }
    return store;
  }

  /** Each component the health route reports, and whether it runs. */
  private Map<String, Boolean> componentsRunning() {
    Map<String, Boolean> running = new LinkedHashMap<>();
    health.components().forEach((name, state) -> running.put(name, state.up()));
    return running;
  }

  Health health() {
    return health;
  }

  Settings settings() {
    return settings;
  }

  ApplicationWiring wiring() {
    return wiring;
  }

  Resources resources() {
    return resources;
  }

  @Override
  public synchronized int port() {
    return running().port();
  }

  @Override
  public synchronized URI baseUri() {
    return running().baseUri();
  }

  private HookcServer running() {
    if (server == null) {
      throw new IllegalStateException("the application is not started");
    }
    return server;
  }

  @Override
  public JsonNode config() {
    return settings.config().deepCopy();
  }

  @Override
  public void stop(Duration grace) {
    Objects.requireNonNull(grace, "grace");
    HookcServer running = closing();
    if (running != null) {
      running.stop(grace);
    }
    resources.close();
  }

  @Override
  public void close() {
    HookcServer running = closing();
    if (running != null) {
      running.close();
    }
    resources.close();
  }

  /** Marks the application closed; the server to stop, if it was running. */
  private synchronized HookcServer closing() {
    state = State.CLOSED;
    return server;
  }

  @Override
  public void stopOnShutdownSignal() {
    ShutdownSequence.stopOnShutdown(this::close);
  }

  @Override
  public String toString() {
    return "hookc application (" + state + ")";
  }
}

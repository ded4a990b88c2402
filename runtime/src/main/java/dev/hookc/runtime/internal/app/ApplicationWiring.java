package dev.hookc.runtime.internal.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.datasource.HttpDatasource;
import dev.hookc.runtime.datasource.JdbcDatasource;
import dev.hookc.runtime.health.Health;
import dev.hookc.runtime.internal.FunctionFactory;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.kafka.KafkaPublisher;
import dev.hookc.runtime.store.JdbcStore;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/** The {@link Wiring} of one application. */
final class ApplicationWiring implements Wiring {
  private final Settings settings;
  private final Resources resources;
  private final Supplier<JdbcStore> store;
  private final Health health;
  private final Map<Class<?>, Object> made = new HashMap<>(); // guarded by itself
  private HttpClient httpClient; // guarded by this

  ApplicationWiring(
      Settings settings, Resources resources, Supplier<JdbcStore> store, Health health) {
    this.settings = settings;
    this.resources = resources;
    this.store = store;
    this.health = health;
  }

  @Override
  public JsonNode config() {
    return settings.config();
  }

  @Override
  public UnaryOperator<String> environment() {
    return settings.environment()::get;
  }

  @Override
  public <T> T function(Class<T> contract, FunctionFactory<? extends T> factory) {
    Objects.requireNonNull(contract, "contract");
    Object given = settings.functions().get(contract);
    if (given != null) {
      return contract.cast(given);
    }
    // A factory may ask for other functions or resources: the lock is reentrant, and each is
    // put in the map only once made.
    synchronized (made) {
      Object function = made.get(contract);
      if (function == null) {
        function =
            Objects.requireNonNull(
                made(contract, factory), () -> "no function made for " + contract);
        if (function instanceof AutoCloseable closeable) {
          resources.own(closeable);
        }
        made.put(contract, function);
      }
      return contract.cast(function);
    }
  }

  private static Object made(Class<?> contract, FunctionFactory<?> factory) {
    try {
      return factory.create();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(
          "the function " + contract.getSimpleName() + " could not be made: " + e, e);
    }
  }

  @Override
  public DataSource dataSource() {
    return settings.store().callersDataSource().orElseGet(() -> store.get().dataSource());
  }

  @Override
  public JdbcDatasource jdbc(String name) {
    return settings.datasources().jdbc(Objects.requireNonNull(name, "name"));
  }

  @Override
  public HttpDatasource http(String name) {
    return settings.datasources().http(Objects.requireNonNull(name, "name"));
  }

  @Override
  public KafkaPublisher kafka(String name) {
    return settings.kafka().publisher(Objects.requireNonNull(name, "name"), resources, health);
  }

  @Override
  public synchronized HttpClient httpClient() {
    if (httpClient == null) {
      HttpClient client =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build();
      // On Java 21 and later the client closes; before, its thread ends once it is unreachable.
      if (client instanceof AutoCloseable closeable) {
        resources.own(closeable);
      }
      httpClient = client;
    }
    return httpClient;
  }

  @Override
  public Clock clock() {
    return settings.clock();
  }
}

package dev.hookc.runtime.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.internal.Wiring;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * The wiring of a workflow made from the configuration alone, for a server that an {@code
 * Application} does not build: the configuration, the process's environment, the system clock and
 * one HTTP client; every function is the one its factory makes. It has no database: an application
 * gives its own.
 */
public final class ConfigWiring implements Wiring {
  private final JsonNode config;
  private HttpClient httpClient; // guarded by this

  private ConfigWiring(JsonNode config) {
    this.config = config;
  }

  /** The wiring of a workflow of a server configured with {@code config}. */
  public static Wiring of(JsonNode config) {
    return new ConfigWiring(config);
  }

  @Override
  public JsonNode config() {
    return config;
  }

  @Override
  public UnaryOperator<String> environment() {
    return System::getenv;
  }

  @Override
  public <T> T function(Class<T> contract, Supplier<? extends T> factory) {
    return contract.cast(
        Objects.requireNonNull(factory.get(), () -> "no function made for " + contract));
  }

  /**
   * @throws IllegalStateException always: only an application has a database to give
   */
  @Override
  public DataSource dataSource() {
    throw new IllegalStateException(
        "a server made without an Application has no database to inject; build it with the"
            + " application's builder");
  }

  @Override
  public synchronized HttpClient httpClient() {
    if (httpClient == null) {
      httpClient =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build();
    }
    return httpClient;
  }

  @Override
  public Clock clock() {
    return Clock.systemUTC();
  }
}

package dev.hookc.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * A hookc project's routes on a {@link HookcServer}, together with what they need — the store and
 * its inbox workers, the Java functions its workflows call, an HTTP client — which the application
 * opens when it starts and closes when it stops.
 *
 * <p>The generated {@code HookcApplication.builder()} returns a {@link Builder} holding the
 * project's routes; {@code HookcApplication.main} builds, starts and stops one on SIGTERM:
 *
 * <pre>{@code
 * try (Application app = HookcApplication.builder().port(0).build().start()) {
 *   // send requests to app.baseUri()
 * }
 * }</pre>
 *
 * <p>Its life has three steps. {@link Builder#build()} reads the configuration and checks every
 * setting and secret, reporting every problem in one {@link ApplicationSettingsException}, and
 * starts nothing. {@link #start()} opens the store (creating or migrating its tables), creates the
 * functions, starts the inbox workers and binds the server; when a step fails, what the earlier
 * steps opened is closed again, the last first, before the failure is thrown. {@link #close()}
 * stops admitting requests, lets those in flight finish, then closes what the application opened,
 * the last first: inbox workers, the functions it created that are {@link AutoCloseable}, the
 * store. What was handed to the builder (a {@link Store}, a {@link DataSource}, a function) stays
 * its owner's and is not closed.
 */
public interface Application extends AutoCloseable {

  /**
   * Opens the store, creates the functions, starts the inbox workers and binds the server; on a
   * failure, closes again what it opened and rethrows. An application starts once.
   *
   * @return this application, started
   * @throws java.io.UncheckedIOException when the server cannot listen (a port in use, say)
   * @throws IllegalStateException when the store cannot be opened, or the application was started
   *     or closed before
   */
  Application start();

  /** The port the server listens on: the one chosen when port 0 was asked for. */
  int port();

  /** The address to reach the server, {@code http://<host>:<port>}; a wildcard host as loopback. */
  URI baseUri();

  /** The configuration {@code config.*} reads: the project's, with the builder's changes. */
  JsonNode config();

  /**
   * Stops: admits no new request, waits up to {@code grace} for those in flight, then closes what
   * the application opened, the last first. Calling it again, or on an application never started,
   * does nothing but mark it closed.
   */
  void stop(Duration grace);

  /** Stops with the server's configured grace (10 s unless {@link Builder#server} changed it). */
  @Override
  void close();

  /**
   * Closes the application when the JVM shuts down (SIGTERM, Ctrl-C, {@code System.exit}), before
   * the resources registered with {@link HookcServer#closeOnShutdown}.
   */
  void stopOnShutdownSignal();

  /**
   * An application's settings, as the generated {@code HookcApplication.builder()} gives them: the
   * project's routes, configuration and functions. Settings given here win over the environment and
   * {@code http.yaml}.
   */
  interface Builder {

    /** Uses {@code config} instead of the project's configuration ({@code config/*.yaml}). */
    Builder config(JsonNode config);

    /**
     * Sets one key of the configuration, e.g. {@code config("stripe.webhook_secret", "whsec_x")};
     * its value is converted to JSON as Jackson converts it. Applied in order, after {@link
     * #config(JsonNode)} or the project's configuration.
     *
     * @throws IllegalArgumentException when the key is empty or has an empty part
     */
    Builder config(String dottedKey, Object value);

    /**
     * Sets an environment variable for this application only: what {@code env.NAME} references, the
     * configuration's environment-variable mapping, {@code HOOKC_ENV}, {@code PORT} and the store's
     * {@code HOOKC_*} variables read. A null value unsets it. By default, the process environment.
     */
    Builder environment(String name, String value);

    /**
     * The directory of the embedded H2 store, overriding {@code HOOKC_STORE_URL}, {@code
     * HOOKC_DATA_DIR} and {@code http.yaml}; a test gives a temporary one.
     */
    Builder dataDirectory(Path directory);

    /**
     * A store of the caller's (e.g. {@code JdbcStore.open(url, user, password)}) instead of the one
     * the application would open; it stays the caller's, to close after the application.
     */
    Builder store(Store store);

    /**
     * A {@code DataSource} of the caller's (a pool with settings of its own, say) for the store:
     * hookc creates or migrates its tables in it and never closes it.
     */
    Builder dataSource(DataSource dataSource);

    /**
     * A {@code DataSource} of the caller's for the jdbc datasource {@code name} of {@code
     * src/datasources}, instead of the pool on its URL: a test's database, say. The datasource's
     * migrations are applied to it, its statements run on it, and hookc never closes it. A name the
     * project has no jdbc datasource of fails {@link #build()}.
     */
    Builder dataSource(String name, DataSource dataSource);

    /**
     * Uses {@code implementation} wherever a workflow calls the function whose generated contract
     * is {@code contract} (e.g. {@code RecordTransactionFunction.class}), instead of the project's
     * class; it stays the caller's and is not closed. A contract the project does not have fails
     * {@link #build()}.
     *
     * @throws IllegalArgumentException when {@code implementation} does not implement {@code
     *     contract}
     */
    <T> Builder function(Class<T> contract, T implementation);

    /** The address to listen on; default {@code 0.0.0.0}, every interface. */
    Builder host(String host);

    /**
     * The port to listen on, 0 for any free one; default {@code PORT} from the environment, else
     * {@code port} in {@code http.yaml}, else 3000.
     */
    Builder port(int port);

    /**
     * Changes transport settings ({@code shutdownGrace}, {@code maxConcurrentRequests}, ...) on the
     * server builder, after the project's own from {@code http.yaml}.
     */
    Builder server(Consumer<HookcServer.Builder> settings);

    /**
     * The clock signature timestamps are checked against and functions are given; default {@link
     * Clock#systemUTC()}.
     */
    Builder clock(Clock clock);

    /**
     * Adds {@code telemetry} to what observes the application, after the telemetry modules found on
     * the class path ({@link dev.hookc.runtime.telemetry.TelemetryProvider}): a test's recorder,
     * say. It is told about every request, guard outcome, delivery, task and datasource call.
     */
    Builder telemetry(dev.hookc.runtime.telemetry.Telemetry telemetry);

    /**
     * Reads the configuration and checks every setting: each secret the routes reference, the admin
     * token, the store's URL and driver, the port, the functions given. Starts nothing.
     *
     * @throws ApplicationSettingsException listing every problem found
     */
    Application build();
  }
}

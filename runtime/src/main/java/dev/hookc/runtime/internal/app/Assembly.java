package dev.hookc.runtime.internal.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.Application;
import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.RequestHandler;
import dev.hookc.runtime.Route;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.datasource.DatasourceDefinition;
import dev.hookc.runtime.kafka.KafkaSourceDefinition;
import dev.hookc.runtime.source.Subscription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a generated {@code HookcApplication} tells the runtime about its project — how to load its
 * configuration, how to make its routes, its function contracts, the secrets its routes reference,
 * whether it needs a store — from which {@link #builder()} makes the application's builder.
 */
public final class Assembly {

  /** Makes the project's routes when the application starts, its store open by then. */
  @FunctionalInterface
  public interface Routes {
    /** The routes, made with what {@code startup} gives. */
    List<Route> make(Startup startup) throws Exception;
  }

  private final Function<Map<String, String>, JsonNode> configuration;
  private final Routes routes;
  private int defaultPort = 3000;
  private final List<Consumer<HookcServer.Builder>> server = new ArrayList<>();
  private final Set<Class<?>> functions = new LinkedHashSet<>();
  private final Map<String, List<String>> secrets = new LinkedHashMap<>();
  private String adminToken;
  private final Map<String, DatasourceDefinition> datasources = new LinkedHashMap<>();
  private final Map<String, KafkaSourceDefinition> kafkaSources = new LinkedHashMap<>();
  private String storeOn;
  private boolean store;
  private String storeUrl;
  private String dataDirectory;
  private ApiDocs apiDocs;
  private String name = "hookc";
  private final Map<String, String> telemetrySettings = new LinkedHashMap<>();
  private final List<EventSources.Subscribed> subscriptions = new ArrayList<>();

  private Assembly(Function<Map<String, String>, JsonNode> configuration, Routes routes) {
    this.configuration = Objects.requireNonNull(configuration, "configuration");
    this.routes = Objects.requireNonNull(routes, "routes");
  }

  /**
   * A project whose configuration {@code configuration} loads from an environment, and whose routes
   * {@code routes} makes.
   */
  public static Assembly of(Function<Map<String, String>, JsonNode> configuration, Routes routes) {
    return new Assembly(configuration, routes);
  }

  /** The port when neither the builder nor {@code PORT} gives one: {@code http.yaml}'s, or 3000. */
  public Assembly defaultPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("not a valid port: " + port);
    }
    this.defaultPort = port;
    return this;
  }

  /** Transport settings of the project ({@code http.yaml}), applied before the builder's. */
  public Assembly server(Consumer<HookcServer.Builder> settings) {
    server.add(Objects.requireNonNull(settings, "settings"));
    return this;
  }

  /** The generated contracts of the project's Java functions, which the builder may replace. */
  public Assembly functions(Class<?>... contracts) {
    for (Class<?> contract : contracts) {
      functions.add(Objects.requireNonNull(contract, "contract"));
    }
    return this;
  }

  /**
   * The secrets that authenticate {@code route}: {@code config.a.b}, {@code env.NAME} or {@code
   * value:<secret>}, resolved and checked when the application is built.
   */
  public Assembly secrets(String route, String... references) {
    if (references.length == 0 || secrets.containsKey(route)) {
      throw new IllegalArgumentException("secrets declared twice or none for " + route);
    }
    secrets.put(Objects.requireNonNull(route, "route"), List.of(references));
    return this;
  }

  /** The reference of the admin endpoints' token, checked when the application is built. */
  public Assembly adminToken(String reference) {
    this.adminToken = Objects.requireNonNull(reference, "reference");
    return this;
  }

  /**
   * Declares that the routes keep idempotency records or inboxes, opened before they are made.
   *
   * @param url the store's URL from {@code http.yaml}, or null
   * @param dataDirectory the embedded store's directory from {@code http.yaml}, or null
   */
  public Assembly store(String url, String dataDirectory) {
    this.store = true;
    this.storeUrl = url;
    this.dataDirectory = dataDirectory;
    return this;
  }

  /**
   * A datasource of {@code src/datasources}: its settings resolved and checked when the application
   * is built, opened (a jdbc one's migrations applied) when it starts, before the store and the
   * functions, and closed after them.
   *
   * @throws IllegalArgumentException when a datasource of that name was declared already
   */
  public Assembly datasource(DatasourceDefinition definition) {
    Objects.requireNonNull(definition, "definition");
    if (datasources.putIfAbsent(definition.name(), definition) != null) {
      throw new IllegalArgumentException("datasource declared twice: " + definition.name());
    }
    return this;
  }

  /**
   * A {@code type: kafka} event source of {@code src/eventsources}, or a kafka datasource of {@code
   * src/datasources}: its settings resolved and checked when the application is built, with every
   * other setting.
   *
   * @throws IllegalArgumentException when a source of that name was declared already
   */
  public Assembly kafkaSource(KafkaSourceDefinition definition) {
    Objects.requireNonNull(definition, "definition");
    KafkaSourceDefinition before = kafkaSources.putIfAbsent(definition.name(), definition);
    if (before != null) {
      throw new IllegalArgumentException(
          definition.label() + " declared twice: also as the " + before.label());
    }
    return this;
  }

  /**
   * Puts the store on the jdbc datasource {@code datasource} ({@code store: {datasource: db}} in
   * {@code http.yaml}): one pool, hookc's tables next to the project's, and each async delivery's
   * workflow committed together with the delivery's completion. Implies {@link #store}.
   */
  public Assembly storeOn(String datasource) {
    this.storeOn = Objects.requireNonNull(datasource, "datasource");
    this.store = true;
    return this;
  }

  /**
   * Serves the project's API documentation: its OpenAPI document ({@code openapi.json}, generated
   * next to {@code application}) at {@code path} and {@code path.yaml}, and Swagger UI at {@code
   * ui} (null for none) when {@code org.webjars:swagger-ui} is on the class path. The environment
   * variable {@code HOOKC_API_DOCS=false} turns it off where the application runs.
   */
  public Assembly apiDocs(Class<?> application, String path, String ui) {
    this.apiDocs = new ApiDocs(application, path, ui);
    return this;
  }

  /**
   * The application's name, as telemetry reports it ({@code service.name}): the project's artifact
   * id; {@code hookc} unless given.
   */
  public Assembly name(String name) {
    if (Objects.requireNonNull(name, "name").isBlank()) {
      throw new IllegalArgumentException("not a valid application name: '" + name + "'");
    }
    this.name = name;
    return this;
  }

  /**
   * A telemetry setting of {@code http.yaml} by dotted name ({@code metrics.path}), which the
   * telemetry modules read.
   */
  public Assembly telemetrySetting(String key, String value) {
    telemetrySettings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, key));
    return this;
  }

  /**
   * An event that reads a topic of a kafka event source ({@link #kafkaSource}) as a consumer group,
   * running the controller {@code handler} makes on each record; its consumer starts with the
   * application and stops with it.
   */
  public Assembly subscription(
      Subscription subscription, Function<Wiring, RequestHandler> handler) {
    subscriptions.add(
        new EventSources.Subscribed(
            Objects.requireNonNull(subscription, "subscription"),
            Objects.requireNonNull(handler, "handler")));
    return this;
  }

  /** A builder for an application of this project. */
  public Application.Builder builder() {
    ApiDocs docs = apiDocs;
    Routes all =
        docs == null
            ? routes
            : startup -> {
              List<Route> made = new ArrayList<>(routes.make(startup));
              String off = startup.wiring().environment().apply("HOOKC_API_DOCS");
              if (!"false".equalsIgnoreCase(off) && !"off".equalsIgnoreCase(off)) {
                made.addAll(docs.routes());
              }
              return made;
            };
    return new ApplicationBuilder(
        new Project(
            configuration,
            all,
            defaultPort,
            server,
            functions,
            secrets,
            Optional.ofNullable(adminToken),
            store,
            Optional.ofNullable(storeUrl),
            Optional.ofNullable(dataDirectory),
            List.copyOf(datasources.values()),
            Optional.ofNullable(storeOn),
            name,
            telemetrySettings,
            List.copyOf(kafkaSources.values()),
            subscriptions));
  }
}

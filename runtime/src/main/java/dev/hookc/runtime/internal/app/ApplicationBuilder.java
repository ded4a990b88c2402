package dev.hookc.runtime.internal.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.runtime.Application;
import dev.hookc.runtime.ApplicationSettingsException;
import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.Store;
import dev.hookc.runtime.internal.datasource.JdbcDefinition;
import dev.hookc.runtime.internal.workflow.ProjectConfig;
import dev.hookc.runtime.log.LogSettings;
import dev.hookc.runtime.log.ShutdownSequence;
import dev.hookc.runtime.security.Secrets;
import dev.hookc.runtime.store.JdbcStore;
import dev.hookc.runtime.telemetry.Telemetry;
import dev.hookc.runtime.telemetry.TelemetryProvider;
import dev.hookc.runtime.telemetry.TelemetrySetup;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** The {@link Application.Builder} of a project's {@link Assembly}. */
final class ApplicationBuilder implements Application.Builder {
  private static final int MIN_ADMIN_TOKEN = 16;

  private final Project project;
  private JsonNode config;
  private final Map<String, JsonNode> keys = new LinkedHashMap<>();
  private final Map<String, String> environment = new HashMap<>();
  private Path dataDirectory;
  private JdbcStore store;
  private DataSource dataSource;
  private final Map<String, DataSource> dataSources = new LinkedHashMap<>();
  private final Map<Class<?>, Object> functions = new LinkedHashMap<>();
  private String host = "0.0.0.0";
  private Integer port;
  private final List<Consumer<HookcServer.Builder>> server = new ArrayList<>();
  private Clock clock = Clock.systemUTC();
  private final List<Telemetry> telemetries = new ArrayList<>();

  ApplicationBuilder(Project project) {
    this.project = project;
  }

  @Override
  public Application.Builder config(JsonNode config) {
    this.config = Objects.requireNonNull(config, "config").deepCopy();
    return this;
  }

  @Override
  public Application.Builder config(String dottedKey, Object value) {
    Objects.requireNonNull(dottedKey, "dottedKey");
    for (String part : dottedKey.split("\\.", -1)) {
      if (part.isEmpty()) {
        throw new IllegalArgumentException("not a configuration key: '" + dottedKey + "'");
      }
    }
    keys.remove(dottedKey); // the last value set is applied last
    keys.put(dottedKey, Json.mapper().valueToTree(value));
    return this;
  }

  @Override
  public Application.Builder environment(String name, String value) {
    environment.put(Objects.requireNonNull(name, "name"), value);
    return this;
  }

  @Override
  public Application.Builder dataDirectory(Path directory) {
    this.dataDirectory = Objects.requireNonNull(directory, "directory");
    return this;
  }

  @Override
  public Application.Builder store(Store store) {
    Objects.requireNonNull(store, "store");
    if (!(store instanceof JdbcStore jdbc)) {
      throw new IllegalArgumentException(
          "not a store hookc can use: " + store.getClass().getName() + "; open a JdbcStore");
    }
    this.store = jdbc;
    return this;
  }

  @Override
  public Application.Builder dataSource(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    return this;
  }

  @Override
  public Application.Builder dataSource(String name, DataSource dataSource) {
    dataSources.put(
        Objects.requireNonNull(name, "name"), Objects.requireNonNull(dataSource, "dataSource"));
    return this;
  }

  @Override
  public <T> Application.Builder function(Class<T> contract, T implementation) {
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(implementation, "implementation");
    if (!contract.isInstance(implementation)) {
      throw new IllegalArgumentException(
          implementation.getClass().getName() + " does not implement " + contract.getName());
    }
    functions.put(contract, implementation);
    return this;
  }

  @Override
  public Application.Builder host(String host) {
    this.host = Objects.requireNonNull(host, "host");
    return this;
  }

  @Override
  public Application.Builder port(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("not a valid port: " + port);
    }
    this.port = port;
    return this;
  }

  @Override
  public Application.Builder server(Consumer<HookcServer.Builder> settings) {
    server.add(Objects.requireNonNull(settings, "settings"));
    return this;
  }

  @Override
  public Application.Builder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  @Override
  public Application.Builder telemetry(Telemetry telemetry) {
    telemetries.add(Objects.requireNonNull(telemetry, "telemetry"));
    return this;
  }

  @Override
  public Application build() {
    List<String> problems = new ArrayList<>();
    Map<String, String> env = environment();
    JsonNode effective = configuration(env, problems);
    checkFunctions(problems);
    Map<String, List<String>> secrets = new LinkedHashMap<>();
    project
        .secrets()
        .forEach(
            (route, references) ->
                secrets.put(route, resolve(route, references, effective, env, problems)));
    Optional<String> adminToken =
        project.adminToken().map(r -> adminToken(r, effective, env, problems));
    Datasources datasources =
        Datasources.plan(
            project.datasources(),
            new DatasourceContext(
                effective,
                env::get,
                StoreChoice.dataDirectory(env, dataDirectory, project),
                Map.copyOf(dataSources),
                clock),
            problems);
    KafkaSources kafka = KafkaSources.plan(project.kafkaSources(), effective, env::get, problems);
    EventSources eventSources =
        EventSources.plan(
            kafka,
            project.kafkaSources().stream().map(k -> k.name()).collect(Collectors.toSet()),
            project.subscriptions(),
            problems);
    StoreChoice chosen = storeChoice(env, problems);
    // The console log read these when it was installed, before anything could report them.
    LogSettings.read(env::get, System::getProperty, problems);
    HookcServer.Builder transport = transport(env, problems);
    TelemetrySetup setup =
        new TelemetrySetup(project.name(), project.telemetrySettings(), env::get);
    Telemetry telemetry = telemetry(setup, problems);
    if (!problems.isEmpty()) {
      // What the modules opened for an application that will not start.
      ShutdownSequence.closeInReverse(setup.resources());
      throw new ApplicationSettingsException(problems);
    }
    return new AssembledApplication(
        project,
        new Settings(
            effective,
            Collections.unmodifiableMap(env),
            Collections.unmodifiableMap(secrets),
            adminToken,
            chosen,
            datasources,
            Map.copyOf(functions),
            clock,
            transport,
            setup,
            telemetry,
            kafka,
            eventSources));
  }

  /**
   * The modules' telemetries, found with {@link ServiceLoader} next to the runtime, then the
   * builder's; a module that refuses its settings adds a problem.
   */
  private Telemetry telemetry(TelemetrySetup setup, List<String> problems) {
    List<Telemetry> all = new ArrayList<>();
    for (TelemetryProvider provider :
        ServiceLoader.load(TelemetryProvider.class, TelemetryProvider.class.getClassLoader())) {
      try {
        Telemetry telemetry = provider.create(setup);
        if (telemetry != null && telemetry != Telemetry.NONE) {
          all.add(telemetry);
        }
      } catch (IllegalArgumentException e) {
        problems.add("a telemetry setting is not valid: " + e.getMessage());
      }
    }
    all.addAll(telemetries);
    return Telemetry.of(all);
  }

  /** The process environment with this builder's changes. */
  private Map<String, String> environment() {
    Map<String, String> env = new HashMap<>(System.getenv());
    environment.forEach(
        (name, value) -> {
          if (value == null) {
            env.remove(name);
          } else {
            env.put(name, value);
          }
        });
    return env;
  }

  private JsonNode configuration(Map<String, String> env, List<String> problems) {
    JsonNode base;
    if (config != null) {
      base = config.deepCopy();
    } else {
      try {
        base = project.configuration().apply(env);
      } catch (IllegalArgumentException e) {
        problems.add("the configuration cannot be read: " + e.getMessage());
        base = JsonNodeFactory.instance.objectNode();
      }
    }
    if (keys.isEmpty()) {
      return base;
    }
    if (!(base instanceof ObjectNode root)) {
      problems.add("the configuration is not a JSON object, so no key of it can be set");
      return base;
    }
    keys.forEach((key, value) -> set(root, key, value));
    return root;
  }

  /**
   * Sets {@code key}, made of parts joined by dots, to {@code value}, making objects on the way.
   */
  private static void set(ObjectNode root, String key, JsonNode value) {
    String[] parts = key.split("\\.", -1);
    ObjectNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode next = node.get(parts[i]);
      node = next instanceof ObjectNode object ? object : node.putObject(parts[i]);
    }
    node.set(parts[parts.length - 1], value);
  }

  private void checkFunctions(List<String> problems) {
    for (Class<?> contract : functions.keySet()) {
      if (!project.functions().contains(contract)) {
        String known =
            project.functions().isEmpty()
                ? "it has no Java functions"
                : "its function contracts are "
                    + project.functions().stream()
                        .map(Class::getName)
                        .sorted()
                        .collect(Collectors.joining(", "));
        problems.add(
            "function("
                + contract.getName()
                + ".class, ...) replaces no function of this project: "
                + known);
      }
    }
  }

  /** Each of {@code references}, resolved one by one so that every missing one is reported. */
  private static List<String> resolve(
      String route,
      List<String> references,
      JsonNode config,
      Map<String, String> env,
      List<String> problems) {
    List<String> secrets = new ArrayList<>();
    for (String reference : references) {
      try {
        secrets.addAll(Secrets.resolve(route, config, env::get, reference));
      } catch (IllegalStateException e) {
        problems.add(e.getMessage());
      }
    }
    return List.copyOf(secrets);
  }

  private static String adminToken(
      String reference, JsonNode config, Map<String, String> env, List<String> problems) {
    List<String> token = resolve("the admin endpoints", List.of(reference), config, env, problems);
    if (token.isEmpty()) {
      return null;
    }
    if (token.get(0).length() < MIN_ADMIN_TOKEN) {
      problems.add(
          "the admin token '"
              + reference
              + "' must have at least "
              + MIN_ADMIN_TOKEN
              + " characters");
    }
    return token.get(0);
  }

  private StoreChoice storeChoice(Map<String, String> env, List<String> problems) {
    if (store != null && dataSource != null) {
      problems.add("give the application a store or a data source, not both");
    }
    StoreChoice chosen =
        store != null
            ? StoreChoice.given(store)
            : dataSource != null
                ? StoreChoice.on(dataSource)
                : project.storeOn().isPresent()
                    ? onDatasource(project.storeOn().get(), env, problems)
                    : StoreChoice.located(env, dataDirectory, project);
    // A project without a store opens one only if a function asks for the database: its
    // settings are checked then.
    if (project.needsStore()) {
      problems.addAll(chosen.problems());
    }
    return chosen;
  }

  /** The store on the project's jdbc datasource {@code name}, as {@code http.yaml} says. */
  private StoreChoice onDatasource(String name, Map<String, String> env, List<String> problems) {
    boolean jdbc =
        project.datasources().stream()
            .anyMatch(d -> d.name().equals(name) && d instanceof JdbcDefinition);
    if (!jdbc) {
      problems.add(
          "http.yaml puts the store on the datasource "
              + name
              + ", but the project has no jdbc datasource of that name");
    }
    String url = env.get("HOOKC_STORE_URL");
    if (url != null && !url.isBlank()) {
      problems.add(
          "HOOKC_STORE_URL is set, but http.yaml puts the store on the datasource "
              + name
              + ": unset one of them");
    }
    return StoreChoice.onDatasource(name);
  }

  private HookcServer.Builder transport(Map<String, String> env, List<String> problems) {
    HookcServer.Builder transport = HookcServer.builder().host(host);
    try {
      transport.port(
          port != null ? port : ProjectConfig.port(env.get("PORT"), project.defaultPort()));
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    List<Consumer<HookcServer.Builder>> all = new ArrayList<>(project.server());
    all.addAll(server);
    for (Consumer<HookcServer.Builder> settings : all) {
      try {
        settings.accept(transport);
      } catch (IllegalArgumentException e) {
        problems.add("a server setting is not valid: " + e.getMessage());
      }
    }
    return transport;
  }
}

package dev.hookc.runtime.internal.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.RequestHandler;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.datasource.Setting;
import dev.hookc.runtime.source.EventSource;
import dev.hookc.runtime.source.EventSourceProvider;
import dev.hookc.runtime.source.EventSourceSetup;
import dev.hookc.runtime.source.RecordProcessor;
import dev.hookc.runtime.source.Subscription;
import dev.hookc.runtime.telemetry.Telemetry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The project's event sources other than HTTP, planned when the application is built (their
 * settings resolved, a module found for each type) and started with it.
 */
final class EventSources {

  /** An event source of {@code src/eventsources} as the generated application declares it. */
  record Definition(String name, String type, Map<String, Setting> settings) {
    Definition {
      settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }
  }

  /** An event that reads from one, and how its controller is made. */
  record Subscribed(Subscription subscription, Function<Wiring, RequestHandler> handler) {}

  /** A source ready to start: its module, its resolved settings and its events. */
  private record Planned(
      EventSourceProvider provider,
      String name,
      Map<String, String> settings,
      List<Subscribed> subscriptions) {}

  static final EventSources NONE = new EventSources(List.of());

  private final List<Planned> planned;

  private EventSources(List<Planned> planned) {
    this.planned = List.copyOf(planned);
  }

  /**
   * The sources that {@code subscriptions} read, each with its settings resolved and its module
   * found; every missing setting, undeclared source and missing module is added to {@code
   * problems}.
   */
  static EventSources plan(
      List<Definition> definitions,
      List<Subscribed> subscriptions,
      JsonNode config,
      UnaryOperator<String> env,
      List<String> problems) {
    if (subscriptions.isEmpty()) {
      return NONE;
    }
    Map<String, EventSourceProvider> providers = new LinkedHashMap<>();
    for (EventSourceProvider provider :
        ServiceLoader.load(EventSourceProvider.class, EventSourceProvider.class.getClassLoader())) {
      providers.putIfAbsent(provider.type(), provider);
    }
    List<Planned> planned = new ArrayList<>();
    for (Definition definition : definitions) {
      List<Subscribed> reading =
          subscriptions.stream()
              .filter(s -> s.subscription().source().equals(definition.name()))
              .toList();
      if (reading.isEmpty()) {
        continue;
      }
      Map<String, String> settings = new LinkedHashMap<>();
      definition
          .settings()
          .forEach(
              (key, setting) -> {
                String value = setting.resolve(config, env);
                if (value == null || value.isBlank()) {
                  problems.add(
                      "the event source "
                          + definition.name()
                          + " has no value for '"
                          + key
                          + "': "
                          + setting.source()
                          + " is not set");
                } else {
                  settings.put(key, value);
                }
              });
      EventSourceProvider provider = providers.get(definition.type());
      if (provider == null) {
        problems.add(
            "the event source "
                + definition.name()
                + " is of type "
                + definition.type()
                + ", which needs the module dev.hookc:hookc-"
                + definition.type()
                + " on the class path");
        continue;
      }
      planned.add(new Planned(provider, definition.name(), settings, reading));
    }
    for (Subscribed subscribed : subscriptions) {
      String source = subscribed.subscription().source();
      if (definitions.stream().noneMatch(d -> d.name().equals(source))) {
        problems.add(
            subscribed.subscription().event()
                + " reads from the event source "
                + source
                + ", which the project does not declare");
      }
    }
    return new EventSources(planned);
  }

  /** Whether the project reads any. */
  boolean isEmpty() {
    return planned.isEmpty();
  }

  /**
   * Starts every source's consumers, each owned by {@code resources} (so stopped before the
   * datasources and store their workflows use).
   */
  void start(String application, Wiring wiring, Telemetry telemetry, Resources resources)
      throws Exception {
    for (Planned source : planned) {
      List<RecordProcessor> processors = new ArrayList<>();
      for (Subscribed subscribed : source.subscriptions()) {
        processors.add(
            new RecordProcessor(
                subscribed.subscription(), subscribed.handler().apply(wiring), telemetry));
      }
      EventSource started =
          source
              .provider()
              .start(
                  new EventSourceSetup(application, source.name(), source.settings(), processors));
      resources.own(started);
    }
  }
}

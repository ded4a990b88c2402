package dev.hookc.runtime.internal.app;

import dev.hookc.runtime.RequestHandler;
import dev.hookc.runtime.health.Health;
import dev.hookc.runtime.internal.Wiring;
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

/**
 * The project's event sources other than HTTP, planned when the application is built (their
 * settings resolved, a module found for each type) and started with it.
 */
final class EventSources {

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
   * The kafka event sources that {@code subscriptions} read, each with its settings as {@code
   * kafka} resolved them (a source whose settings could not be resolved was reported there) and its
   * module found; an undeclared source and a missing module are added to {@code problems}.
   *
   * @param declared the names of the project's kafka event sources
   */
  static EventSources plan(
      KafkaSources kafka,
      java.util.Set<String> declared,
      List<Subscribed> subscriptions,
      List<String> problems) {
    if (subscriptions.isEmpty()) {
      return NONE;
    }
    Map<String, List<Subscribed>> bySource = new LinkedHashMap<>();
    for (Subscribed subscribed : subscriptions) {
      String source = subscribed.subscription().source();
      if (!declared.contains(source)) {
        problems.add(
            subscribed.subscription().event()
                + " reads from the kafka event source "
                + source
                + ", which the project does not declare");
        continue;
      }
      bySource.computeIfAbsent(source, s -> new ArrayList<>()).add(subscribed);
    }
    EventSourceProvider provider = provider("kafka");
    if (provider == null) {
      // hookc-kafka is missing, which the kafka sources' plan reported.
      return NONE;
    }
    List<Planned> planned = new ArrayList<>();
    bySource.forEach(
        (source, reading) -> {
          try {
            Map<String, String> settings = new LinkedHashMap<>();
            kafka
                .settings(source)
                .clientProperties()
                .forEach((key, value) -> settings.put(key, String.valueOf(value)));
            planned.add(new Planned(provider, source, settings, reading));
          } catch (IllegalArgumentException e) {
            // Its settings were not resolved, which was reported with them.
          }
        });
    return new EventSources(planned);
  }

  private static EventSourceProvider provider(String type) {
    for (EventSourceProvider provider :
        ServiceLoader.load(EventSourceProvider.class, EventSourceProvider.class.getClassLoader())) {
      if (provider.type().equals(type)) {
        return provider;
      }
    }
    return null;
  }

  /** Whether the project reads any. */
  boolean isEmpty() {
    return planned.isEmpty();
  }

  /**
   * Starts every source's consumers, each owned by {@code resources} (so stopped before the
   * datasources and store their workflows use), each reporting whether it runs to {@code health}.
   */
  void start(
      String application, Wiring wiring, Telemetry telemetry, Health health, Resources resources)
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
                  new EventSourceSetup(
                      application, source.name(), source.settings(), processors, health));
      resources.own(started);
    }
  }
}

package dev.hookc.runtime.internal.app;

import dev.hookc.runtime.RequestHandler;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.kafka.InboxForward;
import dev.hookc.runtime.kafka.KafkaPublisher;
import dev.hookc.runtime.kafka.KafkaSettings;
import dev.hookc.runtime.store.Inbox;
import dev.hookc.runtime.store.JdbcStore;
import dev.hookc.runtime.store.RetryPolicy;
import java.time.Duration;
import java.util.List;

/**
 * What a generated {@code HookcApplication} makes its routes with when the application starts: the
 * wiring its controllers take, the open store, the secrets {@code build()} resolved, and inbox
 * workers that the application then owns.
 */
public final class Startup {
  private final AssembledApplication application;

  Startup(AssembledApplication application) {
    this.application = application;
  }

  /** The application's wiring, for controllers and workflows. */
  public Wiring wiring() {
    return application.wiring();
  }

  /** The application's store, open. */
  public JdbcStore store() {
    return application.store();
  }

  /**
   * The secrets of {@code route}, as resolved and checked when the application was built.
   *
   * @throws IllegalArgumentException when the project declared none for it
   */
  public List<String> secrets(String route) {
    List<String> secrets = application.settings().secrets().get(route);
    if (secrets == null) {
      throw new IllegalArgumentException("no secrets were declared for " + route);
    }
    return secrets;
  }

  /**
   * The admin endpoints' token, as resolved and checked when the application was built.
   *
   * @throws IllegalStateException when the project declared none
   */
  public String adminToken() {
    return application
        .settings()
        .adminToken()
        .orElseThrow(() -> new IllegalStateException("no admin token was declared"));
  }

  /**
   * The resolved settings of the kafka event source or datasource {@code name}.
   *
   * @throws IllegalArgumentException when the project declared none of that name
   */
  public KafkaSettings kafkaSettings(String name) {
    return application.settings().kafka().settings(name);
  }

  /**
   * The publisher of the kafka event source or datasource {@code name}, shared by the application's
   * routes and closed when the application stops, after the requests in flight: a send that has not
   * settled by then fails, and the route answers 503.
   *
   * @throws IllegalArgumentException when the project declared no kafka event source or datasource
   *     of that name
   */
  public KafkaPublisher kafka(String name) {
    return application
        .settings()
        .kafka()
        .publisher(name, application.resources(), application.health());
  }

  /**
   * Starts {@code workers} threads that run {@code handler} on the deliveries of {@code scope}; the
   * application stops them when it stops, after the requests in flight and before the store.
   */
  public Inbox inbox(
      String scope, RequestHandler handler, RetryPolicy retry, Duration lease, int workers) {
    return inbox(scope, handler, retry, lease, workers, Inbox.RETENTION);
  }

  /**
   * Starts an inbox as {@link #inbox(String, RequestHandler, RetryPolicy, Duration, int)} does,
   * keeping each processed delivery for {@code retention} ({@code store.retention} in {@code
   * http.yaml}) rather than {@link Inbox#RETENTION}.
   */
  public Inbox inbox(
      String scope,
      RequestHandler handler,
      RetryPolicy retry,
      Duration lease,
      int workers,
      Duration retention) {
    return inbox(scope, handler, retry, lease, workers, retention, null);
  }

  /**
   * Starts an inbox as {@link #inbox(String, RequestHandler, RetryPolicy, Duration, int, Duration)}
   * does, whose workers first forward each delivery to Kafka with {@code forward} (the route's
   * {@code forward: {kafka: ...}}), then run {@code handler} when it {@link InboxForward#runs()}.
   * The publisher {@code forward} sends with is to be opened ({@link #kafka(String)}) before this
   * call, so that the application stops the inbox's workers before it closes the publisher.
   */
  public Inbox inbox(
      String scope,
      RequestHandler handler,
      RetryPolicy retry,
      Duration lease,
      int workers,
      Duration retention,
      InboxForward forward) {
    Inbox inbox =
        application
            .resources()
            .own(
                Inbox.builder(store(), scope)
                    .handler(handler)
                    .retry(retry)
                    .lease(lease)
                    .workers(workers)
                    .telemetry(application.settings().telemetry())
                    .retention(retention)
                    .forward(forward)
                    .start());
    application.settings().telemetrySetup().inboxes().put(scope, inbox::counts);
    return inbox;
  }
}

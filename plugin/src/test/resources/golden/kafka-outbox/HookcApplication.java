package dev.hookc.test.outbox;

import dev.hookc.runtime.Application;
import dev.hookc.runtime.ApplicationSettingsException;
import dev.hookc.runtime.Route;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.app.Assembly;
import dev.hookc.runtime.internal.app.Startup;
import dev.hookc.runtime.internal.datasource.Setting;
import dev.hookc.runtime.kafka.InboxForward;
import dev.hookc.runtime.kafka.KafkaHandoff;
import dev.hookc.runtime.kafka.KafkaSourceDefinition;
import dev.hookc.runtime.log.ConsoleLog;
import dev.hookc.runtime.security.Authenticators;
import dev.hookc.runtime.security.DeliveryIdentity;
import dev.hookc.runtime.store.Inbox;
import dev.hookc.runtime.store.RequestKeys;
import dev.hookc.runtime.store.RetryPolicy;
import dev.hookc.test.outbox.events.PostWebhooksReturnsController;
import dev.hookc.test.outbox.validation.PostWebhooksShipmentsBodyValidator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * The project's application: its 2 routes, configuration and functions. Run {@code main}, or
 * build and start one from code and tests with {@link #builder()}.
 */
@Generated("dev.hookc.compiler")
public final class HookcApplication {
  private HookcApplication() {
  }

  /**
   * A builder of the project's application, with its 2 routes, its configuration
   * ({@code config/}) and its functions. Change what a test or a deployment needs (the port,
   * a secret, a function), then {@code build()} and {@code start()}.
   */
  public static Application.Builder builder() {
    return Assembly.of(HookcConfig::load, HookcApplication::routes)
        .name("dev.hookc.test.outbox")
        .defaultPort(3000)
        .secrets("POST /webhooks/shipments", "config.shipments.secret")
        .store(null, null)
        .kafkaSource(kafkaEventSource())
        .apiDocs(HookcApplication.class, "/api-docs", "/api-docs/ui")
        .builder();
  }

  /**
   * Every route, made when the application starts, its store open by then.
   */
  private static List<Route> routes(Startup startup) {
    Wiring wiring = startup.wiring();
    // Forwards POST /webhooks/shipments from its durable inbox to Kafka.
    Inbox postWebhooksShipmentsInbox =
        startup.inbox(
            "POST /webhooks/shipments",
            null,
            new RetryPolicy(20, Duration.ofSeconds(1), Duration.ofMinutes(10), 2),
            Duration.ofMinutes(2),
            4,
            Inbox.RETENTION,
            InboxForward.to(startup.kafka("kafka"), "kafka", "shipments")
                .route("POST /webhooks/shipments")
                .authn("standard-webhooks")
                .key(KafkaHandoff.bodyKey("shipment", "id"))
                .headers("webhook-id")
                .timeout(Duration.ofSeconds(3)));
    // Runs POST /webhooks/returns from its durable inbox.
    Inbox postWebhooksReturnsInbox =
        startup.inbox(
            "POST /webhooks/returns",
            new PostWebhooksReturnsController(wiring),
            new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(5), 2),
            Duration.ofMinutes(2),
            4,
            Inbox.RETENTION,
            InboxForward.to(startup.kafka("kafka"), "kafka", "returns")
                .route("POST /webhooks/returns")
                .key(RequestKeys.header("x-order-id"))
                .timeout(Duration.ofSeconds(5))
                .run(true));
    return List.of(
        Route.of(
            "POST",
            "/webhooks/shipments",
            Authenticators.standardWebhooks(startup.secrets("POST /webhooks/shipments"),
                Duration.ofMinutes(5), wiring.clock())
                .protect(postWebhooksShipmentsInbox.accept(202,
                    DeliveryIdentity.standardWebhooks()::id, json
                    -> PostWebhooksShipmentsBodyValidator.validate(json)))),
        Route.of(
            "POST",
            "/webhooks/returns",
            postWebhooksReturnsInbox.accept(202, null, null)));
  }

  /**
   * Serves on the port in {@code PORT}, else 3000, until stopped (SIGTERM, Ctrl-C), logging to the
   * console in hookc's one-line format. Settings that keep it from starting (a missing
   * secret, ...) are printed, every one, and it exits with status 1.
   */
  public static void main(String[] args) {
    ConsoleLog.install();
    Application application;
    try {
      application = builder().build().start();
    } catch (ApplicationSettingsException e) {
      System.err.println("hookc: " + e.getMessage());
      System.exit(1);
      return;
    }
    application.stopOnShutdownSignal();
    System.out.println("hookc: serving 2 routes on http://localhost:" + application.port());
  }

  /**
   * Kafka event source {@code kafka}, from {@code src/eventsources/kafka.yaml}.
   */
  private static KafkaSourceDefinition kafkaEventSource() {
    return new KafkaSourceDefinition(
        "kafka",
        List.of(new Setting("<% env.KAFKA_BROKERS %>", (config, env)
            -> env.apply("KAFKA_BROKERS"))),
        Optional.of(Setting.literal("payments-receiver")),
        Map.of());
  }
}

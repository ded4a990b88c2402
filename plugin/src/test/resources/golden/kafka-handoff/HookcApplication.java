package dev.hookc.test.kafka;

import dev.hookc.runtime.Application;
import dev.hookc.runtime.ApplicationSettingsException;
import dev.hookc.runtime.Route;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.app.Assembly;
import dev.hookc.runtime.internal.app.Startup;
import dev.hookc.runtime.internal.datasource.Setting;
import dev.hookc.runtime.kafka.KafkaHandoff;
import dev.hookc.runtime.kafka.KafkaSourceDefinition;
import dev.hookc.runtime.log.ConsoleLog;
import dev.hookc.runtime.security.Authenticators;
import dev.hookc.runtime.security.DeliveryIdentity;
import dev.hookc.runtime.store.Idempotency;
import dev.hookc.runtime.store.JdbcStore;
import dev.hookc.test.kafka.events.PostPingController;
import dev.hookc.test.kafka.validation.PostWebhooksStripeBodyValidator;
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
        .name("dev.hookc.test.kafka")
        .defaultPort(3000)
        .secrets("POST /webhooks/stripe", "config.stripe.secret")
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
    JdbcStore store = startup.store();
    return List.of(
        Route.of(
            "POST",
            "/webhooks/stripe",
            Authenticators.stripe(startup.secrets("POST /webhooks/stripe"), Duration.ofMinutes(5),
                wiring.clock())
                .protect(Idempotency.of(store, "POST /webhooks/stripe",
                    DeliveryIdentity.stripe()::id, Duration.ofDays(3))
                    .withBounds(Duration.ofSeconds(13), Duration.ofSeconds(10), wiring.clock())
                    .protect(KafkaHandoff.to(startup.kafka("kafka"), "kafka", "stripe-events")
                        .route("POST /webhooks/stripe")
                        .authn("stripe")
                        .deliveryId(DeliveryIdentity.stripe()::id)
                        .key(KafkaHandoff.bodyKey("data", "object", "id"))
                        .headers("stripe-signature")
                        .timeout(Duration.ofSeconds(3))
                        .validate(json -> PostWebhooksStripeBodyValidator.validate(json))
                        .clock(wiring.clock())
                        .handler()))),
        Route.of("POST", "/ping", new PostPingController(wiring)));
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

package dev.hookc.test.kafka;

import dev.hookc.runtime.Application;
import dev.hookc.runtime.ApplicationSettingsException;
import dev.hookc.runtime.Route;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.app.Assembly;
import dev.hookc.runtime.internal.app.Startup;
import dev.hookc.runtime.internal.datasource.Setting;
import dev.hookc.runtime.kafka.KafkaSourceDefinition;
import dev.hookc.runtime.log.ConsoleLog;
import dev.hookc.runtime.source.Subscription;
import dev.hookc.runtime.store.RetryPolicy;
import dev.hookc.test.kafka.events.KafkaStripeEventsBillingController;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * The project's application: its 0 routes, configuration and functions. Run {@code main}, or
 * build and start one from code and tests with {@link #builder()}.
 */
@Generated("dev.hookc.compiler")
public final class HookcApplication {
  private HookcApplication() {
  }

  /**
   * A builder of the project's application, with its 0 routes, its configuration
   * ({@code config/}) and its functions. Change what a test or a deployment needs (the port,
   * a secret, a function), then {@code build()} and {@code start()}.
   */
  public static Application.Builder builder() {
    return Assembly.of(HookcConfig::load, HookcApplication::routes)
        .name("dev.hookc.test.kafka")
        .defaultPort(3000)
        .kafkaSource(kafkaEventSource())
        .subscription(
            new Subscription(
                "kafka.stripe-events.billing",
                "kafka",
                "stripe-events",
                "billing",
                "stripe-events.failed",
                new RetryPolicy(4, Duration.ofSeconds(2), Duration.ofSeconds(30), 2)),
            KafkaStripeEventsBillingController::new)
        .apiDocs(HookcApplication.class, "/api-docs", "/api-docs/ui")
        .builder();
  }

  /**
   * Every route, made when the application starts.
   */
  private static List<Route> routes(Startup startup) {
    Wiring wiring = startup.wiring();
    return List.of(
        );
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
    System.out.println("hookc: serving 0 routes on http://localhost:" + application.port());
  }

  /**
   * Kafka event source {@code kafka}, from {@code src/eventsources/kafka.yaml}.
   */
  private static KafkaSourceDefinition kafkaEventSource() {
    return new KafkaSourceDefinition(
        "kafka",
        List.of(new Setting("<% env.KAFKA_BROKERS %>", (config, env)
            -> env.apply("KAFKA_BROKERS"))),
        Optional.of(Setting.literal("billing")),
        Map.of());
  }
}

package dev.hookc.test.publish;

import dev.hookc.runtime.Application;
import dev.hookc.runtime.ApplicationSettingsException;
import dev.hookc.runtime.Route;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.app.Assembly;
import dev.hookc.runtime.internal.app.Startup;
import dev.hookc.runtime.internal.datasource.Setting;
import dev.hookc.runtime.kafka.KafkaSourceDefinition;
import dev.hookc.runtime.log.ConsoleLog;
import dev.hookc.test.publish.events.PostPaymentsController;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * The project's application: its 1 route, configuration and functions. Run {@code main}, or
 * build and start one from code and tests with {@link #builder()}.
 */
@Generated("dev.hookc.compiler")
public final class HookcApplication {
  private HookcApplication() {
  }

  /**
   * A builder of the project's application, with its 1 route, its configuration
   * ({@code config/}) and its functions. Change what a test or a deployment needs (the port,
   * a secret, a function), then {@code build()} and {@code start()}.
   */
  public static Application.Builder builder() {
    return Assembly.of(HookcConfig::load, HookcApplication::routes)
        .name("dev.hookc.test.publish")
        .defaultPort(3000)
        .kafkaSource(kafkaEventSource())
        .kafkaSource(busKafkaDatasource())
        .apiDocs(HookcApplication.class, "/api-docs", "/api-docs/ui")
        .builder();
  }

  /**
   * Every route, made when the application starts.
   */
  private static List<Route> routes(Startup startup) {
    Wiring wiring = startup.wiring();
    return List.of(
        Route.of("POST", "/payments", new PostPaymentsController(wiring)));
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
    System.out.println("hookc: serving 1 route on http://localhost:" + application.port());
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

  /**
   * Kafka datasource {@code bus}, from {@code src/datasources/bus.yaml}.
   */
  private static KafkaSourceDefinition busKafkaDatasource() {
    return KafkaSourceDefinition.datasource(
        "bus",
        List.of(new Setting("<% config.bus.brokers %>", (config, env)
            -> config.at("/bus/brokers").asText(null))),
        Optional.empty(),
        Map.of());
  }
}

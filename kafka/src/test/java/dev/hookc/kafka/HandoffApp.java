package dev.hookc.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hookc.runtime.Application;
import dev.hookc.runtime.Route;
import dev.hookc.runtime.internal.app.Assembly;
import dev.hookc.runtime.internal.datasource.Setting;
import dev.hookc.runtime.kafka.KafkaHandoff;
import dev.hookc.runtime.kafka.KafkaSourceDefinition;
import dev.hookc.runtime.security.Authenticators;
import dev.hookc.runtime.security.DeliveryIdentity;
import dev.hookc.runtime.store.Idempotency;
import dev.hookc.test.Signers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An application as hookc generates it for one {@code delivery: kafka} route: {@code POST /hooks},
 * Standard Webhooks signatures, idempotent on the delivery id, keyed on the body's {@code
 * object.id}, {@code x-tenant} copied onto the record, bodies up to 4 MiB. {@link #main} serves it
 * in a process of its own for the crash test, printing its port.
 */
public final class HandoffApp {
  /** The route's signing secret. */
  public static final String SECRET = "whsec_" + "c2VjcmV0LWtleS1mb3ItaGFuZG9mZi10ZXN0cw==";

  private HandoffApp() {}

  /** A builder of the application, its store in {@code data}, handing off to {@code topic}. */
  public static Application.Builder builder(
      String bootstrapServers, String topic, Duration timeout, Path data) {
    return builder(bootstrapServers, Map.of(), topic, timeout, data);
  }

  /** As {@link #builder}, with client {@code properties} as the event source's YAML gives. */
  public static Application.Builder builder(
      String bootstrapServers,
      Map<String, String> properties,
      String topic,
      Duration timeout,
      Path data) {
    Map<String, Setting> settings = new java.util.LinkedHashMap<>();
    properties.forEach((key, value) -> settings.put(key, Setting.literal(value)));
    return Assembly.of(HandoffApp::config, startup -> routes(startup, topic, timeout))
        .name("handoff")
        .secrets("POST /hooks", "value:" + SECRET)
        .store(null, null)
        .kafkaSource(
            new KafkaSourceDefinition(
                "kafka",
                List.of(Setting.literal(bootstrapServers)),
                Optional.of(Setting.literal("handoff-test")),
                settings))
        .builder()
        .host("127.0.0.1")
        .port(0)
        .dataDirectory(data);
  }

  private static JsonNode config(Map<String, String> environment) {
    return JsonNodeFactory.instance.objectNode();
  }

  private static List<Route> routes(
      dev.hookc.runtime.internal.app.Startup startup, String topic, Duration timeout) {
    // The same hand-off without idempotency, for the benchmark's breakdown.
    Route plain =
        Route.of(
            "POST",
            "/plain",
            Authenticators.standardWebhooks(
                    startup.secrets("POST /hooks"), Duration.ofMinutes(5), startup.wiring().clock())
                .protect(
                    KafkaHandoff.to(startup.kafka("kafka"), "kafka", topic)
                        .route("POST /plain")
                        .authn("standard-webhooks")
                        .deliveryId(DeliveryIdentity.standardWebhooks()::id)
                        .key(KafkaHandoff.bodyKey("object", "id"))
                        .timeout(timeout)
                        .handler()));
    return List.of(
        plain,
        Route.of(
                "POST",
                "/hooks",
                Authenticators.standardWebhooks(
                        startup.secrets("POST /hooks"),
                        Duration.ofMinutes(5),
                        startup.wiring().clock())
                    .protect(
                        Idempotency.of(
                                startup.store(),
                                "POST /hooks",
                                DeliveryIdentity.standardWebhooks()::id,
                                Duration.ofDays(1))
                            .withBounds(
                                timeout.plusSeconds(10),
                                Duration.ofSeconds(10),
                                startup.wiring().clock())
                            .protect(
                                KafkaHandoff.to(startup.kafka("kafka"), "kafka", topic)
                                    .route("POST /hooks")
                                    .authn("standard-webhooks")
                                    .deliveryId(DeliveryIdentity.standardWebhooks()::id)
                                    .key(KafkaHandoff.bodyKey("object", "id"))
                                    .headers("x-tenant")
                                    .timeout(timeout)
                                    .clock(startup.wiring().clock())
                                    .handler())))
            // max_body_size: 4MiB, more than Kafka takes by default (1 MiB).
            .withMaxBodyBytes(4 * 1024 * 1024));
  }

  /** A signer of the route's deliveries. */
  public static dev.hookc.test.StandardWebhooksSigner signer() {
    return Signers.standardWebhooks(SECRET);
  }

  /** Serves with args: bootstrap servers, topic, data directory; prints {@code port N}. */
  public static void main(String[] args) throws InterruptedException {
    Application application =
        builder(args[0], args[1], Duration.ofSeconds(10), Path.of(args[2])).build().start();
    System.out.println("port " + application.port());
    System.out.flush();
    Thread.currentThread().join();
  }
}

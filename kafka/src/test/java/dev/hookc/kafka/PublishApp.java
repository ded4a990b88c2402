package dev.hookc.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.runtime.Application;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.Request;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.app.Assembly;
import dev.hookc.runtime.internal.app.Startup;
import dev.hookc.runtime.internal.datasource.Setting;
import dev.hookc.runtime.internal.workflow.RequestInputs;
import dev.hookc.runtime.internal.workflow.Retry;
import dev.hookc.runtime.internal.workflow.TaskRunner;
import dev.hookc.runtime.kafka.KafkaPublisher;
import dev.hookc.runtime.kafka.KafkaSourceDefinition;
import dev.hookc.runtime.kafka.KafkaTasks;
import dev.hookc.runtime.store.Inbox;
import dev.hookc.runtime.store.RetryPolicy;
import dev.hookc.runtime.workflow.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An application as hookc generates it for a project with the kafka datasource {@code bus} ({@code
 * src/datasources/bus.yaml}) and the workflow {@code announce}, whose one task publishes each order
 * to the topic {@code orders}:
 *
 * <pre>
 * - id: announce
 *   fn: datasource.bus.publish
 *   args:
 *     topic: orders
 *     message: {order: &lt;% inputs.body %&gt;}
 *     key: &lt;% inputs.body.id %&gt;
 *     headers: {x-source: orders}
 *     timeout: 2s
 * </pre>
 *
 * It runs for {@code POST /orders} (synchronous) and for {@code POST /async-orders} ({@code
 * delivery: async}, retried every 100 to 500 ms).
 */
final class PublishApp {
  private PublishApp() {}

  /** The workflow {@code announce}, as generated. */
  static final class AnnounceWorkflow {
    private final KafkaPublisher busPublisher;

    AnnounceWorkflow(Wiring wiring) {
      this.busPublisher = wiring.kafka("bus");
    }

    Status run(JsonNode body) throws Exception {
      return TaskRunner.shared()
          .run(
              "announce (src/functions/announce.yaml:3:5)",
              Retry.NONE,
              () ->
                  KafkaTasks.publish(
                      busPublisher,
                      "bus",
                      "orders",
                      object("order", body),
                      body.path("id").asText(null),
                      object("x-source", JsonNodeFactory.instance.textNode("orders")),
                      Duration.ofSeconds(2)))
          .asResult();
    }

    private static ObjectNode object(String name, JsonNode value) {
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      object.set(name, value);
      return object;
    }
  }

  /** The controller of both routes, as generated. */
  static final class AnnounceController implements dev.hookc.runtime.RequestHandler {
    private final AnnounceWorkflow workflow;

    AnnounceController(Wiring wiring) {
      this.workflow = new AnnounceWorkflow(wiring);
    }

    @Override
    public Response handle(Request request) throws Exception {
      return RequestInputs.respond(workflow.run(Json.readBody(request)));
    }
  }

  /** A builder of the application; {@code inbox} is given the async route's inbox. */
  static Application.Builder builder(
      String bootstrapServers, Path data, AtomicReference<Inbox> inbox) {
    return builder(bootstrapServers, Map.of(), data, inbox);
  }

  /** A builder of the application whose datasource {@code bus} has {@code properties}. */
  static Application.Builder builder(
      String bootstrapServers,
      Map<String, Setting> properties,
      Path data,
      AtomicReference<Inbox> inbox) {
    return Assembly.of(config -> JsonNodeFactory.instance.objectNode(), s -> routes(s, inbox))
        .name("publish")
        .store(null, null)
        .kafkaSource(
            KafkaSourceDefinition.datasource(
                "bus",
                List.of(Setting.literal(bootstrapServers)),
                Optional.of(Setting.literal("publish-test")),
                properties))
        .builder()
        .host("127.0.0.1")
        .port(0)
        .dataDirectory(data);
  }

  private static List<Route> routes(Startup startup, AtomicReference<Inbox> holder) {
    Wiring wiring = startup.wiring();
    Inbox inbox =
        startup.inbox(
            "POST /async-orders",
            new AnnounceController(wiring),
            new RetryPolicy(100, Duration.ofMillis(100), Duration.ofMillis(500), 2),
            Duration.ofMinutes(1),
            2,
            Inbox.RETENTION);
    holder.set(inbox);
    return List.of(
        Route.of("POST", "/orders", new AnnounceController(wiring)),
        Route.of("POST", "/async-orders", inbox.accept(202, null, null)));
  }
}

package dev.hookc.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.RequestHandler;
import dev.hookc.runtime.Route;
import dev.hookc.runtime.health.Health;
import dev.hookc.runtime.kafka.InboxForward;
import dev.hookc.runtime.kafka.KafkaModule;
import dev.hookc.runtime.kafka.KafkaPublisher;
import dev.hookc.runtime.kafka.KafkaSettings;
import dev.hookc.runtime.store.Inbox;
import dev.hookc.runtime.store.JdbcStore;
import dev.hookc.runtime.store.RequestKeys;
import dev.hookc.runtime.store.RetryPolicy;
import dev.hookc.runtime.telemetry.InboxCounts;
import dev.hookc.runtime.telemetry.Telemetry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * A {@code delivery: async} route on H2 at {@code POST /hook} whose inbox forwards to a topic, on a
 * real server on 127.0.0.1, port 0, with the publisher hookc-kafka's module opens, as an
 * application would have them.
 */
final class OutboxRoute implements AutoCloseable {
  static final String SCOPE = "POST /hook";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final JdbcStore store;
  final KafkaPublisher publisher;
  final Inbox inbox;
  final HookcServer server;

  private OutboxRoute(JdbcStore store, KafkaPublisher publisher, Inbox inbox, HookcServer server) {
    this.store = store;
    this.publisher = publisher;
    this.inbox = inbox;
    this.server = server;
  }

  /**
   * Starts the route: deliveries forwarded to {@code topic} keyed by the body's {@code id}, with
   * the {@code webhook-id} header copied; {@code configure} may change the forwarding (run, ...).
   */
  static OutboxRoute start(
      Path data,
      String bootstrapServers,
      String topic,
      RequestHandler handler,
      RetryPolicy retry,
      Telemetry telemetry,
      UnaryOperator<InboxForward> configure)
      throws java.io.IOException {
    JdbcStore store = JdbcStore.open(JdbcStore.h2Url(data), null, null);
    KafkaPublisher publisher =
        module()
            .publisher(
                new KafkaSettings("kafka", List.of(bootstrapServers), Optional.empty(), Map.of()),
                new Health());
    InboxForward forward =
        configure.apply(
            InboxForward.to(publisher, "kafka", topic)
                .route(SCOPE)
                .authn("hmac")
                .key(request -> Optional.ofNullable(request.header("x-object-id")).orElse(null))
                .headers("webhook-id")
                .timeout(Duration.ofSeconds(2)));
    Inbox inbox =
        Inbox.builder(store, SCOPE)
            .handler(handler)
            .retry(retry)
            .lease(Duration.ofMinutes(1))
            .workers(2)
            .telemetry(telemetry)
            .forward(forward)
            .start();
    HookcServer server =
        HookcServer.builder()
            .host("127.0.0.1")
            .port(0)
            .routes(
                List.of(
                    Route.of(
                        "POST",
                        "/hook",
                        inbox.accept(202, RequestKeys.header("webhook-id"), null))))
            .start();
    return new OutboxRoute(store, publisher, inbox, server);
  }

  static KafkaModule module() {
    return ServiceLoader.load(KafkaModule.class).findFirst().orElseThrow();
  }

  /** Posts {@code body} with the delivery's {@code webhook-id} and its object id. */
  HttpResponse<String> post(String body, String webhookId, String objectId) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUri() + "/hook"))
            .timeout(Duration.ofSeconds(10))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (webhookId != null) {
      request.header("webhook-id", webhookId);
    }
    if (objectId != null) {
      request.header("x-object-id", objectId);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  InboxCounts counts() {
    try {
      return inbox.counts();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits up to {@code timeout} for {@code condition}, checking every 50 ms. */
  static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition met within " + timeout).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  @Override
  public void close() {
    server.stop(Duration.ofMillis(200));
    inbox.stop(Duration.ofSeconds(5));
    publisher.close(Duration.ofSeconds(5));
    store.close();
  }
}

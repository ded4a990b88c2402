package dev.hookc.runtime.store;

import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real server on a loopback port with one idempotent route, {@code POST /hook} keyed on {@code
 * webhook-id}, over the store a test opened; its handler counts its runs.
 */
final class IdempotentRoute implements AutoCloseable {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  final AtomicInteger runs = new AtomicInteger();
  private final HookcServer server;

  private IdempotentRoute(JdbcStore store) throws Exception {
    Idempotency idempotency =
        Idempotency.of(store, "POST /hook", RequestKeys.header("webhook-id"), Duration.ofHours(1));
    server =
        HookcServer.builder()
            .host("127.0.0.1")
            .port(0)
            .shutdownGrace(Duration.ofMillis(100))
            .route(
                Route.of(
                    "POST",
                    "/hook",
                    idempotency.protect(
                        request -> Response.json(201, Map.of("run", runs.incrementAndGet())))))
            .start();
  }

  static IdempotentRoute over(JdbcStore store) throws Exception {
    return new IdempotentRoute(store);
  }

  HttpResponse<String> post(String key) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(server.baseUri() + "/hook"))
            .timeout(Duration.ofSeconds(15))
            .header("webhook-id", key)
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    server.stop(Duration.ofMillis(100));
  }
}

package dev.hookc.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpServer;
import dev.hookc.runtime.datasource.HttpCall;
import dev.hookc.runtime.datasource.HttpDatasource;
import dev.hookc.runtime.internal.app.Assembly;
import dev.hookc.runtime.internal.datasource.HttpDefinition;
import dev.hookc.runtime.internal.datasource.HttpTasks;
import dev.hookc.runtime.internal.datasource.Setting;
import dev.hookc.runtime.workflow.Status;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An application with a {@code type: http} datasource, as the plugin generates one: its settings
 * checked when it is built, its client opened when it starts, a route's task calling a provider.
 */
@Timeout(30)
class HttpDatasourceApplicationTest {
  private HttpServer provider;
  private final AtomicInteger calls = new AtomicInteger();

  @BeforeEach
  void startProvider() throws IOException {
    provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    provider.createContext(
        "/v1/payment_intents/",
        exchange -> {
          try (exchange) {
            // The first call fails, so that the datasource's retry is seen to be in place.
            boolean fail = calls.incrementAndGet() == 1;
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] body =
                ("{\"path\":\""
                        + exchange.getRequestURI().getRawPath()
                        + "\",\"authorized\":"
                        + "Bearer sk_test_1".equals(authorization)
                        + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(fail ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
          }
        });
    provider.start();
  }

  @AfterEach
  void stopProvider() {
    provider.stop(0);
  }

  private static HttpDefinition stripe() {
    return new HttpDefinition(
        "stripe",
        new Setting(
            "<% config.stripe.base_url %>",
            (config, env) ->
                config.at("/stripe/base_url").isTextual()
                    ? config.at("/stripe/base_url").asText()
                    : null),
        Map.of(),
        Duration.ofSeconds(5),
        Optional.of(
            new HttpDefinition.Authn.Bearer(
                new Setting("<% env.STRIPE_KEY %>", (config, env) -> env.apply("STRIPE_KEY")))),
        new HttpDefinition.Retry(
            2,
            Set.of(503),
            true,
            HttpDefinition.Retry.Backoff.CONSTANT,
            Duration.ofMillis(10),
            Duration.ofMillis(10)));
  }

  private static Assembly assembly() {
    return Assembly.of(
            env -> JsonNodeFactory.instance.objectNode(),
            startup -> {
              HttpDatasource stripe = startup.wiring().http("stripe");
              return List.of(
                  Route.of(
                      "POST",
                      "/confirm",
                      request -> {
                        Status status =
                            HttpTasks.call(
                                stripe,
                                new HttpCall(
                                    "GET",
                                    "/v1/payment_intents/{id}",
                                    Map.of("id", request.header("payment-id")),
                                    Map.of(),
                                    Map.of(),
                                    Optional.empty(),
                                    Optional.empty()));
                        return Response.json(200, status.data());
                      }));
            })
        .datasource(stripe());
  }

  @Test
  void aRouteCallsTheProviderThroughTheDatasourceTheWiringGives() throws Exception {
    try (Application app =
        assembly()
            .builder()
            .config("stripe.base_url", "http://127.0.0.1:" + provider.getAddress().getPort())
            .environment("STRIPE_KEY", "sk_test_1")
            .host("127.0.0.1")
            .port(0)
            .build()
            .start()) {
      HttpResponse<String> response =
          TestServer.CLIENT.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/confirm"))
                  .header("payment-id", "pi_1/../refunds")
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(Json.read(response.body().getBytes(StandardCharsets.UTF_8)))
          .isEqualTo(
              Json.read(
                  "{\"path\":\"/v1/payment_intents/pi_1%2F..%2Frefunds\",\"authorized\":true}"
                      .getBytes(StandardCharsets.UTF_8)));
      assertThat(calls).hasValue(2);
    }
  }

  @Test
  void buildReportsTheDatasourcesMissingSettingsWithoutTheirValues() {
    assertThatThrownBy(
            () ->
                assembly()
                    .builder()
                    .config("stripe.base_url", "ftp://user:hunter2@provider.example")
                    .build())
        .isInstanceOfSatisfying(
            ApplicationSettingsException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "the http datasource stripe: base_url (<% config.stripe.base_url %>) is"
                            + " not an absolute http or https URL",
                        "the http datasource stripe: authn.token (<% env.STRIPE_KEY %>) is not"
                            + " set"));
  }
}

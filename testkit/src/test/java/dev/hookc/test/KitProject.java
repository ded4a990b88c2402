package dev.hookc.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.runtime.Application;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.app.Assembly;
import dev.hookc.runtime.internal.app.Startup;
import dev.hookc.runtime.security.Authenticators;
import dev.hookc.runtime.store.Idempotency;
import dev.hookc.runtime.store.RequestKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A project assembled as the plugin generates one: a Standard Webhooks route whose deliveries are
 * idempotent by {@code webhook-id}, a GitHub route whose secret is an environment variable, and a
 * route that answers with a configured greeting made by a Java function.
 */
final class KitProject {
  private KitProject() {}

  /** A function's generated contract. */
  @FunctionalInterface
  interface Greeting {
    String greet(String name);
  }

  /** The project's implementation of {@link Greeting}. */
  static final class Hello implements Greeting {
    @Override
    public String greet(String name) {
      return "hello " + name;
    }
  }

  /** Like the generated {@code HookcApplication.builder()}. */
  static Application.Builder builder() {
    return Assembly.of(KitProject::config, KitProject::routes)
        .functions(Greeting.class)
        .secrets("POST /orders", "config.orders.secret")
        .secrets("POST /github", "env.KIT_GITHUB_SECRET")
        .store(null, null)
        .server(server -> server.shutdownGrace(Duration.ofSeconds(2)))
        .builder();
  }

  /** Like the generated {@code HookcConfig.load}: the project's own configuration files. */
  private static JsonNode config(Map<String, String> env) {
    ObjectNode config = JsonNodeFactory.instance.objectNode();
    config.putObject("greeting").put("name", "world");
    return config;
  }

  private static List<Route> routes(Startup startup) {
    Wiring wiring = startup.wiring();
    Greeting greeting = wiring.function(Greeting.class, Hello::new);
    return List.of(
        Route.of(
            "POST",
            "/orders",
            Authenticators.standardWebhooks(
                    startup.secrets("POST /orders"), Duration.ofMinutes(5), wiring.clock())
                .protect(
                    Idempotency.of(
                            startup.store(),
                            "POST /orders",
                            RequestKeys.header("webhook-id"),
                            Duration.ofDays(1))
                        .protect(request -> Response.json(200, Map.of("stored", true))))),
        Route.of(
            "POST",
            "/github",
            Authenticators.github(startup.secrets("POST /github"))
                .protect(request -> Response.json(200, Map.of("ok", true)))),
        Route.of(
            "GET",
            "/greet",
            request ->
                Response.json(
                    200,
                    Map.of(
                        "greeting",
                        greeting.greet(wiring.config().at("/greeting/name").asText())))));
  }
}

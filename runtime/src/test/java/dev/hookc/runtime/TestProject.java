package dev.hookc.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.app.Assembly;
import dev.hookc.runtime.internal.app.Startup;
import dev.hookc.runtime.security.Authenticators;
import dev.hookc.runtime.store.Idempotency;
import dev.hookc.runtime.store.Inbox;
import dev.hookc.runtime.store.InboxAdmin;
import dev.hookc.runtime.store.RequestKeys;
import dev.hookc.runtime.store.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A project assembled as the plugin generates one, with a store: an idempotent route, an
 * asynchronous one with its inbox and admin endpoints, an HMAC-signed one, and a route that calls a
 * Java function through its contract.
 */
final class TestProject {
  /** What the asynchronous route's workers ran, in order. */
  static final BlockingQueue<String> PROCESSED = new LinkedBlockingQueue<>();

  private TestProject() {}

  /** A function's generated contract. */
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

  /** Another function's contract, that no route calls. */
  interface Unused {}

  /** Like the generated {@code HookcConfig.load}: {@code signing.secret} mapped from a variable. */
  static JsonNode config(Map<String, String> env) {
    ObjectNode config = JsonNodeFactory.instance.objectNode();
    config.putObject("greeting").put("name", "world");
    String secret = env.get("TEST_SIGNING_SECRET");
    if (secret != null) {
      config.putObject("signing").put("secret", secret);
    }
    return config;
  }

  /** Like the generated {@code HookcApplication.builder()}. */
  static Application.Builder builder() {
    return Assembly.of(TestProject::config, TestProject::routes)
        .functions(Greeting.class, Unused.class)
        .secrets("POST /signed", "config.signing.secret")
        .secrets("POST /github", "env.TEST_GITHUB_SECRET")
        .adminToken("env.TEST_ADMIN_TOKEN")
        .store(null, null)
        .server(server -> server.shutdownGrace(Duration.ofSeconds(2)))
        .builder()
        .host("127.0.0.1")
        .port(0);
  }

  /** Every secret set, on a store under {@code data}. */
  static Application.Builder configured(java.nio.file.Path data) {
    return builder()
        .dataDirectory(data)
        .config("signing.secret", "signing-secret")
        .environment("TEST_GITHUB_SECRET", "github-secret")
        .environment("TEST_ADMIN_TOKEN", "admin-token-0123456789");
  }

  /** Like the generated {@code HookcApplication.routes}. */
  private static List<Route> routes(Startup startup) {
    Wiring wiring = startup.wiring();
    Inbox asyncInbox =
        startup.inbox(
            "POST /async",
            request -> {
              PROCESSED.add(request.header("webhook-id"));
              return Response.empty(204);
            },
            new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(10), 1),
            Duration.ofMinutes(2),
            4);
    Greeting greeting =
        wiring.function(
            Greeting.class,
            () -> {
              // A function whose constructor fails, as one that cannot reach its database would,
              // with the checked exception such a constructor declares.
              if (wiring.config().at("/greeting/broken").asBoolean()) {
                throw new java.sql.SQLException("the greeting's database cannot be reached");
              }
              return new Hello();
            });
    RequestHandler ok = request -> Response.json(200, Map.of("ok", true));
    List<Route> routes = new ArrayList<>();
    routes.add(
        Route.of(
            "POST",
            "/idempotent",
            Idempotency.of(
                    startup.store(),
                    "POST /idempotent",
                    RequestKeys.header("Idempotency-Key"),
                    Duration.ofDays(1))
                .protect(ok)));
    routes.add(
        Route.of("POST", "/async", asyncInbox.accept(202, RequestKeys.header("webhook-id"), null)));
    routes.add(
        Route.of(
            "POST",
            "/signed",
            Authenticators.hmac(startup.secrets("POST /signed"), "X-Signature", "sha256", "hex", "")
                .protect(ok)));
    routes.add(
        Route.of(
            "POST", "/github", Authenticators.github(startup.secrets("POST /github")).protect(ok)));
    routes.add(
        Route.of(
            "GET",
            "/greet",
            request ->
                Response.json(
                    200,
                    Map.of(
                        "greeting",
                        greeting.greet(wiring.config().at("/greeting/name").asText())))));
    routes.addAll(InboxAdmin.routes(startup.adminToken(), Map.of("POST /async", asyncInbox)));
    return routes;
  }
}

package dev.hookc.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hookc.runtime.datasource.HttpCall;
import dev.hookc.runtime.datasource.HttpDatasource;
import dev.hookc.runtime.datasource.JdbcDatasource;
import dev.hookc.runtime.internal.app.Assembly;
import dev.hookc.runtime.internal.app.Startup;
import dev.hookc.runtime.internal.datasource.HttpDefinition;
import dev.hookc.runtime.internal.datasource.HttpTasks;
import dev.hookc.runtime.internal.datasource.JdbcTasks;
import dev.hookc.runtime.internal.datasource.Setting;
import dev.hookc.runtime.internal.workflow.Branches;
import dev.hookc.runtime.internal.workflow.Retry;
import dev.hookc.runtime.internal.workflow.TaskRunner;
import dev.hookc.runtime.security.Authenticators;
import dev.hookc.runtime.store.Idempotency;
import dev.hookc.runtime.store.Inbox;
import dev.hookc.runtime.store.RequestKeys;
import dev.hookc.runtime.store.RetryPolicy;
import dev.hookc.runtime.workflow.Status;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A project assembled as the plugin generates one, with everything telemetry observes: a signed
 * route, an idempotent one, a route whose workflow writes a row, calls a provider and runs two
 * branches in parallel, and an async route whose workflow always fails.
 */
final class TelemetryProject {
  private static final String WORKFLOW = "src/functions/payments/record.yaml";

  private TelemetryProject() {}

  static Application.Builder builder(Path data, URI provider) {
    return Assembly.of(env -> JsonNodeFactory.instance.objectNode(), TelemetryProject::routes)
        .datasource(DatasourceProject.db(false, List.of(DatasourceProject.V1)))
        .datasource(gateway(provider))
        .secrets("POST /signed", "value:signing-secret")
        .store(null, null)
        .server(server -> server.shutdownGrace(Duration.ofSeconds(2)))
        .builder()
        .dataDirectory(data)
        .host("127.0.0.1")
        .port(0);
  }

  private static HttpDefinition gateway(URI provider) {
    return new HttpDefinition(
        "gateway",
        new Setting(provider.toString(), (config, env) -> provider.toString()),
        Map.of(),
        Duration.ofSeconds(5),
        Optional.empty(),
        new HttpDefinition.Retry(
            1,
            Set.of(),
            false,
            HttpDefinition.Retry.Backoff.CONSTANT,
            Duration.ofMillis(10),
            Duration.ofMillis(10)));
  }

  private static List<Route> routes(Startup startup) {
    JdbcDatasource db = startup.wiring().jdbc("db");
    HttpDatasource gateway = startup.wiring().http("gateway");
    Inbox inbox =
        startup.inbox(
            "POST /async",
            request -> {
              throw new IllegalStateException("the shipment's workflow fails");
            },
            new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10), 1),
            Duration.ofMinutes(2),
            1);
    RequestHandler ok = request -> Response.json(200, Map.of("ok", true));
    AtomicInteger attempts = new AtomicInteger();
    List<Route> routes = new ArrayList<>();
    routes.add(
        Route.of(
            "POST",
            "/signed",
            Authenticators.hmac(startup.secrets("POST /signed"), "X-Signature", "sha256", "hex", "")
                .protect(ok)));
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
        Route.of(
            "POST",
            "/payments/{id}",
            request -> {
              TaskRunner tasks = TaskRunner.shared();
              tasks.run(
                  "record (" + WORKFLOW + ":4:5)",
                  Retry.constant(2, 1),
                  () ->
                      attempts.incrementAndGet() % 2 == 1
                          ? Status.error(503, "first attempts fail")
                          : JdbcTasks.update(
                              db,
                              "recordPayment",
                              Map.of("id", request.pathParams().get("id"), "amount", 1)));
              tasks.run(
                  "confirm (" + WORKFLOW + ":9:5)",
                  Retry.NONE,
                  () ->
                      HttpTasks.call(
                          gateway,
                          new HttpCall(
                              "GET",
                              "/v1/payments/{id}",
                              Map.of("id", request.pathParams().get("id")),
                              Map.of(),
                              Map.of(),
                              Optional.empty(),
                              Optional.empty())));
              tasks.run(
                  "notify (" + WORKFLOW + ":14:5)",
                  Retry.NONE,
                  () ->
                      Status.branches(
                          Branches.shared()
                              .all(
                                  List.of(
                                      branch("mail (" + WORKFLOW + ":17:9)"),
                                      branch("audit (" + WORKFLOW + ":19:9)")))));
              return Response.json(201, Map.of("id", request.pathParams().get("id")));
            }));
    routes.add(
        Route.of(
            "POST",
            "/async",
            inbox.accept(202, RequestKeys.header("webhook-id"), TelemetryProject::shipment)));
    return routes;
  }

  /** A parallel branch: one task that says on which thread it ran. */
  private static dev.hookc.runtime.internal.workflow.TaskBody branch(String label) {
    return () ->
        TaskRunner.shared()
            .run(label, Retry.NONE, () -> Status.ok(Thread.currentThread().getName()));
  }

  private static List<Violation> shipment(JsonNode body) {
    return body.path("shipment").isTextual()
        ? List.of()
        : List.of(new Violation("/shipment", "required", "a shipment is required"));
  }
}

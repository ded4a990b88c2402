package dev.hookc.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hookc.runtime.Application;
import dev.hookc.runtime.RequestHandler;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import dev.hookc.runtime.Violation;
import dev.hookc.runtime.datasource.JdbcDatasource;
import dev.hookc.runtime.internal.app.Assembly;
import dev.hookc.runtime.internal.app.Startup;
import dev.hookc.runtime.internal.datasource.JdbcDefinition;
import dev.hookc.runtime.internal.datasource.JdbcTasks;
import dev.hookc.runtime.internal.datasource.MigrationScript;
import dev.hookc.runtime.internal.workflow.Retry;
import dev.hookc.runtime.internal.workflow.TaskRunner;
import dev.hookc.runtime.security.Authenticators;
import dev.hookc.runtime.store.Idempotency;
import dev.hookc.runtime.store.Inbox;
import dev.hookc.runtime.store.RequestKeys;
import dev.hookc.runtime.store.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project assembled as the plugin generates one: a signed route whose workflow writes a row
 * through a jdbc datasource, an idempotent route, and an async route with a body schema whose
 * workflow fails, so that its deliveries are retried and dead-lettered.
 */
final class MetricsProject {
  private MetricsProject() {}

  static Application.Builder builder(Path data, Map<String, String> settings) {
    Assembly assembly =
        Assembly.of(env -> JsonNodeFactory.instance.objectNode(), MetricsProject::routes)
            .name("metrics-test")
            .datasource(db())
            .secrets("POST /payments/{id}", "value:signing-secret")
            .store(null, null)
            .server(server -> server.shutdownGrace(Duration.ofSeconds(2)));
    settings.forEach(assembly::telemetrySetting);
    return assembly.builder().dataDirectory(data).host("127.0.0.1").port(0);
  }

  private static JdbcDefinition db() {
    return new JdbcDefinition(
        "db",
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        2,
        List.of(
            new MigrationScript(
                "1",
                "payments",
                "V1__payments.sql",
                "CREATE TABLE payments (id VARCHAR(64) PRIMARY KEY);\n")),
        Map.of("recordPayment", "INSERT INTO payments (id) VALUES (:id)"));
  }

  private static List<Route> routes(Startup startup) {
    JdbcDatasource db = startup.wiring().jdbc("db");
    Inbox shipments =
        startup.inbox(
            "POST /shipments",
            request -> {
              throw new IllegalStateException("the shipment's workflow fails");
            },
            new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10), 1),
            Duration.ofMinutes(2),
            1);
    RequestHandler record =
        request -> {
          TaskRunner.shared()
              .run(
                  "record (src/functions/payments/record.yaml:4:5)",
                  Retry.NONE,
                  () ->
                      JdbcTasks.update(
                          db, "recordPayment", Map.of("id", request.pathParams().get("id"))));
          return Response.json(201, Map.of("id", request.pathParams().get("id")));
        };
    return List.of(
        Route.of(
            "POST",
            "/payments/{id}",
            Authenticators.hmac(
                    startup.secrets("POST /payments/{id}"), "X-Signature", "sha256", "hex", "")
                .protect(record)),
        Route.of(
            "POST",
            "/orders",
            Idempotency.of(
                    startup.store(),
                    "POST /orders",
                    RequestKeys.header("Idempotency-Key"),
                    Duration.ofDays(1))
                .protect(request -> Response.json(200, Map.of("ok", true)))),
        Route.of(
            "POST",
            "/shipments",
            shipments.accept(202, RequestKeys.header("webhook-id"), MetricsProject::shipment)));
  }

  private static List<Violation> shipment(JsonNode body) {
    return body.path("shipment").isTextual()
        ? List.of()
        : List.of(new Violation("/shipment", "required", "a shipment is required"));
  }
}

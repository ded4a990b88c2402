package dev.hookc.runtime;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hookc.runtime.datasource.JdbcDatasource;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.app.Assembly;
import dev.hookc.runtime.internal.app.Startup;
import dev.hookc.runtime.internal.datasource.JdbcDefinition;
import dev.hookc.runtime.internal.datasource.MigrationScript;
import dev.hookc.runtime.internal.datasource.Setting;
import dev.hookc.runtime.store.Inbox;
import dev.hookc.runtime.store.RequestKeys;
import dev.hookc.runtime.store.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A project assembled as the plugin generates one with a {@code type: jdbc} datasource {@code db}:
 * a migration creating {@code payments}, a route that records a payment, and an async route whose
 * workflow records the delivery's payment.
 */
final class DatasourceProject {
  /** The deliveries the async route's workflow ran, in order, and whether it completed. */
  static final BlockingQueue<String> RAN = new LinkedBlockingQueue<>();

  static final MigrationScript V1 =
      new MigrationScript(
          "1",
          "create payments",
          "V1__create_payments.sql",
          "CREATE TABLE payments (\n  id VARCHAR(64) PRIMARY KEY,\n  amount DECIMAL(12, 2) NOT NULL\n);\n");

  private DatasourceProject() {}

  /** The datasource {@code db}, its URL from {@code config.db.url} when {@code configured}. */
  static JdbcDefinition db(boolean configuredUrl, List<MigrationScript> migrations) {
    return new JdbcDefinition(
        "db",
        configuredUrl
            ? Optional.of(
                new Setting(
                    "<% config.db.url %>",
                    (config, env) ->
                        config.at("/db/url").isTextual() ? config.at("/db/url").asText() : null))
            : Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        4,
        migrations,
        Map.of(
            "recordPayment",
            "INSERT INTO payments (id, amount) VALUES (:id, :amount)",
            "countPayments",
            "SELECT COUNT(*) AS n FROM payments"));
  }

  /** The project, its store on {@code db} when {@code storeOn}. */
  static Assembly assembly(JdbcDefinition db, boolean storeOn) {
    Assembly assembly =
        Assembly.of(env -> JsonNodeFactory.instance.objectNode(), DatasourceProject::routes)
            .datasource(db)
            .server(server -> server.shutdownGrace(Duration.ofSeconds(2)));
    return storeOn ? assembly.storeOn("db") : assembly.store(null, null);
  }

  static Application.Builder builder(java.nio.file.Path data, boolean storeOn) {
    return assembly(db(false, List.of(V1)), storeOn)
        .builder()
        .dataDirectory(data)
        .host("127.0.0.1")
        .port(0);
  }

  private static List<Route> routes(Startup startup) {
    Wiring wiring = startup.wiring();
    JdbcDatasource db = wiring.jdbc("db");
    Inbox inbox =
        startup.inbox(
            "POST /async",
            request -> {
              String id = request.header("webhook-id");
              db.update("recordPayment", Map.of("id", id, "amount", 10));
              RAN.add(id);
              if (request.header("fail-after-write") != null) {
                throw new IllegalStateException("the workflow failed after its write");
              }
              return Response.empty(204);
            },
            new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(10), 1),
            Duration.ofMinutes(2),
            1);
    return List.of(
        Route.of(
            "POST",
            "/pay",
            request -> {
              db.update(
                  "recordPayment", Map.of("id", request.header("payment-id"), "amount", 12.5));
              return Response.json(
                  201, Map.of("payments", db.query("countPayments", Map.of()).get(0).get("n")));
            }),
        Route.of("POST", "/async", inbox.accept(202, RequestKeys.header("webhook-id"), null)));
  }
}

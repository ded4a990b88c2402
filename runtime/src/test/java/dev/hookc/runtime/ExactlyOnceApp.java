package dev.hookc.runtime;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hookc.runtime.datasource.JdbcDatasource;
import dev.hookc.runtime.internal.app.Assembly;
import dev.hookc.runtime.internal.app.Startup;
import dev.hookc.runtime.internal.datasource.JdbcDefinition;
import dev.hookc.runtime.internal.datasource.MigrationScript;
import dev.hookc.runtime.store.RequestKeys;
import dev.hookc.runtime.store.RetryPolicy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An application run as its own process by {@link ExactlyOnceDeliveryTest}: an async route whose
 * workflow writes a row to the datasource {@code db} for each delivery. With {@code crash}, the
 * first run of a delivery prints {@code written <id>} after its write and hangs, to be killed.
 *
 * <p>Arguments: the data directory, {@code store-on-db} or {@code store-apart}, and {@code crash}
 * or {@code run}.
 */
public final class ExactlyOnceApp {
  private ExactlyOnceApp() {}

  public static void main(String[] args) throws Exception {
    boolean storeOn = args[1].equals("store-on-db");
    boolean crash = args[2].equals("crash");
    JdbcDefinition db =
        new JdbcDefinition(
            "db",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            4,
            List.of(
                new MigrationScript(
                    "1",
                    "create events",
                    "V1__create_events.sql",
                    // No unique key on the delivery: only the transaction keeps it from repeating.
                    "CREATE TABLE events (delivery VARCHAR(64) NOT NULL);\n")),
            Map.of(
                "record", "INSERT INTO events (delivery) VALUES (:delivery)",
                "count", "SELECT COUNT(*) AS n FROM events WHERE delivery = :delivery"));
    Assembly assembly =
        Assembly.of(env -> JsonNodeFactory.instance.objectNode(), startup -> routes(startup, crash))
            .datasource(db);
    assembly = storeOn ? assembly.storeOn("db") : assembly.store(null, null);
    Application app =
        assembly.builder().dataDirectory(Path.of(args[0])).host("127.0.0.1").port(0).build();
    app.start();
    System.out.println("port " + app.port());
    System.out.flush();
  }

  private static List<Route> routes(Startup startup, boolean crash) {
    JdbcDatasource db = startup.wiring().jdbc("db");
    var inbox =
        startup.inbox(
            "POST /events",
            request -> {
              String id = request.header("webhook-id");
              db.update("record", Map.of("delivery", id));
              if (crash) {
                System.out.println("written " + id);
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE); // killed here, between the write and the completion
              }
              return Response.empty(204);
            },
            new RetryPolicy(5, Duration.ofMillis(10), Duration.ofMillis(10), 1),
            Duration.ofMinutes(2),
            1);
    return List.of(
        Route.of("POST", "/events", inbox.accept(202, RequestKeys.header("webhook-id"), null)),
        Route.of(
            "GET",
            "/events/{id}",
            request -> {
              String id = request.pathParam("id");
              Object rows = db.query("count", Map.of("delivery", id)).get(0).get("n");
              String state = "NONE";
              try (Connection c = startup.store().dataSource().getConnection();
                  PreparedStatement select =
                      c.prepareStatement("SELECT state FROM hookc_inbox WHERE dedup_key = ?")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                  if (row.next()) {
                    state = row.getString(1);
                  }
                }
              }
              return Response.json(200, Map.of("rows", rows, "state", state));
            }));
  }
}

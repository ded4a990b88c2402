package dev.hookc.runtime.store;

import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import dev.hookc.runtime.log.ConsoleLog;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The process {@link HostileShutdownTest} stops with SIGTERM: an idempotent route over H2 whose
 * handler logs before and after a second of work, started as generated applications start (the
 * server owns the store). Prints its port once it serves.
 */
public final class ShutdownApp {
  private ShutdownApp() {}

  public static void main(String[] args) throws Exception {
    ConsoleLog.install();
    System.Logger log = System.getLogger("hookc.test.ShutdownApp");
    JdbcStore store = JdbcStore.open(JdbcStore.h2Url(Path.of(args[0])), null, null);
    HookcServer server =
        HookcServer.builder()
            .host("127.0.0.1")
            .port(0)
            .shutdownGrace(Duration.ofSeconds(10))
            .closeOnStop(store)
            .route(
                Route.of(
                    "POST",
                    "/hook",
                    Idempotency.of(
                            store,
                            "POST /hook",
                            RequestKeys.header("webhook-id"),
                            Duration.ofHours(1))
                        .protect(
                            request -> {
                              String key = request.header("webhook-id");
                              log.log(Level.INFO, "processing {0}", key);
                              Thread.sleep(1000);
                              log.log(Level.INFO, "finished {0}", key);
                              return Response.json(200, Map.of("key", key));
                            })))
            .start();
    server.stopOnShutdownSignal();
    System.out.println("port " + server.port());
    System.out.flush();
  }
}

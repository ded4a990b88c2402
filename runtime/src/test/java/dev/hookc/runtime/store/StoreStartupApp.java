package dev.hookc.runtime.store;

import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import dev.hookc.runtime.log.ConsoleLog;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;

/**
 * The process whose start-up {@code bench/scripts/store_startup.py} measures: an idempotent route
 * over an embedded H2 store, started as generated applications start it. Prints the JVM's uptime
 * when {@code main} starts, how long opening the store took (wall and CPU of this thread), and its
 * port once it serves.
 */
public final class StoreStartupApp {
  private StoreStartupApp() {}

  public static void main(String[] args) throws Exception {
    long atMain = ManagementFactory.getRuntimeMXBean().getUptime();
    ConsoleLog.install();
    var threads = ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    JdbcStore store = JdbcStore.fromEnvironment(null, args[0]);
    long openMillis = (System.nanoTime() - wall) / 1_000_000;
    long openCpuMillis = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
    HookcServer server =
        HookcServer.builder()
            .host("127.0.0.1")
            .port(0)
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
                        .protect(request -> Response.json(200, Map.of("ok", true)))))
            .start();
    server.stopOnShutdownSignal();
    System.out.printf(
        "main at %d ms, store opened in %d ms (%d ms CPU), port %d%n",
        atMain, openMillis, openCpuMillis, server.port());
    System.out.flush();
  }
}

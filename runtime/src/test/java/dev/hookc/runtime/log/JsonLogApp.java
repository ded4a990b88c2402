package dev.hookc.runtime.log;

import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import java.lang.System.Logger.Level;
import java.util.Map;

/**
 * The process {@link JsonLogTest} reads the log of: started as generated applications start, with a
 * route whose handler logs a line and one whose handler throws. Prints its port once it serves.
 */
public final class JsonLogApp {
  private JsonLogApp() {}

  public static void main(String[] args) throws Exception {
    ConsoleLog.install();
    System.Logger log = System.getLogger("hookc.functions.record");
    HookcServer server =
        HookcServer.builder()
            .host("127.0.0.1")
            .port(0)
            .route(
                Route.of(
                    "POST",
                    "/payments/{id}",
                    request -> {
                      log.log(Level.INFO, "recorded payment {0}", request.pathParam("id"));
                      return Response.json(200, Map.of("recorded", true));
                    }))
            .route(
                Route.of(
                    "POST",
                    "/fail",
                    request -> {
                      throw new IllegalStateException("the ledger is \"closed\"\nfor today");
                    }))
            .start();
    server.stopOnShutdownSignal();
    System.out.println("port " + server.port());
    System.out.flush();
  }
}

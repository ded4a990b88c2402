package dev.hookc.examples.callback;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.examples.callback.events.PostCallbackController;
import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.Route;
import dev.hookc.runtime.internal.workflow.ProjectConfig;
import dev.hookc.runtime.log.ConsoleLog;
import java.io.IOException;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Serves the project's 1 route. Run {@code main}, or start the same routes from
 * code and tests with {@link #server()} or {@link #server(JsonNode)}.
 */
@Generated("dev.hookc.compiler")
public final class HookcApplication {
  private HookcApplication() {
  }

  /**
   * A server builder with every route of the project, handled with {@code config}.
   */
  public static HookcServer.Builder server(JsonNode config) {
    return HookcServer.builder().routes(List.of(
        Route.of("POST", "/callback", new PostCallbackController(config))));
  }

  /**
   * A server builder with every route, handled with the project's configuration; set the
   * host and port (0 for any free port, as tests do) and start it.
   */
  public static HookcServer.Builder server() {
    return server(HookcConfig.load());
  }

  /**
   * Serves on the port in {@code PORT}, else 3000, until stopped, logging to the console
   * in hookc's one-line format.
   */
  public static void main(String[] args) throws IOException {
    ConsoleLog.install();
    int port = ProjectConfig.port(System.getenv("PORT"), 3000);
    HookcServer server = server().port(port).start();
    server.stopOnShutdownSignal();
    System.out.println("hookc: serving 1 route on http://localhost:" + server.port());
  }
}

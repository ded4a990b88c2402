package dev.hookc.runtime.store;

import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The process {@link HostileIdempotencyGroupCommitTest} kills with SIGKILL: an idempotent route
 * over H2 keyed on {@code webhook-id} that answers 201 at once, so that claims and recorded
 * responses of many senders share commits. Prints its port once it serves.
 */
public final class GroupCommitApp {
  private GroupCommitApp() {}

  public static void main(String[] args) throws Exception {
    JdbcStore store = JdbcStore.open(JdbcStore.h2Url(Path.of(args[0])), null, null);
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
                        .protect(
                            request ->
                                Response.json(201, Map.of("key", request.header("webhook-id"))))))
            .start();
    System.out.println("port " + server.port());
    System.out.flush();
  }
}

package dev.hookc.runtime.store;

import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The process {@link InboxCrashTest} kills: an async route whose handler's side effect is one line
 * per processed delivery, appended and synced to a file. Prints its port once it serves.
 */
public final class InboxCrashApp {
  private InboxCrashApp() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    Path processed = data.resolve("processed.log");
    JdbcStore store = JdbcStore.open(JdbcStore.h2Url(data), null, null);
    Inbox inbox =
        Inbox.builder(store, "POST /hook")
            .handler(
                request -> {
                  Thread.sleep(ThreadLocalRandom.current().nextInt(5));
                  String line = request.header("webhook-id") + "\n";
                  Files.write(
                      processed,
                      line.getBytes(StandardCharsets.UTF_8),
                      StandardOpenOption.CREATE,
                      StandardOpenOption.APPEND,
                      StandardOpenOption.DSYNC);
                  return Response.empty(204);
                })
            .retry(RetryPolicy.defaults())
            .lease(Duration.ofMinutes(1))
            .workers(4)
            .start();
    HookcServer server =
        HookcServer.builder()
            .host("127.0.0.1")
            .port(0)
            .route(
                Route.of(
                    "POST", "/hook", inbox.accept(202, RequestKeys.header("webhook-id"), null)))
            .start();
    System.out.println("port " + server.port());
    System.out.flush();
    Thread.currentThread().join();
  }
}

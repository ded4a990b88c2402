package dev.hookc.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.Response;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbox page in a real browser: headless Chromium, driven over the DevTools protocol, loads
 * {@code /_hookc/inbox/ui}, the operator enters the token and replays a dead letter, and an error
 * text carrying markup shows as text and runs nothing. The page is kept as {@code
 * target/screenshots/inbox-ui.png}.
 *
 * <p>Chromium is Debian's package ({@code chromium}); where it is absent the test is skipped,
 * except when {@code CI} is set, where a missing browser fails the build.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class InboxPageBrowserTest {
  private static final Path SCREENSHOTS = Path.of("target/screenshots");
  private static final String TOKEN = "admin-token-0123456789";
  private static final String HOSTILE =
      "<img src=x onerror=\"window.__pwned='img'\"><script>window.__pwned='script'</script>";

  @TempDir Path data;
  private final List<AutoCloseable> open = new ArrayList<>();
  private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
  private HookcServer server;
  private Inbox inbox;
  private JdbcStore store;
  private Process chromium;
  private Path profile;
  private DevTools devTools;

  @BeforeEach
  void start() throws Exception {
    Optional<String> found = chromium();
    if (found.isEmpty()) {
      if (System.getenv("CI") != null) {
        fail("CI is set but no Chromium was found (chromium, chromium-browser)");
      }
      Assumptions.abort("no Chromium on this machine (apt-get install -y chromium)");
    }
    store = JdbcStore.open(JdbcStore.h2Url(data), null, null);
    open.add(store);
    inbox =
        Inbox.builder(store, "POST /hook")
            .handler(
                request -> {
                  runs.computeIfAbsent(request.header("x-id"), k -> new AtomicInteger())
                      .incrementAndGet();
                  return Response.empty(204);
                })
            .retry(RetryPolicy.defaults())
            .lease(Duration.ofMinutes(1))
            .workers(1)
            .start();
    open.add(0, inbox);
    server =
        HookcServer.builder()
            .host("127.0.0.1")
            .port(0)
            .routes(InboxAdmin.routes(TOKEN, Map.of("POST /hook", inbox)))
            .start();
    seed("hostile", HOSTILE);
    seed("plain", "java.net.ConnectException: Connection refused");
    launch(found.get());
  }

  @AfterEach
  void stop() throws Exception {
    if (devTools != null) {
      devTools.close();
    }
    if (chromium != null) {
      chromium.destroy();
      if (!chromium.waitFor(10, TimeUnit.SECONDS)) {
        chromium.destroyForcibly();
      }
    }
    if (profile != null) {
      deleteRecursively(profile);
    }
    if (server != null) {
      server.stop(Duration.ofMillis(100));
    }
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  @Test
  void listsDeadLettersAsTextAndReplaysOneWithTheTokenTheOperatorEntered() throws Exception {
    devTools.open(server.baseUri() + "/_hookc/inbox/ui");
    waitFor("document.readyState === 'complete' && !!document.getElementById('token')");
    // Nothing is listed, and nothing asked for, before the token is given.
    assertThat(devTools.evaluate("document.querySelectorAll('tr[data-id]').length").asInt())
        .isZero();

    devTools.evaluate(
        "document.getElementById('token').value = '"
            + TOKEN
            + "'; document.getElementById('use').click(); true");
    waitFor("document.querySelectorAll('tr[data-id]').length === 2");

    assertThat(devTools.evaluate("sessionStorage.getItem('hookc-admin-token')").asText())
        .isEqualTo(TOKEN);
    assertThat(devTools.evaluate("document.getElementById('token').value").asText()).isEmpty();
    assertThat(
            devTools
                .evaluate("document.querySelector('tr[data-id=\"hostile\"] td.error').textContent")
                .asText())
        .isEqualTo(HOSTILE);
    assertThat(devTools.evaluate("document.querySelectorAll('#routes img, #routes script').length"))
        .hasToString("0");
    assertThat(devTools.evaluate("typeof window.__pwned").asText()).isEqualTo("undefined");
    assertThat(devTools.evaluate("document.getElementById('routes').textContent").asText())
        .contains("POST /hook", "0 pending, 0 done, 2 dead");
    screenshot();

    devTools.evaluate(
        "document.querySelector('tr[data-id=\"plain\"] button.replay').click(); true");
    waitFor(
        "document.querySelectorAll('tr[data-id]').length === 1"
            + " && !!document.querySelector('tr[data-id=\"hostile\"]')");
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (inbox.counts().done() != 1) {
      assertThat(System.nanoTime()).as("the replayed delivery ran").isLessThan(deadline);
      Thread.sleep(20);
    }
    assertThat(runs.keySet()).containsExactly("plain");
    assertThat(devTools.evaluate("document.getElementById('status').textContent").asText())
        .contains("Replayed plain");
    assertThat(devTools.evaluate("typeof window.__pwned").asText()).isEqualTo("undefined");
  }

  private void seed(String id, String error) throws Exception {
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO hookc_inbox (id, scope, dedup_key, method, path, path_params, query,"
                    + " headers, body, state, attempts, next_attempt_at, claimed_until,"
                    + " received_at, last_error) VALUES (?, 'POST /hook', ?, 'POST', '/hook',"
                    + " '{}', '{}', ?, ?, 'DEAD', 5, 0, 0, ?, ?)")) {
      insert.setString(1, id);
      insert.setString(2, "key-" + id);
      insert.setString(3, "{\"x-id\":[\"" + id + "\"]}");
      insert.setBytes(4, "{}".getBytes(StandardCharsets.UTF_8));
      insert.setLong(5, System.currentTimeMillis());
      insert.setString(6, error);
      insert.executeUpdate();
    }
  }

  private void waitFor(String condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!devTools.evaluate("!!(" + condition + ")").asBoolean()) {
      assertThat(System.nanoTime())
          .as(
              "page met "
                  + condition
                  + "; status: "
                  + devTools.evaluate("document.getElementById('status')?.textContent"))
          .isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private void screenshot() throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve("inbox-ui.png");
    ObjectNode params = Json.mapper().createObjectNode().put("format", "png");
    byte[] png =
        Base64.getDecoder()
            .decode(devTools.send("Page.captureScreenshot", params).path("data").asText());
    Files.write(file, png);
    assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }

  /**
   * Starts headless Chromium with the DevTools protocol on a port of its choosing, and everything
   * but the loopback address refused, so that the page cannot quietly load from the network.
   */
  private void launch(String binary) throws Exception {
    profile = Files.createTempDirectory("hookc-chromium");
    chromium =
        new ProcessBuilder(
                binary,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--window-size=1280,720",
                "--user-data-dir=" + profile,
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "about:blank")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    CompletableFuture<String> endpoint = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader err =
                  new BufferedReader(
                      new InputStreamReader(chromium.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null) {
                  int at = line.indexOf("ws://");
                  if (line.startsWith("DevTools listening on") && at >= 0) {
                    endpoint.complete(line.substring(at).trim());
                  }
                }
                endpoint.completeExceptionally(new IOException("Chromium ended"));
              } catch (IOException e) {
                endpoint.completeExceptionally(e);
              }
            },
            "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    devTools = DevTools.connect(endpoint.get(30, TimeUnit.SECONDS));
  }

  /** A DevTools protocol connection to the browser, and the page it opened. */
  private static final class DevTools implements WebSocket.Listener, AutoCloseable {
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final StringBuilder frame = new StringBuilder();
    private WebSocket socket;
    private String session;

    static DevTools connect(String endpoint) throws Exception {
      DevTools devTools = new DevTools();
      devTools.socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(URI.create(endpoint), devTools)
              .get(10, TimeUnit.SECONDS);
      return devTools;
    }

    void open(String url) throws Exception {
      String target =
          send("Target.createTarget", Json.mapper().createObjectNode().put("url", "about:blank"))
              .path("targetId")
              .asText();
      session =
          send(
                  "Target.attachToTarget",
                  Json.mapper().createObjectNode().put("targetId", target).put("flatten", true))
              .path("sessionId")
              .asText();
      send("Page.enable", Json.mapper().createObjectNode());
      send("Page.navigate", Json.mapper().createObjectNode().put("url", url));
    }

    JsonNode evaluate(String expression) throws Exception {
      JsonNode result =
          send(
              "Runtime.evaluate",
              Json.mapper()
                  .createObjectNode()
                  .put("expression", expression)
                  .put("returnByValue", true));
      if (result.has("exceptionDetails")) {
        throw new AssertionError("page script failed: " + result.path("exceptionDetails"));
      }
      return result.path("result").path("value");
    }

    JsonNode send(String method, ObjectNode params) throws Exception {
      int id = ids.incrementAndGet();
      ObjectNode message = Json.mapper().createObjectNode().put("id", id).put("method", method);
      message.set("params", params);
      if (session != null) {
        message.put("sessionId", session);
      }
      CompletableFuture<JsonNode> reply = new CompletableFuture<>();
      pending.put(id, reply);
      socket.sendText(message.toString(), true).get(10, TimeUnit.SECONDS);
      JsonNode answer = reply.get(20, TimeUnit.SECONDS);
      if (answer.has("error")) {
        throw new AssertionError(method + " failed: " + answer.path("error"));
      }
      return answer.path("result");
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      frame.append(data);
      if (last) {
        JsonNode message = Json.read(frame.toString().getBytes(StandardCharsets.UTF_8));
        frame.setLength(0);
        CompletableFuture<JsonNode> reply =
            message.has("id") ? pending.remove(message.path("id").asInt()) : null;
        if (reply != null) {
          reply.complete(message);
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public void close() {
      socket.abort();
    }
  }

  private static Optional<String> chromium() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : List.of("chromium", "chromium-browser")) {
      for (String directory : path.split(File.pathSeparator, -1)) {
        Path candidate = Path.of(directory.isEmpty() ? "." : directory, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate.toString());
        }
      }
    }
    return Optional.empty();
  }

  private static void deleteRecursively(Path directory) throws IOException, InterruptedException {
    // Chromium's helper processes can still be writing into the profile after its main process
    // has exited: files appear and vanish while it is deleted, so a failed pass is tried again.
    for (int attempt = 1; Files.exists(directory); attempt++) {
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
          Files.deleteIfExists(file);
        }
      } catch (UncheckedIOException | DirectoryNotEmptyException e) {
        if (attempt == 10) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }
}

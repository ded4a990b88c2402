package dev.hookc.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a sender controls about the keys hookc stores, over a real server and a real H2 file: their
 * length and characters (a 400 before anything is stored, the same on synchronous and async
 * routes), their JSON type, and who may read the files they end up in.
 */
@Timeout(30)
class HostileStoreTest {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @TempDir Path tmp;
  private Path data;
  private final AtomicInteger runs = new AtomicInteger();
  private final List<AutoCloseable> open = new ArrayList<>();
  private HookcServer server;

  @BeforeEach
  void start() throws Exception {
    // A directory the store creates itself, as it does with HOOKC_DATA_DIR or ./data.
    data = tmp.resolve("hookc-data");
    JdbcStore store = JdbcStore.open(JdbcStore.h2Url(data), null, null);
    open.add(store);
    Inbox headerInbox = inbox(store, "POST /async");
    Inbox bodyInbox = inbox(store, "POST /async-body");
    server =
        HookcServer.builder()
            .host("127.0.0.1")
            .port(0)
            .shutdownGrace(Duration.ofMillis(100))
            .route(Route.of("POST", "/sync", idempotent(store, "POST /sync", header())))
            .route(Route.of("POST", "/sync-body", idempotent(store, "POST /sync-body", body())))
            .route(Route.of("POST", "/async", headerInbox.accept(202, header(), null)))
            .route(Route.of("POST", "/async-body", bodyInbox.accept(202, body(), null)))
            .start();
  }

  private Inbox inbox(JdbcStore store, String scope) {
    Inbox inbox =
        Inbox.builder(store, scope)
            .handler(request -> Response.empty(204))
            .retry(RetryPolicy.defaults())
            .lease(Duration.ofMinutes(1))
            .workers(1)
            .start();
    open.add(0, inbox);
    return inbox;
  }

  private dev.hookc.runtime.RequestHandler idempotent(
      JdbcStore store,
      String scope,
      java.util.function.Function<dev.hookc.runtime.Request, String> key) {
    return Idempotency.of(store, scope, key, Duration.ofHours(1))
        .protect(request -> Response.json(200, Map.of("run", runs.incrementAndGet())));
  }

  private static java.util.function.Function<dev.hookc.runtime.Request, String> header() {
    return RequestKeys.header("webhook-id");
  }

  private static java.util.function.Function<dev.hookc.runtime.Request, String> body() {
    return RequestKeys.body("id");
  }

  @AfterEach
  void stop() throws Exception {
    server.stop(Duration.ofMillis(100));
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private HttpResponse<String> post(String path, String key, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUri() + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("webhook-id", key);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode problem(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    return Json.mapper().readTree(response.body());
  }

  private int inboxRows() throws Exception {
    try (Connection c = DriverManager.getConnection(JdbcStore.h2Url(data));
        Statement s = c.createStatement();
        ResultSet row = s.executeQuery("SELECT COUNT(*) FROM hookc_inbox")) {
      row.next();
      return row.getInt(1);
    }
  }

  @Test
  void answersTheSame400ToAKeyOver500CharactersOnSyncAndAsyncRoutes() throws Exception {
    String key = "msg_" + "x".repeat(596);

    JsonNode sync = problem(post("/sync", key, "{}"));
    JsonNode async = problem(post("/async", key, "{}"));

    assertThat(async.get("type")).isEqualTo(sync.get("type"));
    assertThat(async.get("detail")).isEqualTo(sync.get("detail"));
    assertThat(sync.get("type").asText())
        .isEqualTo("https://hookc.dev/problems/invalid-idempotency-key");
    assertThat(sync.get("detail").asText()).contains("500");
    assertThat(runs).hasValue(0);
    assertThat(inboxRows()).isZero();
    // A key of exactly 500 characters is still accepted on both.
    String longest = "k".repeat(500);
    assertThat(post("/sync", longest, "{}").statusCode()).isEqualTo(200);
    assertThat(post("/async", longest, "{}").statusCode()).isEqualTo(202);
  }

  @Test
  void answers400ToAKeyWithAControlCharacterOrALoneSurrogateOnBothRoutes() throws Exception {
    for (String id : List.of("\"evt\\u0000\"", "\"evt\\u001b[2J\"", "\"evt\\ud800\"")) {
      String body = "{\"id\":" + id + "}";

      JsonNode sync = problem(post("/sync-body", null, body));
      JsonNode async = problem(post("/async-body", null, body));

      assertThat(async.get("type")).isEqualTo(sync.get("type"));
      assertThat(async.get("detail")).isEqualTo(sync.get("detail"));
    }
    assertThat(runs).hasValue(0);
    assertThat(inboxRows()).isZero();
  }

  @Test
  void keepsANumberKeyApartFromTheSameDigitsAsAString() throws Exception {
    HttpResponse<String> number = post("/sync-body", null, "{\"id\":123}");
    HttpResponse<String> string = post("/sync-body", null, "{\"id\":\"123\"}");
    HttpResponse<String> bool = post("/sync-body", null, "{\"id\":true}");
    HttpResponse<String> text = post("/sync-body", null, "{\"id\":\"true\"}");

    assertThat(List.of(number, string, bool, text))
        .allSatisfy(r -> assertThat(r.headers().firstValue("idempotent-replayed")).isEmpty());
    assertThat(runs).hasValue(4);
    // A repeat of each is still recognised.
    assertThat(post("/sync-body", null, "{\"id\":123}").body()).isEqualTo(number.body());
    assertThat(post("/sync-body", null, "{\"id\":\"123\"}").body()).isEqualTo(string.body());
    // The inbox keys the same way.
    assertThat(post("/async-body", null, "{\"id\":7}").headers().firstValue("idempotent-replayed"))
        .isEmpty();
    assertThat(
            post("/async-body", null, "{\"id\":\"7\"}").headers().firstValue("idempotent-replayed"))
        .isEmpty();
    assertThat(inboxRows()).isEqualTo(2);
  }

  @Test
  void createsTheDataDirectoryAndItsFilesForTheOwnerOnly() throws Exception {
    Assumptions.assumeTrue(
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "POSIX permissions");
    assertThat(post("/sync", "perm-1", "{\"card\":\"4242\"}").statusCode()).isEqualTo(200);
    assertThat(post("/async", "perm-2", "{\"card\":\"4242\"}").statusCode()).isEqualTo(202);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
        .isEqualTo("rwx------");
    List<Path> files;
    try (Stream<Path> list = Files.list(data)) {
      files = list.toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .as(file.toString())
          .isEqualTo("rw-------");
    }
  }

  @Test
  void refusesToStartOnADatabaseWhoseAppliedMigrationWasChanged() throws Exception {
    String url = JdbcStore.h2Url(tmp.resolve("tampered"));
    JdbcStore.open(url, null, null).close();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      // What a hand-made change to hookc's table leaves behind: the record no longer matches.
      s.executeUpdate(
          "UPDATE \"hookc_schema_history\" SET \"checksum\" = \"checksum\" + 1"
              + " WHERE \"version\" = '2'");
      s.execute("SHUTDOWN");
    }

    assertThatThrownBy(() -> JdbcStore.open(url, null, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("V2__create_inbox.sql")
        .hasMessageContaining("checksum");
    // Refused without leaving the database open in this process: its file is not locked.
    try (FileChannel file =
            FileChannel.open(
                tmp.resolve("tampered").resolve("hookc.mv.db"),
                StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock = file.tryLock()) {
      assertThat(lock).isNotNull();
    }
  }

  @Test
  void refusesAWrongPasswordForADatabaseAnotherStoreHasOpen() throws Exception {
    String url = JdbcStore.h2Url(tmp.resolve("guarded"));
    try (JdbcStore owner = JdbcStore.open(url, "owner", "owner-secret")) {
      // The same URL, open in this process, must not hand its connections to another password.
      assertThatThrownBy(() -> JdbcStore.open(url, "owner", "guessed").close())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Wrong user name or password");
      assertThat(owner.dialect()).isEqualTo(Dialect.H2);
    }
  }
}

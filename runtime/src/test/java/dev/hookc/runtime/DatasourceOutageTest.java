package dev.hookc.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hookc.runtime.datasource.HttpCall;
import dev.hookc.runtime.datasource.HttpDatasource;
import dev.hookc.runtime.datasource.JdbcDatasource;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.app.Assembly;
import dev.hookc.runtime.internal.app.Startup;
import dev.hookc.runtime.internal.datasource.HttpDefinition;
import dev.hookc.runtime.internal.datasource.HttpTasks;
import dev.hookc.runtime.internal.datasource.JdbcTasks;
import dev.hookc.runtime.internal.datasource.Setting;
import dev.hookc.runtime.internal.workflow.RequestInputs;
import dev.hookc.runtime.internal.workflow.Retry;
import dev.hookc.runtime.internal.workflow.TaskBody;
import dev.hookc.runtime.internal.workflow.TaskRunner;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A synchronous route whose workflow fails on a datasource that no {@code on_error} handles, as the
 * plugin generates it: a database or provider that cannot be reached is a 503 {@code
 * datasource-unavailable} with {@code Retry-After}, naming the datasource and the operation and
 * nothing of its URL, credentials or SQL; a constraint violated stays a 500.
 */
@Timeout(60)
class DatasourceOutageTest {
  private static final String PASSWORD = "hunter2";

  @TempDir Path data;
  private Server database;
  private int databasePort;
  private int closedPort;

  @BeforeEach
  void startDatabase() throws Exception {
    database = tcpServer(0);
    databasePort = database.getPort();
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
  }

  // A file database, so that it is still there when the server is started again.
  private Server tcpServer(int port) throws Exception {
    return Server.createTcpServer(
            "-tcpPort", Integer.toString(port), "-ifNotExists", "-baseDir", data.toString())
        .start();
  }

  @AfterEach
  void stopDatabase() {
    database.stop();
  }

  private String url() {
    return "jdbc:h2:tcp://127.0.0.1:" + databasePort + "/outage;USER=sa;PASSWORD=" + PASSWORD;
  }

  private Application start() throws Exception {
    return Assembly.of(env -> JsonNodeFactory.instance.objectNode(), DatasourceOutageTest::routes)
        .datasource(DatasourceProject.db(true, List.of(DatasourceProject.V1)))
        .datasource(provider())
        .store(null, null)
        .builder()
        .dataDirectory(data)
        .config("db.url", url())
        .config("provider.base_url", "http://127.0.0.1:" + closedPort + "/api")
        .environment("PROVIDER_KEY", "sk_" + PASSWORD)
        .host("127.0.0.1")
        .port(0)
        .build()
        .start();
  }

  private static HttpDefinition provider() {
    return new HttpDefinition(
        "provider",
        new Setting(
            "<% config.provider.base_url %>",
            (config, env) -> config.at("/provider/base_url").asText()),
        Map.of(),
        Duration.ofSeconds(5),
        Optional.of(
            new HttpDefinition.Authn.Bearer(
                new Setting("<% env.PROVIDER_KEY %>", (config, env) -> env.apply("PROVIDER_KEY")))),
        HttpDefinition.Retry.none());
  }

  /** {@code POST /pay} records a payment; {@code POST /confirm} asks the provider about it. */
  private static List<Route> routes(Startup startup) {
    Wiring wiring = startup.wiring();
    JdbcDatasource db = wiring.jdbc("db");
    HttpDatasource provider = wiring.http("provider");
    return List.of(
        Route.of(
            "POST",
            "/pay",
            request ->
                workflow(
                    "record (src/functions/pay.yaml:3:5)",
                    () ->
                        JdbcTasks.update(
                            db,
                            "recordPayment",
                            Map.of("id", request.header("payment-id"), "amount", 12.5)))),
        Route.of(
            "POST",
            "/confirm",
            request ->
                workflow(
                    "confirm (src/functions/confirm.yaml:3:5)",
                    () ->
                        HttpTasks.call(
                            provider,
                            new HttpCall(
                                "GET",
                                "/v1/payments/{id}",
                                Map.of("id", request.header("payment-id")),
                                Map.of(),
                                Map.of(),
                                Optional.empty(),
                                Optional.empty())))));
  }

  private static Response workflow(String task, TaskBody body) throws Exception {
    return RequestInputs.respond(TaskRunner.shared().run(task, Retry.NONE, body).asResult());
  }

  private static HttpResponse<String> post(Application app, String path, String paymentId)
      throws Exception {
    return TestServer.CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .timeout(Duration.ofSeconds(30))
            .header("payment-id", paymentId)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode problem(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    return Json.read(response.body().getBytes(StandardCharsets.UTF_8));
  }

  private void assertRevealsNothingOfTheDatasource(HttpResponse<String> response) {
    assertThat(response.body())
        .doesNotContain(PASSWORD)
        .doesNotContain("jdbc:")
        .doesNotContain("tcp")
        .doesNotContain(Integer.toString(databasePort))
        .doesNotContain(Integer.toString(closedPort))
        .doesNotContain("INSERT")
        .doesNotContain("Exception")
        .doesNotContain("SQLSTATE")
        .doesNotContain("refused");
  }

  @Test
  void aDatabaseThatCannotBeReachedIsA503WithRetryAfterNamingTheDatasourceAndStatement()
      throws Exception {
    try (Application app = start()) {
      assertThat(post(app, "/pay", "pi_before").statusCode()).isEqualTo(200);
      database.stop();

      HttpResponse<String> response = post(app, "/pay", "pi_during");

      assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
      assertThat(response.headers().firstValue("retry-after")).hasValue("5");
      JsonNode problem = problem(response);
      assertThat(problem.path("type").asText())
          .isEqualTo("https://hookc.dev/problems/datasource-unavailable");
      assertThat(problem.path("status").asInt()).isEqualTo(503);
      assertThat(problem.path("detail").asText())
          .isEqualTo(
              "the datasource db could not be reached (recordPayment); retry after the given"
                  + " delay");
      assertThat(problem.path("requestId").asText()).hasSize(12);
      assertRevealsNothingOfTheDatasource(response);

      database = tcpServer(databasePort);
      // A connection the pool kept from before the outage fails until the pool checks it, which
      // it does when the connection has been idle for half a second: a sender's retry, later.
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      int status = post(app, "/pay", "pi_during").statusCode();
      while (status != 200 && System.nanoTime() < deadline) {
        assertThat(status).isEqualTo(503);
        Thread.sleep(600);
        status = post(app, "/pay", "pi_during").statusCode();
      }
      assertThat(status).as("once it is back").isEqualTo(200);
    }
  }

  @Test
  void aConstraintViolatedThatNoOnErrorHandlesStaysA500() throws Exception {
    try (Application app = start()) {
      assertThat(post(app, "/pay", "pi_twice").statusCode()).isEqualTo(200);

      HttpResponse<String> response = post(app, "/pay", "pi_twice");

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.headers().firstValue("retry-after")).isEmpty();
      assertThat(problem(response).path("type").asText())
          .isEqualTo("https://hookc.dev/problems/internal-error");
    }
  }

  @Test
  void aProviderThatCannotBeReachedIsA503NamingTheDatasourceAndCallButNotItsUrlOrKey()
      throws Exception {
    try (Application app = start()) {
      HttpResponse<String> response = post(app, "/confirm", "pi_1");

      assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
      assertThat(response.headers().firstValue("retry-after")).hasValue("5");
      JsonNode problem = problem(response);
      assertThat(problem.path("type").asText())
          .isEqualTo("https://hookc.dev/problems/datasource-unavailable");
      assertThat(problem.path("detail").asText())
          .isEqualTo(
              "the datasource provider could not be reached (GET /v1/payments/{id}); retry after"
                  + " the given delay");
      assertRevealsNothingOfTheDatasource(response);
      assertThat(response.body()).doesNotContain("/api").doesNotContain("pi_1");
    }
  }
}

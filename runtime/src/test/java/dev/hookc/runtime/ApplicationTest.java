package dev.hookc.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.app.Assembly;
import dev.hookc.runtime.store.JdbcStore;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an application's builder checks and changes, and what the application owns. */
class ApplicationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;

  @Test
  void buildNamesEveryMissingSecretInOneException() {
    assertThatThrownBy(
            () ->
                TestProject.builder()
                    .dataDirectory(data)
                    .environment("TEST_SIGNING_SECRET", null)
                    .environment("TEST_GITHUB_SECRET", null)
                    .environment("TEST_ADMIN_TOKEN", null)
                    .build())
        .isInstanceOfSatisfying(
            ApplicationSettingsException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(3)
                    .anySatisfy(
                        p -> assertThat(p).contains("'config.signing.secret'", "POST /signed"))
                    .anySatisfy(
                        p -> assertThat(p).contains("'env.TEST_GITHUB_SECRET'", "POST /github"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .contains("'env.TEST_ADMIN_TOKEN'", "the admin endpoints")))
        .hasMessageStartingWith("the application cannot start: 3 problems");
  }

  @Test
  void buildReportsSettingsProblemsTogetherWithSecrets() {
    assertThatThrownBy(
            () ->
                TestProject.builder()
                    .environment("TEST_SIGNING_SECRET", "s")
                    .environment("TEST_GITHUB_SECRET", "g")
                    .environment("TEST_ADMIN_TOKEN", "too-short")
                    .environment("HOOKC_STORE_URL", "jdbc:mysql://db/hooks")
                    .function(Runnable.class, () -> {})
                    .build())
        .isInstanceOfSatisfying(
            ApplicationSettingsException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(3)
                    .anySatisfy(p -> assertThat(p).contains("admin token", "16 characters"))
                    .anySatisfy(p -> assertThat(p).contains("jdbc:mysql://db/hooks"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .contains(
                                    "java.lang.Runnable",
                                    TestProject.Greeting.class.getName(),
                                    TestProject.Unused.class.getName())));
  }

  @Test
  void buildReportsLogSettingsThatAreNotValidRatherThanFallingBack() {
    assertThatThrownBy(
            () ->
                TestProject.builder()
                    .dataDirectory(data)
                    .environment("TEST_SIGNING_SECRET", "s")
                    .environment("TEST_GITHUB_SECRET", "g")
                    .environment("TEST_ADMIN_TOKEN", "an-admin-token-of-32-characters!")
                    .environment("HOOKC_LOG_FORMAT", "xml")
                    .environment("HOOKC_LOG_BODIES", "yes")
                    .build())
        .isInstanceOfSatisfying(
            ApplicationSettingsException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "HOOKC_LOG_FORMAT is 'xml'; it must be text or json",
                        "HOOKC_LOG_BODIES is 'yes'; it must be true or false"));
  }

  @Test
  void takesItsPortFromTheEnvironmentOnlyWhenTheBuilderGivesNone() {
    Application.Builder builder =
        Assembly.of(env -> JSON.createObjectNode(), startup -> List.of())
            .defaultPort(3000)
            .builder()
            .host("127.0.0.1")
            .environment("PORT", "eighty");

    assertThatThrownBy(builder::build)
        .isInstanceOf(ApplicationSettingsException.class)
        .hasMessageContaining("PORT must be a number from 0 to 65535, not 'eighty'");
    try (Application app = builder.port(0).build().start()) {
      assertThat(app.port()).isPositive();
    }
  }

  @Test
  void changesTheConfigurationKeyByKeyAndReadsTheEnvironmentItIsGiven() throws Exception {
    try (Application app =
        TestProject.builder()
            .dataDirectory(data)
            .environment("TEST_SIGNING_SECRET", "from-the-environment")
            .environment("TEST_GITHUB_SECRET", "github-secret")
            .environment("TEST_ADMIN_TOKEN", "admin-token-0123456789")
            .config("greeting.name", "Ada")
            .build()
            .start()) {
      // The configuration's environment-variable mapping read the builder's environment.
      assertThat(app.config().at("/signing/secret").asText()).isEqualTo("from-the-environment");
      assertThat(app.config().at("/greeting/name").asText()).isEqualTo("Ada");
      assertThat(get(app, "/greet").body()).isEqualTo("{\"greeting\":\"hello Ada\"}");
    }
  }

  @Test
  void replacesTheConfigurationWhole() {
    JsonNode config = JSON.createObjectNode().put("only", true);

    Application app = TestProject.configured(data).config(config).build();

    assertThat(app.config().get("only").asBoolean()).isTrue();
    assertThat(app.config().has("greeting")).isFalse();
    assertThat(app.config().at("/signing/secret").asText()).isEqualTo("signing-secret");
  }

  @Test
  void runsAFunctionGivenToTheBuilderWhereWorkflowsCallTheProjects() throws Exception {
    try (Application app =
        TestProject.configured(data)
            .function(TestProject.Greeting.class, name -> "fake greeting for " + name)
            .build()
            .start()) {
      assertThat(get(app, "/greet").body()).isEqualTo("{\"greeting\":\"fake greeting for world\"}");
    }
  }

  @Test
  void refusesAnImplementationOfAnotherContract() {
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<Object> contract = (Class) TestProject.Greeting.class;

    assertThatThrownBy(() -> TestProject.builder().function(contract, "not a greeting"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("java.lang.String does not implement " + TestProject.Greeting.class.getName());
  }

  /** A function that counts how often it is made and closed. */
  static final class Counted implements TestProject.Greeting, AutoCloseable {
    static final AtomicInteger MADE = new AtomicInteger();
    static final AtomicInteger CLOSED = new AtomicInteger();

    Counted() {
      MADE.incrementAndGet();
    }

    @Override
    public String greet(String name) {
      return name;
    }

    @Override
    public void close() {
      CLOSED.incrementAndGet();
    }
  }

  @Test
  void makesEachFunctionOnceSharesItAndClosesItWithTheApplication() {
    AtomicReference<List<TestProject.Greeting>> seen = new AtomicReference<>();
    Application app =
        Assembly.of(
                env -> JSON.createObjectNode(),
                startup -> {
                  Wiring wiring = startup.wiring();
                  // Two workflows calling the same function.
                  seen.set(
                      List.of(
                          wiring.function(TestProject.Greeting.class, Counted::new),
                          wiring.function(TestProject.Greeting.class, Counted::new)));
                  return List.of();
                })
            .functions(TestProject.Greeting.class)
            .builder()
            .host("127.0.0.1")
            .port(0)
            .build();
    int made = Counted.MADE.get();
    int closed = Counted.CLOSED.get();

    app.start();

    assertThat(seen.get().get(0)).isSameAs(seen.get().get(1));
    assertThat(Counted.MADE.get()).isEqualTo(made + 1);
    app.close();
    app.close();
    assertThat(Counted.CLOSED.get()).isEqualTo(closed + 1);
  }

  @Test
  void leavesAFunctionGivenToTheBuilderOpen() {
    Counted given = new Counted();
    int closed = Counted.CLOSED.get();

    TestProject.configured(data)
        .function(TestProject.Greeting.class, given)
        .build()
        .start()
        .close();

    assertThat(Counted.CLOSED.get()).isEqualTo(closed);
  }

  @Test
  void keepsItsStoreOnTheCallersDataSourceAndLeavesItOpen() throws Exception {
    try (HikariDataSource pool = new HikariDataSource()) {
      pool.setJdbcUrl("jdbc:h2:mem:callers-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
      try (Application app = TestProject.configured(data).dataSource(pool).build().start()) {
        assertThat(post(app, "/idempotent", "Idempotency-Key", "k").statusCode()).isEqualTo(200);
      }

      assertThat(pool.isClosed()).isFalse();
      try (Connection c = pool.getConnection();
          Statement s = c.createStatement();
          ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM hookc_idempotency")) {
        rows.next();
        assertThat(rows.getInt(1)).isEqualTo(1);
      }
      assertThat(data.resolve("hookc.mv.db")).doesNotExist();
    }
  }

  @Test
  void leavesAStoreGivenToTheBuilderOpen() throws Exception {
    try (JdbcStore store = JdbcStore.open(JdbcStore.h2Url(data), null, null)) {
      TestProject.configured(data.resolve("unused")).store(store).build().start().close();

      // Still open: its database answers.
      try (Connection c = store.dataSource().getConnection()) {
        assertThat(c.isValid(1)).isTrue();
      }
    }
  }

  @Test
  void handsOutItsDatabaseWithAutoCommitForTheApplicationsOwnTables() throws Exception {
    AtomicReference<Wiring> wiring = new AtomicReference<>();
    // A project without a store: the database opens when a function first asks for it.
    try (Application app =
        Assembly.of(
                env -> JSON.createObjectNode(),
                startup -> {
                  wiring.set(startup.wiring());
                  return List.of();
                })
            .builder()
            .dataDirectory(data)
            .host("127.0.0.1")
            .port(0)
            .build()
            .start()) {
      assertThat(app.port()).isPositive();
      assertThat(data.resolve("hookc.mv.db")).doesNotExist();
      try (Connection c = wiring.get().dataSource().getConnection();
          Statement s = c.createStatement()) {
        assertThat(c.getAutoCommit()).isTrue();
        s.execute("CREATE TABLE payments (id VARCHAR(10))");
        s.execute("INSERT INTO payments VALUES ('p1')");
      }
      try (Connection c = wiring.get().dataSource().getConnection();
          Statement s = c.createStatement();
          ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM payments")) {
        rows.next();
        assertThat(rows.getInt(1)).isEqualTo(1);
      }
    }
    assertThat(data.resolve("hookc.mv.db")).exists();
  }

  @Test
  void givesTheApplicationsClockAndOneHttpClient() {
    Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    AtomicReference<Wiring> wiring = new AtomicReference<>();
    Application app =
        Assembly.of(
                env -> JSON.createObjectNode(),
                startup -> {
                  wiring.set(startup.wiring());
                  return List.of();
                })
            .builder()
            .clock(fixed)
            .host("127.0.0.1")
            .port(0)
            .build()
            .start();
    try {
      assertThat(wiring.get().clock()).isSameAs(fixed);
      assertThat(wiring.get().httpClient()).isSameAs(wiring.get().httpClient());
      assertThat(wiring.get().environment().apply("PATH")).isEqualTo(System.getenv("PATH"));
    } finally {
      app.close();
    }
  }

  @Test
  void startsOnceAndAnswersItsAddressOnlyOnceStarted() {
    Application app = TestProject.configured(data).build();

    assertThatThrownBy(app::port).hasMessage("the application is not started");
    app.start();
    try {
      assertThat(app.baseUri()).isEqualTo(URI.create("http://127.0.0.1:" + app.port()));
      assertThatThrownBy(app::start).hasMessage("the application is started already");
    } finally {
      app.close();
    }
    assertThatThrownBy(app::start).hasMessage("the application was closed; build another one");
  }

  private static HttpResponse<String> get(Application app, String path) throws Exception {
    return TestServer.send(HttpRequest.newBuilder(URI.create(app.baseUri() + path)).GET());
  }

  private static HttpResponse<String> post(
      Application app, String path, String header, String value) throws Exception {
    return TestServer.send(
        HttpRequest.newBuilder(URI.create(app.baseUri() + path))
            .header(header, value)
            .POST(HttpRequest.BodyPublishers.noBody()));
  }
}
